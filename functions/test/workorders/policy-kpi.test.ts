import type { Actor } from '../../src/domain/actor';
import { repairCallbackFigures } from '../../src/domain/workorders/kpi';
import {
  canActOnOrder, canApproveStatement, canDispatch, canReadOrder, canReadStatement, canRecordCallback,
} from '../../src/domain/workorders/policy';
import { buildStatement } from '../../src/domain/workorders/statement';
import { at, order } from './helpers';

const actor = (over: Partial<Actor>): Actor => ({
  uid: 'u', role: 'staff', deptId: 'd', deptKind: null, branchId: 'br-city', displayName: 'X', locale: 'zh-CN', ...over,
});
const o = { branchId: 'br-city', deptId: 'dept-engineering', dispatchedByDeptId: 'dept-cs', technicianUid: 'u-engineer' };
const tech = actor({ uid: 'u-engineer', deptId: 'dept-engineering', deptKind: 'engineering' });
const otherTech = actor({ uid: 'u-other', deptId: 'dept-engineering-2', deptKind: 'engineering' });
const cs = actor({ uid: 'u-intake', role: 'intake', deptId: 'dept-cs', deptKind: 'customer_service' });
const csElsewhere = actor({ uid: 'u-cs2', role: 'intake', deptId: 'dept-cs-2', deptKind: 'customer_service', branchId: 'br-county' });
const finance = actor({ uid: 'u-fin', deptId: 'dept-finance', deptKind: 'finance' });
const manager = actor({ uid: 'u-boss', role: 'leadership', deptId: 'dept-leadership', deptKind: 'leadership' });
const auditor = actor({ role: 'auditor' });

test('technicians see and work their own orders; the dispatching dept and the office CS centre see the office\'s', () => {
  expect(canReadOrder(tech, o).allowed).toBe(true);
  expect(canReadOrder(otherTech, o).allowed).toBe(false);
  expect(canReadOrder(cs, o).allowed).toBe(true);
  expect(canReadOrder(csElsewhere, o).allowed).toBe(false);
  expect(canActOnOrder(tech, o, 'finish').allowed).toBe(true);
  expect(canActOnOrder(cs, o, 'finish').allowed).toBe(false);
  expect(canActOnOrder(cs, o, 'record_payment').allowed).toBe(true);
  expect(canActOnOrder(finance, o, 'record_payment').allowed).toBe(true);
  expect(canActOnOrder(auditor, o, 'arrive').allowed).toBe(false);
  expect(canRecordCallback(cs, 'br-city').allowed).toBe(true);
  expect(canRecordCallback(tech, 'br-city').allowed).toBe(false);
  const ticket = { kind: 'repair', branchId: 'br-city', ownerDeptId: 'dept-engineering', createdBy: 'u-x' };
  expect(canDispatch(cs, ticket).allowed).toBe(true);
  expect(canDispatch(tech, ticket).allowed).toBe(true);
  expect(canDispatch(finance, ticket).allowed).toBe(false);
});

test('finance reads statements; only the office manager approves', () => {
  expect(canReadStatement(finance, 'br-city').allowed).toBe(true);
  expect(canReadStatement(tech, 'br-city').allowed).toBe(false);
  expect(canApproveStatement(manager, 'br-city').allowed).toBe(true);
  expect(canApproveStatement(manager, 'br-county').allowed).toBe(false);
  expect(canApproveStatement(finance, 'br-city').allowed).toBe(false);
});

test('the statement lists every accepted paid order with unpaid ones summed apart', () => {
  const paid = order({ kind: 'paid_service', state: 'accepted', completedAt: at('2025-10-20 10:00'), number: 'B',
    price: { lines: [], afterHours: false, labour: 3000, materials: 0, total: 3000, warrantyFree: false, quotedAt: at('2025-10-20 09:00'),
      quotedBy: 'u', acceptedAt: at('2025-10-20 09:05'), signerName: 'x', signature: null, hash: 'h' },
    payment: { method: 'bank', reference: 'B-1', amount: 3000, at: at('2025-10-21 09:00'), byUid: 'u', byName: 'U' } });
  const unpaid = order({ ...paid, number: 'A', completedAt: at('2025-10-02 10:00'), payment: null });
  const repair = order({ state: 'accepted', completedAt: at('2025-10-05 10:00') });
  const s = buildStatement([{ id: 'p', order: paid }, { id: 'u', order: unpaid }, { id: 'r', order: repair }]);
  expect(s.lines.map((l) => [l.number, l.paid])).toEqual([['A', false], ['B', true]]);
  expect(s.totals).toEqual({ orders: 2, amount: 6000, paidAmount: 3000, unpaidAmount: 3000, unpaidOrders: 1 });
});

test('callback figures: rate over all tasks, satisfaction over those reached, late special callbacks', () => {
  const r = (reached: boolean, satisfied: boolean | null, when: string) => ({ reached, satisfied, at: at(when) });
  const f = repairCallbackFigures([
    { kind: 'weekly_sample', state: 'done', dueAt: at('2025-10-26 00:00'), result: r(true, true, '2025-10-21 10:00') },
    { kind: 'weekly_sample', state: 'done', dueAt: at('2025-10-26 00:00'), result: r(true, false, '2025-10-21 11:00') },
    { kind: 'weekly_sample', state: 'done', dueAt: at('2025-10-26 00:00'), result: r(false, null, '2025-10-21 12:00') },
    { kind: 're_repair', state: 'done', dueAt: at('2025-10-21 09:00'), result: r(true, true, '2025-10-21 10:00') },
    { kind: 'weekly_sample', state: 'open', dueAt: at('2025-10-26 00:00'), result: null },
  ]);
  expect(f).toEqual({ tasks: 5, done: 4, reached: 3, satisfied: 2, callbackRate: 0.6, satisfactionRate: 2 / 3, reRepairCallbacks: 1, reRepairCallbacksLate: 1 });
});

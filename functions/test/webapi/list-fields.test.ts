/** The list's derived fields, scope keys against the policy, search tokens, time left, plans (issue 8.2, 9.1). */
import fc from 'fast-check';
import type { Actor } from '../../src/domain/actor';
import { createCalendar, defaultCalendarConfig } from '../../src/domain/calendar';
import { deepDiff } from '../../src/domain/config-admin/diff';
import { canReadTicket } from '../../src/domain/policy';
import { ListTicketsInput, TicketQueue } from '../../src/domain/tickets/list-api';
import {
  branchesBelow, listFieldsOf, phoneKey, readerKeys, scopeKeysOf, searchQuery, searchTokensOf, tokensOf,
} from '../../src/domain/tickets/list-fields';
import { planList, shanghaiMidnight, type PlanContext } from '../../src/domain/tickets/list-plan';
import { timeLeft } from '../../src/domain/tickets/time-left';
import { DeptKind, Role, TicketKind } from '../../src/domain/vocabulary';

const BRANCHES = [
  { id: 'city', parentId: null },
  { id: 'county', parentId: 'city' },
  { id: 'town', parentId: 'county' },
  { id: 'other', parentId: null },
];
const UIDS = ['u1', 'u2', 'u3'];
const DEPTS = ['d1', 'd2', 'd3'];

const actorArb = fc.record({
  uid: fc.constantFrom(...UIDS),
  role: fc.constantFrom(...Role.options),
  deptId: fc.constantFrom(...DEPTS),
  deptKind: fc.constantFrom(...DeptKind.options, null),
  branchId: fc.constantFrom(...BRANCHES.map((b) => b.id)),
  displayName: fc.constant('X'),
  locale: fc.constant('zh-CN' as const),
}) as fc.Arbitrary<Actor>;

const ticketArb = fc.record({
  kind: fc.constantFrom(...TicketKind.options),
  branchId: fc.constantFrom(...BRANCHES.map((b) => b.id)),
  ownerDeptId: fc.constantFrom(...DEPTS, null),
  assigneeUid: fc.constantFrom(...UIDS, null),
  createdBy: fc.constantFrom(...UIDS),
  createdByDeptId: fc.constantFrom(...DEPTS),
  state: fc.constantFrom('assigned' as const, 'in_progress' as const, 'resolved' as const, 'callback' as const, 'closed' as const),
});

/** Actors as requireActor builds them: with the policy's branch tree (lifecycle: actor.branchScope). */
const scopedActorArb = actorArb.map((a) => ({ ...a, branchScope: [a.branchId, ...branchesBelow(a.branchId, BRANCHES)] }));

const keysFor = (a: Actor) => readerKeys(a, [a.branchId, ...branchesBelow(a.branchId, BRANCHES)]);

test('every ticket the policy lets an actor read shares a scope key with the actor (or the actor reads everything)', () => {
  fc.assert(fc.property(actorArb, ticketArb, (actor, t) => {
    if (!canReadTicket(actor, t).allowed) return;
    const keys = keysFor(actor);
    expect(keys === null || scopeKeysOf(t).some((k) => keys.includes(k))).toBe(true);
  }), { numRuns: 3000 });
});

test('with the branch tree (branchScope), every readable ticket shares a key: quality below their branch, the callback desk', () => {
  fc.assert(fc.property(scopedActorArb, ticketArb, (actor, t) => {
    if (!canReadTicket(actor, t).allowed) return;
    const keys = readerKeys(actor); // defaults to actor.branchScope
    expect(keys === null || scopeKeysOf(t).some((k) => keys.includes(k))).toBe(true);
  }), { numRuns: 3000 });
  const quality: Actor = {
    uid: 'uq', role: 'quality', deptId: 'dq', deptKind: 'quality', branchId: 'city', displayName: 'Q', locale: 'zh-CN', branchScope: ['city', 'county', 'town'],
  };
  expect(readerKeys(quality)).toEqual(expect.arrayContaining(['qb:city', 'qb:county', 'qb:town', 'cb:county', 'cb:town']));
  expect(readerKeys(quality)).not.toContain('qb:other');
  const cs: Actor = { ...quality, uid: 'uc', role: 'staff', deptId: 'dc', deptKind: 'customer_service', branchScope: ['county', 'town'], branchId: 'county' };
  const csKeys = readerKeys(cs)!;
  expect(csKeys).toEqual(expect.arrayContaining(['cd:dc', 'cb:county', 'cb:town']));
  expect(csKeys.some((k) => k.startsWith('qb:') || k === 'cb:city')).toBe(false);
  // a repair of the town waiting for its callback carries the town's callback key; being worked, it does not
  const repair = { kind: 'repair', branchId: 'town', ownerDeptId: 'd1', assigneeUid: null, createdBy: 'u1', createdByDeptId: 'd1' };
  expect(scopeKeysOf({ ...repair, state: 'callback' })).toContain('cb:town');
  expect(scopeKeysOf({ ...repair, state: 'resolved' })).toContain('cb:town');
  expect(scopeKeysOf({ ...repair, state: 'in_progress' }).some((k) => k.startsWith('cb:'))).toBe(false);
});

test('awaitingSignoff is the lifecycle\'s: a submitted, unsigned resolution on a ticket being worked', () => {
  const base = {
    kind: 'complaint', branchId: 'city', ownerDeptId: 'd1', assigneeUid: 'u2', createdBy: 'u1', createdByDeptId: 'd2',
    receivedAt: new Date('2025-11-17T02:00:00Z'), dueAt: new Date('2025-11-18T02:00:00Z'),
  };
  expect(listFieldsOf('t', { ...base, state: 'in_progress', resolution: { signedOffAt: null } }).awaitingSignoff).toBe(true);
  expect(listFieldsOf('t', { ...base, state: 'in_progress', resolution: null }).awaitingSignoff).toBe(false);
  // signed off: the ticket went on to its callback
  expect(listFieldsOf('t', { ...base, state: 'callback', resolution: { signedOffAt: new Date('2025-11-17T05:00:00Z') } }).awaitingSignoff).toBe(false);
});

test('scope keys are never broader than the policy for the facts they stand for', () => {
  fc.assert(fc.property(actorArb, ticketArb, (actor, t) => {
    const keys = keysFor(actor);
    if (keys === null) return;
    // a ticket sharing only the owner-department key is readable
    if (keys.includes(`d:${t.ownerDeptId}`)) expect(canReadTicket(actor, t).allowed).toBe(true);
    if (keys.includes(`u:${t.createdBy}`)) expect(canReadTicket(actor, t).allowed).toBe(true);
  }), { numRuns: 2000 });
  expect(keysFor({ uid: 'u', role: 'leadership', deptId: 'd', deptKind: 'leadership', branchId: 'city', displayName: 'L', locale: 'en' })).toBeNull();
  expect(keysFor({ uid: 'u', role: 'staff', deptId: 'd', deptKind: 'business', branchId: 'city', displayName: 'S', locale: 'en' }))
    .toEqual(['d:d', 'u:u']);
});

test('list fields: open, deadline running, awaiting sign-off, unique sort keys', () => {
  const base = {
    kind: 'complaint', branchId: 'city', ownerDeptId: 'd1', assigneeUid: null, createdBy: 'u1', createdByDeptId: 'd2',
    receivedAt: new Date('2025-11-17T02:00:00Z'), dueAt: new Date('2025-11-18T02:00:00Z'), resolution: null,
  };
  expect(listFieldsOf('t1', { ...base, state: 'assigned' })).toMatchObject({
    open: true, deadlineRunning: true, awaitingSignoff: false,
    sortReceived: '2025-11-17T02:00:00.000Z|t1', sortDue: '2025-11-18T02:00:00.000Z|t1',
    scopeKeys: ['u:u1', 'cd:d2', 'd:d1', 'qb:city'],
  });
  expect(listFieldsOf('t1', { ...base, state: 'waiting_on_client' })).toMatchObject({ open: true, deadlineRunning: false });
  expect(listFieldsOf('t1', { ...base, state: 'closed' })).toMatchObject({ open: false, deadlineRunning: false });
  expect(listFieldsOf('t1', { ...base, state: 'cancelled' }).open).toBe(false);
  expect(listFieldsOf('t1', { ...base, state: 'in_progress', resolution: { signedOffAt: null } }).awaitingSignoff).toBe(true);
  expect(listFieldsOf('t2', { ...base, state: 'received', dueAt: null }).sortDue).toBe('~|t2');
});

test('search tokens: number and its parts, codes, Chinese characters and pairs; queries match as substrings', () => {
  const tokens = searchTokensOf({ number: 'HX-20251117-0003', clientName: '万家便利店', title: '买到过期牛奶 again' }, 'CZ1-001');
  for (const t of ['hx-20251117-0003', '20251117', '0003', 'cz1-001', 'cz1', '万家', '便利', '过期', '牛奶', '奶', 'again']) expect(tokens).toContain(t);
  const q = searchQuery('过期牛奶')!;
  expect(q.all.every((t) => tokens.includes(t))).toBe(true);
  expect(searchQuery('过期面包')!.all.every((t) => tokens.includes(t))).toBe(false);
  expect(searchQuery('ＨＸ－２０２５１１１７－０００３')!.queryToken).toBe('hx-20251117-0003');
  expect(searchQuery('  ,.  ')).toBeNull();
  expect(tokensOf('A-b')).toEqual(['a-b', 'a', 'b']);
});

test('phone keys: digits only, without the country prefix; not a phone → null', () => {
  expect(phoneKey('+86 139-0000-0009')).toBe('13900000009');
  expect(phoneKey('0086 13900000009')).toBe('13900000009');
  expect(phoneKey('(0571) 8888 1234')).toBe('057188881234');
  expect(phoneKey('万家')).toBeNull();
  expect(phoneKey('12345')).toBeNull();
});

describe('time left in working time, by state', () => {
  const cal = createCalendar(defaultCalendarConfig(2024, 2026));
  const HOUR = 3_600_000;
  const due = new Date('2025-11-18T02:00:00Z'); // Tue 10:00 Shanghai
  const updatedAt = new Date('2025-11-17T02:00:00Z');

  test('running, due soon, overdue (also after hours), paused, closed on time / late, no deadline', () => {
    expect(timeLeft({ state: 'assigned', dueAt: due, updatedAt }, new Date('2025-11-17T02:00:00Z'), cal))
      .toEqual({ status: 'running', workingMs: cal.workingTimeBetween(new Date('2025-11-17T02:00:00Z'), due) });
    expect(timeLeft({ state: 'in_progress', dueAt: due, updatedAt }, new Date('2025-11-18T00:30:00Z'), cal))
      .toEqual({ status: 'due_soon', workingMs: 1.5 * HOUR });
    // Monday 17:00 → Tuesday 10:00 is only 1.5 working hours: due soon although 17 clock hours remain
    expect(timeLeft({ state: 'in_progress', dueAt: due, updatedAt }, new Date('2025-11-17T09:00:00Z'), cal).status).toBe('due_soon');
    expect(timeLeft({ state: 'in_progress', dueAt: due, updatedAt }, new Date('2025-11-18T03:00:00Z'), cal))
      .toEqual({ status: 'overdue', workingMs: -HOUR });
    const dueEvening = new Date('2025-11-17T09:30:00Z'); // Mon 17:30, after hours
    expect(timeLeft({ state: 'in_progress', dueAt: dueEvening, updatedAt }, new Date('2025-11-17T10:00:00Z'), cal).status).toBe('overdue');
    const paused = timeLeft({ state: 'waiting_on_client', dueAt: due, updatedAt, pauses: [{ start: new Date('2025-11-18T01:00:00Z'), end: null, reason: '' }] },
      new Date('2025-11-25T01:00:00Z'), cal);
    expect(paused).toEqual({ status: 'paused', workingMs: HOUR });
    expect(timeLeft({ state: 'closed', dueAt: due, updatedAt: new Date('2025-11-18T01:00:00Z') }, new Date('2025-12-01T00:00:00Z'), cal))
      .toEqual({ status: 'closed_on_time', workingMs: HOUR });
    expect(timeLeft({ state: 'cancelled', dueAt: due, updatedAt: new Date('2025-11-18T04:00:00Z') }, new Date('2025-12-01T00:00:00Z'), cal))
      .toEqual({ status: 'closed_late', workingMs: -2 * HOUR });
    expect(timeLeft({ state: 'received', dueAt: null, updatedAt }, updatedAt, cal)).toEqual({ status: 'no_deadline', workingMs: null });
  });
});

describe('query plans', () => {
  const actor: Actor = { uid: 'u', role: 'head', deptId: 'd', deptKind: 'business', branchId: 'city', displayName: 'H', locale: 'zh-CN' };
  const ctx: PlanContext = { actor, readerKeys: ['d:d', 'u:u'], now: new Date('2025-11-17T02:00:00Z'), dueSoonUntil: new Date('2025-11-17T06:00:00Z') };

  test('every queue filters by open state (or a state class) in the query itself', () => {
    for (const queue of TicketQueue.options) {
      const plan = planList(ListTicketsInput.parse({ queue }), ctx, null);
      expect(plan.equalities.length).toBeGreaterThan(0);
      expect(plan.equalities.map(([f]) => f).every((f) => ['open', 'state', 'deadlineRunning', 'awaitingSignoff'].includes(f))).toBe(true);
      expect(plan.equalities).not.toContainEqual(['open', false]);
    }
  });

  test('overdue and due soon sort by due time with a range on it; received days go in the query when sorting by receipt', () => {
    const overdue = planList(ListTicketsInput.parse({ queue: 'overdue', sort: 'receivedAt', order: 'desc' }), ctx, null);
    expect(overdue).toMatchObject({ sortField: 'sortDue', order: 'asc', lt: '2025-11-17T02:00:00.000Z', equalities: [['deadlineRunning', true]] });
    const days = planList(ListTicketsInput.parse({ filters: { receivedFrom: '2025-11-01', receivedTo: '2025-11-30' } }), ctx, null);
    expect(days).toMatchObject({ gte: '2025-10-31T16:00:00.000Z', lt: '2025-11-30T16:00:00.000Z' });
    expect(shanghaiMidnight('2025-11-17').toISOString()).toBe('2025-11-16T16:00:00.000Z');
    expect(planList(ListTicketsInput.parse({ queue: 'mine' }), ctx, null).scopeKeys).toEqual(['a:u', 'u:u']);
  });
});

test('config diffs by dotted path', () => {
  expect(deepDiff({ a: 1, b: { c: [1, 2] } }, { a: 1, b: { c: [1, 3, 4] }, d: null })).toEqual({
    'b.c.1': { from: 2, to: 3 }, 'b.c.2': { from: null, to: 4 },
  });
});

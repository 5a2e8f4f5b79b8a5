import { emulatorProject } from '../../../test/support/emulator';
import { ManualClock } from '../../src/domain/clock';
import { useClock } from '../../src/lib/clock';
import { dispatchWorkOrder } from '../../src/callables/workorders/dispatch-work-order';
import { workOrderAction } from '../../src/callables/workorders/work-order-action';
import { getWorkOrder } from '../../src/callables/workorders/get-work-order';
import { listWorkOrders } from '../../src/callables/workorders/list-work-orders';
import { signature } from './helpers';
import { at, auth, eventTypes, refusalOf, seedWorkOrderOrg, ticket } from './setup';

const { db, fft, cleanup } = emulatorProject('wo-flow');
const dispatch = fft.wrap(dispatchWorkOrder);
const act = fft.wrap(workOrderAction);
const get = fft.wrap(getWorkOrder);
const list = fft.wrap(listWorkOrders);
jest.setTimeout(30_000);
const clk = new ManualClock(at('2025-10-13 09:00'));

type Result = { orderId: string; seq: number; state: string; replayed: boolean; allowedActions: string[] };
const call = (uid: string, data: Record<string, unknown>) => act({ data, auth: auth(uid) } as never) as Promise<Result>;

beforeAll(async () => {
  useClock(clk);
  await seedWorkOrderOrg(db);
});
// A losing transaction's rollback may still be in flight when the last test ends.
afterAll(async () => {
  await new Promise((r) => setTimeout(r, 500));
  await cleanup();
});

test('dispatch → arrive → finish → sign: one event per step, the technician notified, the signature stored as strokes with its hash', async () => {
  clk.set(at('2025-10-13 09:00'));
  const ticketId = await ticket(db, 'repair', clk.now());
  const form = {
    ticketId, deptId: 'dept-engineering', technicianUid: 'u-engineer', appointmentFrom: '2025-10-13T10:00:00+08:00',
    appointmentTo: '2025-10-13T12:00:00+08:00', location: '3楼卫生间', item: '水龙头', description: '水龙头漏水', requestId: 'form-0001',
  };
  const first = await dispatch({ data: form, auth: auth('u-intake') } as never) as { orderId: string; created: boolean };
  expect(first).toEqual({ orderId: `${ticketId}-1`, created: true });
  // The same form sent again (a retry) finds the same order.
  expect(await dispatch({ data: form, auth: auth('u-intake') } as never)).toEqual({ orderId: first.orderId, created: false });
  const id = first.orderId;
  const ticketNumber = (await db.doc(`tickets/${ticketId}`).get()).get('number');
  expect((await db.doc(`workOrders/${id}`).get()).get('number')).toBe(`${ticketNumber}-1`);
  expect((await db.doc(`notifications/wo_${id}_1_u-engineer`).get()).get('title')).toContain(ticketNumber);

  clk.set(at('2025-10-13 10:05'));
  expect(await call('u-engineer', { action: 'arrive', orderId: id, expectedSeq: 1 })).toMatchObject({ seq: 2, state: 'arrived', replayed: false });
  // The phone lost the answer and sends the step again: nothing new is written.
  expect(await call('u-engineer', { action: 'arrive', orderId: id, expectedSeq: 1 })).toMatchObject({ seq: 2, replayed: true });

  clk.set(at('2025-10-13 10:50'));
  const finished = await call('u-engineer', {
    action: 'finish', orderId: id, expectedSeq: 2, workDone: '更换阀芯，试水无渗漏',
    materials: [{ name: '阀芯', quantity: 1, unit: '个', suppliedBy: 'client' }], minutesSpent: 45,
  });
  expect(finished).toMatchObject({ state: 'finished', allowedActions: ['sign', 'refuse'] });

  // An empty signature: refused with the reason, nothing written.
  const empty = await refusalOf(call('u-engineer', { action: 'sign', orderId: id, expectedSeq: 3, signerName: '刘老板', signature: { width: 300, height: 150, strokes: [] } }));
  expect(empty).toEqual({ code: 'invalid-argument', reason: 'workorders.signature_empty', params: {} });
  const huge = await refusalOf(call('u-engineer', { action: 'sign', orderId: id, expectedSeq: 3, signerName: '刘老板', signature: signature(60, 2) }));
  expect(huge).toMatchObject({ code: 'invalid-argument', reason: 'workorders.signature_too_large', params: { what: 'strokes' } });
  expect(await eventTypes(db, id)).toEqual(['dispatched', 'arrived', 'finished']);

  clk.set(at('2025-10-13 10:55'));
  expect(await call('u-engineer', { action: 'sign', orderId: id, expectedSeq: 3, signerName: '刘老板', signature: signature() }))
    .toMatchObject({ seq: 4, state: 'accepted', allowedActions: [] });
  const stored = (await db.doc(`workOrders/${id}`).get()).data()!;
  expect(stored.acceptance.signature.strokes).toHaveLength(3);
  expect(stored.acceptance.hash).toMatch(/^[0-9a-f]{64}$/);
  expect(stored.warrantyUntil.toDate()).toEqual(at('2026-01-13 10:55'));
  expect(await eventTypes(db, id)).toEqual(['dispatched', 'arrived', 'finished', 'accepted']);

  const view = await get({ data: { orderId: id }, auth: auth('u-intake') } as never) as { history: Array<{ type: string; actorName: string }> };
  expect(view.history.map((e) => e.type)).toEqual(['dispatched', 'arrived', 'finished', 'accepted']);
  expect(view.history[1]!.actorName).toBe('Engineer Wu');
});

test('a stale step, another technician, the auditor: refused; two concurrent arrivals write one event', async () => {
  clk.set(at('2025-10-14 09:00'));
  const ticketId = await ticket(db, 'repair', clk.now(), '空调不制冷');
  const { orderId } = await dispatch({ data: {
    ticketId, deptId: 'dept-engineering', technicianUid: 'u-engineer', appointmentFrom: '2025-10-14T10:00:00+08:00',
    appointmentTo: '2025-10-14T11:00:00+08:00', location: '2楼办公室', item: '空调', requestId: 'form-0002',
  }, auth: auth('u-intake') } as never) as { orderId: string };

  expect(await refusalOf(call('u-engineer-2', { action: 'arrive', orderId, expectedSeq: 1 }))).toMatchObject({ code: 'permission-denied', reason: 'workorders.technician_or_head' });
  expect(await refusalOf(call('u-auditor', { action: 'arrive', orderId, expectedSeq: 1 }))).toMatchObject({ code: 'permission-denied' });
  expect(await refusalOf(get({ data: { orderId }, auth: auth('u-county') } as never))).toMatchObject({ code: 'permission-denied' });

  const both = await Promise.allSettled([
    call('u-engineer', { action: 'arrive', orderId, expectedSeq: 1 }),
    call('u-eng-head', { action: 'arrive', orderId, expectedSeq: 1 }),
  ]);
  expect(both.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
  expect(await eventTypes(db, orderId)).toEqual(['dispatched', 'arrived']);
  expect(await refusalOf(call('u-engineer', { action: 'finish', orderId, expectedSeq: 1, workDone: 'x', minutesSpent: 5 })))
    .toMatchObject({ code: 'failed-precondition', reason: 'workorders.stale', params: { seq: 2 } });
  // Signing before the work is finished is refused by the state machine.
  clk.set(at('2025-10-14 09:30'));
  const other = await dispatch({ data: {
    ticketId, deptId: 'dept-engineering', technicianUid: 'u-engineer', appointmentFrom: '2025-10-15T10:00:00+08:00',
    appointmentTo: '2025-10-15T11:00:00+08:00', location: '2楼办公室', item: '空调', requestId: 'form-0003',
  }, auth: auth('u-intake') } as never) as { orderId: string };
  expect(other.orderId).toBe(`${ticketId}-2`); // a second visit under the same ticket
  expect(await refusalOf(call('u-engineer', { action: 'sign', orderId: other.orderId, expectedSeq: 1, signerName: 'x', signature: signature() })))
    .toMatchObject({ code: 'failed-precondition', reason: 'workorders.wrong_state' });

  const mine = await list({ data: { scope: 'mine' }, auth: auth('u-engineer') } as never) as { orders: Array<{ id: string }> };
  expect(mine.orders.map((o) => o.id)).toEqual(expect.arrayContaining([orderId, other.orderId]));
  const theirs = await list({ data: { scope: 'mine' }, auth: auth('u-engineer-2') } as never) as { orders: unknown[] };
  expect(theirs.orders).toEqual([]);
  const office = await list({ data: { scope: 'office', openOnly: true }, auth: auth('u-intake') } as never) as { orders: Array<{ id: string }> };
  expect(office.orders.map((o) => o.id)).toEqual([other.orderId, orderId]);
});

test('dispatch refuses a technician of another department and a window that ends before it starts', async () => {
  const ticketId = await ticket(db, 'repair', clk.now(), '门锁坏了');
  const form = {
    ticketId, deptId: 'dept-engineering', technicianUid: 'u-business-1', appointmentFrom: '2025-10-14T10:00:00+08:00',
    appointmentTo: '2025-10-14T11:00:00+08:00', location: '前门', item: '门锁', requestId: 'form-0004',
  };
  expect(await refusalOf(dispatch({ data: form, auth: auth('u-intake') } as never))).toMatchObject({ code: 'invalid-argument', reason: 'workorders.not_technician' });
  expect(await refusalOf(dispatch({ data: { ...form, technicianUid: 'u-engineer', appointmentTo: '2025-10-14T09:00:00+08:00' }, auth: auth('u-intake') } as never)))
    .toMatchObject({ code: 'invalid-argument', reason: 'workorders.bad_window' });
  expect(await refusalOf(dispatch({ data: { ...form, technicianUid: 'u-engineer' }, auth: auth('u-finance') } as never))).toMatchObject({ code: 'permission-denied' });
  expect((await db.collection('workOrders').where('ticketId', '==', ticketId).get()).size).toBe(0);
  expect(await refusalOf(get({ data: { orderId: 'nope-1' }, auth: auth('u-intake') } as never)))
    .toEqual({ code: 'not-found', reason: 'workorders.not_found', params: { what: 'work order', id: 'nope-1' } });
});

import { emulatorProject } from '../../../test/support/emulator';
import { ManualClock } from '../../src/domain/clock';
import { useClock } from '../../src/lib/clock';
import { dispatchReRepair } from '../../src/callables/workorders/dispatch-re-repair';
import { recordRepairCallback } from '../../src/callables/workorders/record-callback';
import { stepWorkOrder, dispatchWorkOrder } from '../../src/store/workorders/orders';
import { canDispatch } from '../../src/domain/workorders/policy';
import { checkSpecialCallback, sweepSpecialCallbacks, useCallbackTimers, type CallbackTimer } from '../../src/store/workorders/re-repair';
import { workOrderCallbackTask } from '../../src/tasks/work-order-callback-task';
import { sweepWorkOrderCallbacks } from '../../src/schedules/sweep-work-order-callbacks';
import { signature } from './helpers';
import { actorOf, at, auth, eventTypes, refusalOf, seedWorkOrderOrg, ticket } from './setup';

const { db, fft, cleanup } = emulatorProject('wo-rerepair');
const reRepair = fft.wrap(dispatchReRepair);
const recordCallback = fft.wrap(recordRepairCallback);
jest.setTimeout(30_000);
const task = fft.wrap(workOrderCallbackTask as never) as unknown as (req: { data: unknown }) => Promise<void>;
const sweep = sweepWorkOrderCallbacks as unknown as { run: (e: unknown) => Promise<void> };
const clk = new ManualClock(at('2025-10-13 09:00'));

const timers: CallbackTimer[] = [];
useCallbackTimers({
  async schedule(t) {
    if (timers.some((x) => x.name === t.name)) return 'exists';
    timers.push(t);
    return 'scheduled';
  },
});

/** A repair done and signed on 2025-10-13. */
async function finishedRepair(): Promise<{ ticketId: string; orderId: string }> {
  clk.set(at('2025-10-13 09:00'));
  const ticketId = await ticket(db, 'repair', clk.now());
  const { orderId } = await dispatchWorkOrder(db, actorOf('u-intake'), {
    ticketId, deptId: 'dept-engineering', technicianUid: 'u-engineer', appointmentFrom: at('2025-10-13 10:00'), appointmentTo: at('2025-10-13 11:00'),
    location: '3楼卫生间', item: '水龙头', description: '漏水', requestId: 'first-0001',
  }, clk.now(), { authorize: canDispatch });
  const tech = actorOf('u-engineer');
  await stepWorkOrder(db, tech, { action: 'arrive', orderId, expectedSeq: 1 }, at('2025-10-13 10:00'));
  await stepWorkOrder(db, tech, { action: 'finish', orderId, expectedSeq: 2, workDone: '换阀芯', materials: [], minutesSpent: 30 }, at('2025-10-13 10:30'));
  await stepWorkOrder(db, tech, { action: 'sign', orderId, expectedSeq: 3, signerName: '刘老板', signature: signature() }, at('2025-10-13 10:35'));
  return { ticketId, orderId };
}

beforeAll(async () => {
  useClock(clk);
  await seedWorkOrderOrg(db);
});
afterAll(cleanup);

test('a complaint about a repair: re-repair dispatched at once, under warranty, with a 24 h special callback that escalates when missed', async () => {
  const first = await finishedRepair();
  const complaintId = await ticket(db, 'complaint', at('2025-10-20 14:00'), '水龙头修过后又漏水');
  clk.set(at('2025-10-20 14:10'));
  const form = {
    originalOrderId: first.orderId, complaintTicketId: complaintId, technicianUid: 'u-engineer-2',
    appointmentFrom: '2025-10-20T15:00:00+08:00', appointmentTo: '2025-10-20T16:00:00+08:00', description: '返修：阀芯仍渗漏', requestId: 'rerepair-0001',
  };
  const r = await reRepair({ data: form, auth: auth('u-quality-1') } as never) as { orderId: string; created: boolean; callbackDueAt: string };
  expect(r).toMatchObject({ orderId: `${complaintId}-1`, created: true, callbackDueAt: at('2025-10-21 14:10').toISOString() });
  expect(await reRepair({ data: form, auth: auth('u-quality-1') } as never)).toMatchObject({ orderId: r.orderId, created: false });

  const order = (await db.doc(`workOrders/${r.orderId}`).get()).data()!;
  expect(order).toMatchObject({ reRepairOf: { orderId: first.orderId }, kind: 'repair', state: 'dispatched', technicianUid: 'u-engineer-2' });
  expect(order.warranty.orderId).toBe(first.orderId); // same client and item, within 3 months
  const task = (await db.doc(`callbackTasks/rerepair_${r.orderId}`).get()).data()!;
  expect(task).toMatchObject({ kind: 're_repair', state: 'open', branchId: 'br-city' });
  expect((await db.doc(`notifications/wo_${r.orderId}_1_u-intake`).get()).get('type')).toBe('re_repair_callback_due');
  expect(timers.map((t) => t.dueAt)).toEqual([at('2025-10-21 14:10').toISOString()]);

  // The Tasks emulator runs timers at once; early checks do nothing.
  expect(await checkSpecialCallback(db, r.orderId, at('2025-10-21 14:09'), at('2025-10-21 14:10'))).toEqual({ outcome: 'not-due' });
  // Missed: escalated once to the heads of the CS centre and of engineering, however often the check runs.
  const late = at('2025-10-21 14:11');
  const both = await Promise.all([checkSpecialCallback(db, r.orderId, late, at('2025-10-21 14:10')), checkSpecialCallback(db, r.orderId, late, at('2025-10-21 14:10'))]);
  expect(both.map((x) => x.outcome).sort()).toEqual(['deadline-moved', 'escalated']);
  expect(await sweepSpecialCallbacks(db, late)).toEqual({ checked: 0, escalated: 0 }); // the next deadline is not due yet
  expect(await eventTypes(db, r.orderId)).toEqual(['dispatched', 'special_callback_overdue']);
  const heads = await db.collection('notifications').where('type', '==', 'special_callback_overdue').get();
  expect(heads.docs.map((d) => d.get('uid')).sort()).toEqual(['u-cs-head', 'u-eng-head']);
  const after1 = (await db.doc(`workOrders/${r.orderId}`).get()).data()!;
  expect(after1.specialCallback.escalationLevel).toBe(1);
  expect(timers).toHaveLength(2);

  // Still nobody called: the sweeper escalates to the office's leadership, then stops.
  const later = new Date(after1.specialCallbackDueAt.toDate().getTime() + 60_000);
  expect(await sweepSpecialCallbacks(db, later)).toEqual({ checked: 1, escalated: 1 });
  expect(await sweepSpecialCallbacks(db, new Date(later.getTime() + 7 * 86_400_000))).toEqual({ checked: 0, escalated: 0 });
  const leaders = await db.collection('notifications').where('type', '==', 'special_callback_overdue').where('uid', '==', 'u-leader').get();
  expect(leaders.size).toBe(1);

  // The CS centre calls back: result on the task and the order; the special callback is closed; twice → refused.
  clk.set(at('2025-10-22 10:00'));
  await recordCallback({ data: { taskId: `rerepair_${r.orderId}`, reached: true, satisfied: true, comments: '已不漏水' }, auth: auth('u-intake') } as never);
  const done = (await db.doc(`workOrders/${r.orderId}`).get()).data()!;
  expect(done.callback).toMatchObject({ kind: 're_repair', reached: true, satisfied: true, comments: '已不漏水' });
  expect(done.specialCallback.doneAt.toDate()).toEqual(at('2025-10-22 10:00'));
  expect(done.specialCallbackDueAt).toBeNull();
  expect(await refusalOf(recordCallback({ data: { taskId: `rerepair_${r.orderId}`, reached: false, satisfied: null }, auth: auth('u-intake') } as never)))
    .toMatchObject({ code: 'failed-precondition', reason: 'workorders.callback_done' });
  expect(await refusalOf(recordCallback({ data: { taskId: `rerepair_${r.orderId}`, reached: false, satisfied: null }, auth: auth('u-engineer') } as never)))
    .toMatchObject({ code: 'permission-denied' });
});

test('a special callback made in time is never escalated', async () => {
  const first = await finishedRepair();
  clk.set(at('2025-11-03 09:00'));
  const r = await reRepair({ data: {
    originalOrderId: first.orderId, technicianUid: 'u-engineer', appointmentFrom: '2025-11-03T10:00:00+08:00',
    appointmentTo: '2025-11-03T11:00:00+08:00', description: '返修', requestId: 'rerepair-0002',
  }, auth: auth('u-intake') } as never) as { orderId: string };
  expect(r.orderId).toBe(`${first.ticketId}-2`); // under the first order's ticket when no complaint ticket is named
  // The timer's task fires (early in the Tasks emulator, or on time): nothing before the deadline.
  const timer = timers.find((t) => t.orderId === r.orderId)!;
  await task({ data: { orderId: r.orderId, dueAt: timer.dueAt } });
  await recordCallback({ data: { taskId: `rerepair_${r.orderId}`, reached: true, satisfied: false, comments: '还要再看' }, auth: auth('u-cs-head') } as never);
  // After the deadline, the task and the sweeper find the callback done.
  clk.set(at('2025-11-04 09:05'));
  await task({ data: { orderId: r.orderId, dueAt: timer.dueAt } });
  await sweep.run({ scheduleTime: clk.now().toISOString(), jobName: 'sweepWorkOrderCallbacks' });
  expect(await checkSpecialCallback(db, r.orderId, at('2025-11-04 09:01'), at('2025-11-04 09:00'))).toEqual({ outcome: 'done' });
  expect(await eventTypes(db, r.orderId)).toEqual(['dispatched', 'callback_recorded']);
});

test('only a finished order can be re-repaired', async () => {
  clk.set(at('2025-11-05 09:00'));
  const ticketId = await ticket(db, 'repair', clk.now(), '灯不亮');
  const { orderId } = await dispatchWorkOrder(db, actorOf('u-intake'), {
    ticketId, deptId: 'dept-engineering', technicianUid: 'u-engineer', appointmentFrom: at('2025-11-05 10:00'), appointmentTo: at('2025-11-05 11:00'),
    location: '走廊', item: '灯', description: '', requestId: 'first-0003',
  }, clk.now(), { authorize: canDispatch });
  expect(await refusalOf(reRepair({ data: {
    originalOrderId: orderId, technicianUid: 'u-engineer', appointmentFrom: '2025-11-05T10:00:00+08:00',
    appointmentTo: '2025-11-05T11:00:00+08:00', description: '返修', requestId: 'rerepair-0003',
  }, auth: auth('u-intake') } as never))).toMatchObject({ code: 'failed-precondition', reason: 'workorders.not_original' });
});

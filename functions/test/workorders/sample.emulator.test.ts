import { emulatorProject } from '../../../test/support/emulator';
import { ManualClock } from '../../src/domain/clock';
import { useClock } from '../../src/lib/clock';
import { drawRepairCallbackSample } from '../../src/schedules/draw-repair-callback-sample';
import { recordRepairCallback } from '../../src/callables/workorders/record-callback';
import { listRepairCallbackTasks } from '../../src/callables/workorders/list-callback-tasks';
import { CallbackTask } from '../../src/domain/workorders/documents';
import { repairCallbackFigures } from '../../src/domain/workorders/kpi';
import { sampleSeed } from '../../src/domain/workorders/sampling';
import { parseDoc } from '../../src/lib/firestore';
import { drawWeeklySample } from '../../src/store/workorders/callbacks';
import { order } from './helpers';
import { at, auth, refusalOf, seedWorkOrderOrg } from './setup';

const { db, fft, cleanup } = emulatorProject('wo-sample');
const record = fft.wrap(recordRepairCallback);
const listTasks = fft.wrap(listRepairCallbackTasks);
const scheduled = drawRepairCallbackSample as unknown as { run: (e: unknown) => Promise<void> };
jest.setTimeout(30_000);
const clk = new ManualClock(at('2025-10-20 06:00'));

/** Orders of the fixture office: 12 finished in the week of 2025-10-13, others that must not be drawn. */
async function seedOrders(): Promise<string[]> {
  const batch = db.batch();
  const week: string[] = [];
  for (let i = 1; i <= 12; i++) {
    const id = `t${i}-1`;
    week.push(id);
    const done = at(`2025-10-${String(13 + (i % 7)).padStart(2, '0')} 15:00`);
    batch.set(db.doc(`workOrders/${id}`), order({
      number: `HX-20251013-${String(i).padStart(4, '0')}-1`, ticketId: `t${i}`, state: i % 4 === 0 ? 'refused' : 'accepted',
      finishedAt: done, finishedWeek: '2025-10-13', completedAt: done, completedMonth: '2025-10',
    }));
  }
  batch.set(db.doc('workOrders/open-1'), order({ number: 'OPEN-1', ticketId: 'open' })); // not finished
  batch.set(db.doc('workOrders/prev-1'), order({ number: 'PREV-1', ticketId: 'prev', state: 'accepted', finishedAt: at('2025-10-12 15:00'), finishedWeek: '2025-10-06' }));
  batch.set(db.doc('workOrders/county-1'), order({ number: 'CTY-1', ticketId: 'cty', branchId: 'br-county', state: 'finished', finishedAt: at('2025-10-14 15:00'), finishedWeek: '2025-10-13' }));
  await batch.commit();
  return week;
}

beforeAll(async () => {
  useClock(clk);
  await seedWorkOrderOrg(db);
});
afterAll(cleanup);

test('Monday: each office gets a reproducible 20 % (at least one) of last week\'s finished orders as callback tasks; twice → the same sample', async () => {
  const week = await seedOrders();
  await scheduled.run({ scheduleTime: clk.now().toISOString(), jobName: 'drawRepairCallbackSample' });

  const city = (await db.doc('callbackSamples/br-city_2025-10-13').get()).data()!;
  expect(city).toMatchObject({ branchId: 'br-city', week: '2025-10-13', population: 12, seed: sampleSeed('br-city', '2025-10-13'), share: 0.2 });
  expect(city.orderIds).toHaveLength(3); // ⌈12 × 20 %⌉
  for (const id of city.orderIds) expect(week).toContain(id);
  const county = (await db.doc('callbackSamples/br-county_2025-10-13').get()).data()!;
  expect(county).toMatchObject({ population: 1, orderIds: ['county-1'] }); // at least one

  const tasks = await db.collection('callbackTasks').where('sampleId', '==', 'br-city_2025-10-13').get();
  expect(tasks.docs.map((d) => d.get('orderId')).sort()).toEqual([...city.orderIds].sort());
  const notes = await db.collection('notifications').where('type', '==', 'repair_callback_sample').get();
  expect(notes.docs.map((d) => d.get('uid')).sort()).toEqual(['u-admin', 'u-cs-head', 'u-intake']); // the city CS centre

  // A result recorded, one task lost (a first delivery that died half-way), then delivered again.
  const [t1, t2] = tasks.docs;
  clk.set(at('2025-10-20 10:00'));
  await record({ data: { taskId: t1!.id, reached: true, satisfied: true, comments: '很满意' }, auth: auth('u-intake') } as never);
  await t2!.ref.delete();
  await scheduled.run({ scheduleTime: clk.now().toISOString(), jobName: 'drawRepairCallbackSample' });
  expect((await db.doc('callbackSamples/br-city_2025-10-13').get()).get('orderIds')).toEqual(city.orderIds);
  const again = await db.collection('callbackTasks').where('sampleId', '==', 'br-city_2025-10-13').get();
  expect(again.size).toBe(3);
  expect((await t1!.ref.get()).get('state')).toBe('done'); // the result stayed
  expect((await db.collection('notifications').where('type', '==', 'repair_callback_sample').get()).size).toBe(3);

  // The result is on the order, and counts in the month's figures.
  const ordered = (await db.doc(`workOrders/${t1!.get('orderId')}`).get()).data()!;
  expect(ordered.callback).toMatchObject({ kind: 'weekly_sample', reached: true, satisfied: true, comments: '很满意', byUid: 'u-intake' });
  await record({ data: { taskId: t2!.id, reached: false, satisfied: null }, auth: auth('u-cs-head') } as never);
  const all = (await db.collection('callbackTasks').where('branchId', '==', 'br-city').get()).docs.map((d) => parseDoc(CallbackTask, d));
  expect(repairCallbackFigures(all)).toMatchObject({ tasks: 3, done: 2, reached: 1, satisfied: 1, callbackRate: 1 / 3, satisfactionRate: 1 });

  const open = await listTasks({ data: { state: 'open' }, auth: auth('u-intake') } as never) as { tasks: Array<{ id: string }> };
  expect(open.tasks).toHaveLength(1);
  expect(await refusalOf(listTasks({ data: {}, auth: auth('u-engineer') } as never))).toMatchObject({ code: 'permission-denied' });
});

test('two deliveries at once draw one sample; a week without finished orders draws none', async () => {
  const results = await Promise.all([
    drawWeeklySample(db, 'br-city', '2025-10-06', at('2025-10-13 06:00')),
    drawWeeklySample(db, 'br-city', '2025-10-06', at('2025-10-13 06:00')),
  ]);
  expect(results.map((r) => r.sampled)).toEqual([1, 1]);
  expect(results.filter((r) => r.drawn)).toHaveLength(1);
  expect((await db.collection('callbackTasks').where('sampleId', '==', 'br-city_2025-10-06').get()).docs.map((d) => d.get('orderId'))).toEqual(['prev-1']);
  const empty = await drawWeeklySample(db, 'br-city', '2025-09-01', at('2025-09-08 06:00'));
  expect(empty).toMatchObject({ population: 0, sampled: 0, tasksCreated: 0, drawn: true });
});

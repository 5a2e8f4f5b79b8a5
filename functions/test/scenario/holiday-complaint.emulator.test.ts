import { randomUUID } from 'node:crypto';
/**
 * Clock-driven scenario: a complaint filed at 16:30 on the last working day before National Day
 * (2025-09-30, holidays Oct 1–8) lives through the holiday, goes overdue at exactly the right
 * working moment, escalates, is handled, reopened by a dissatisfied client, handled again,
 * verified by quality and closed. Entry points are the wrapped functions; time is a ManualClock.
 */
import { emulatorProject } from '../../../test/support/emulator';
import { authOf, seedOrg } from '../../../test/support/fixtures';
import { ManualClock } from '../../src/domain/clock';
import { useClock } from '../../src/lib/clock';
import { createTicket } from '../../src/callables/create-ticket';
import { transitionTicket } from '../../src/callables/transition-ticket';
import { onTicketCreated } from '../../src/triggers/ticket-created';
import { onTicketDeadlineChanged } from '../../src/triggers/ticket-deadline-changed';
import { deadlineTask } from '../../src/tasks/deadline-task';
import { sweepDeadlines } from '../../src/schedules/sweep-deadlines';
import { useDeadlineTimers, type DeadlineTimer } from '../../src/store/deadlines';

jest.setTimeout(60_000); // one long scenario; emulator round trips are slow on a shared machine
const { db, fft, cleanup } = emulatorProject('holiday-complaint');
const file = fft.wrap(createTicket);
const transition = fft.wrap(transitionTicket);
const route = fft.wrap(onTicketCreated);
const deadlineChanged = fft.wrap(onTicketDeadlineChanged);
const task = fft.wrap(deadlineTask as never) as unknown as (req: { data: unknown }) => Promise<void>;

/** A Beijing-time instant. */
const at = (s: string): Date => new Date(`${s.replace(' ', 'T')}:00+08:00`);
const clk = new ManualClock(at('2025-09-30 16:30'));
const timers: DeadlineTimer[] = [];

let ticketId = '';
let previous: FirebaseFirestore.DocumentSnapshot | null = null;

/** Delivers the ticket's latest write to the deadline trigger, as Firestore would. */
async function ticketWritten(): Promise<void> {
  const after = await db.doc(`tickets/${ticketId}`).get();
  const before = previous ?? fft.firestore.makeDocumentSnapshot({}, `tickets/${ticketId}`);
  await deadlineChanged({ data: fft.makeChange(before, after), params: { ticketId } } as never);
  previous = after;
}

async function act(when: string, uid: string, action: string, fields: Record<string, unknown> = {}) {
  clk.set(at(when));
  const shown = await ticket(); // what the user's screen shows
  const result = await transition({
    data: { ticketId, action, expectedState: shown.state, expectedSeq: shown.lastEventSeq, ...fields }, auth: authOf(uid),
  } as never);
  await ticketWritten();
  return result as { state: string; seq: number };
}

async function sweep(when: string): Promise<void> {
  clk.set(at(when));
  await sweepDeadlines.run({ scheduleTime: at(when).toISOString(), jobName: 'sweepDeadlines' } as never);
  await ticketWritten();
}

async function events(): Promise<string[]> {
  const snap = await db.collection(`tickets/${ticketId}/events`).orderBy('seq').get();
  return snap.docs.map((d) => d.get('type'));
}

async function ticket() {
  return (await db.doc(`tickets/${ticketId}`).get()).data()!;
}

/** Recipients of every notification of the ticket, by event seq (warnings by their type). */
async function notified(): Promise<Record<string, string[]>> {
  const snap = await db.collection('notifications').where('ticketId', '==', ticketId).get();
  const out: Record<string, string[]> = {};
  for (const d of snap.docs) {
    const key = d.get('type') === 'deadline_warning' ? `warning@${d.get('eventSeq')}` : `${d.get('eventSeq')}:${d.get('type')}`;
    (out[key] ??= []).push(d.get('uid'));
  }
  for (const k of Object.keys(out)) out[k]!.sort();
  return out;
}

beforeAll(async () => {
  useClock(clk);
  useDeadlineTimers({
    async schedule(t) {
      if (timers.some((s) => s.name === t.name)) return 'exists';
      timers.push(t);
      return 'scheduled';
    },
  });
  await seedOrg(db);
});
afterAll(cleanup);

test('a complaint filed before National Day: overdue at the right working moment, escalated, reopened, verified, closed', async () => {
  // ── Tue 2025-09-30 16:30: filed on the hotline and routed to quality, due Thu Oct 9 16:30 ──
  const filed = await file({
    data: { requestId: randomUUID(), clientId: 'c-1', kind: 'complaint', subject: 'goods_expired', channel: 'hotline', title: '买到过期牛奶' },
    auth: authOf('u-intake'),
  } as never);
  ticketId = filed.ticketId;
  await route({ data: await db.doc(`tickets/${ticketId}`).get(), params: { ticketId } } as never);
  await ticketWritten();
  expect((await ticket()).dueAt.toDate()).toEqual(at('2025-10-09 16:30'));
  const due1 = at('2025-10-09 16:30').getTime();
  expect(timers.map((t) => t.name)).toEqual([`${ticketId}-${due1}`, `${ticketId}-${due1}-warn`]);

  // The Tasks emulator runs timers at once, whatever their scheduleTime: an early timer does nothing.
  await task({ data: { ticketId, dueAt: new Date(due1).toISOString(), kind: 'due' } });

  // ── The holiday: sweeps find nothing to do ──
  for (const when of ['2025-09-30 17:35', '2025-10-01 09:00', '2025-10-04 16:31', '2025-10-08 23:55', '2025-10-09 08:30']) {
    await sweep(when);
  }
  expect(await events()).toEqual(['received', 'assigned']);
  expect(Object.keys(await notified())).toEqual(['2:assigned']);

  // ── Thu Oct 9: warned when a quarter of the working day is left, overdue just after 16:30 ──
  await sweep('2025-10-09 14:40');
  await sweep('2025-10-09 16:29');
  expect(await events()).toEqual(['received', 'assigned']);
  await sweep('2025-10-09 16:31');
  expect(await events()).toEqual(['received', 'assigned', 'escalated']);
  let t = await ticket();
  expect(t.escalationLevel).toBe(1);
  expect(t.dueAt.toDate()).toEqual(at('2025-10-10 16:31'));
  const due2 = at('2025-10-10 16:31').getTime();
  expect(timers.map((x) => x.name)).toContain(`${ticketId}-${due2}`);

  // The original timer, delivered late or twice, finds the deadline moved.
  clk.set(at('2025-10-09 16:32'));
  await task({ data: { ticketId, dueAt: new Date(due1).toISOString(), kind: 'due' } });
  await sweep('2025-10-09 16:36');
  expect(await events()).toEqual(['received', 'assigned', 'escalated']);

  // ── Fri Oct 10: accepted and resolved (the head signs off) ──
  expect((await act('2025-10-10 09:00', 'u-quality-1', 'accept')).state).toBe('in_progress');
  // Signed off → straight to the callback queue.
  expect((await act('2025-10-10 10:00', 'u-quality-head', 'resolve', { cause: '门店未按期检查临期商品', measures: '下架全部临期商品，退款并致歉' })).state).toBe('callback');

  // ── The client is not satisfied: reopened one level up (leadership), fresh deadline ──
  expect((await act('2025-10-10 11:00', 'u-intake', 'callback', {
    outcome: 'reached', satisfied: false, score: 2, awareOfChannel: true, comments: '只退款不够，要求书面道歉',
  })).state).toBe('in_progress');
  t = await ticket();
  expect(t.escalationLevel).toBe(2);
  expect(t.reopenCount).toBe(1);
  // Two working days from Fri 11:00: Sat Oct 11 is a 调休 working day, so Mon Oct 13 11:00.
  expect(t.dueAt.toDate()).toEqual(at('2025-10-13 11:00'));

  // ── Mon Oct 13: resolved again, called back satisfied, verified by quality (not the resolver), closed ──
  await act('2025-10-13 09:00', 'u-quality-head', 'resolve', { cause: '门店未按期检查临期商品', measures: '书面道歉，店长约谈，临期商品每日巡检' });
  expect((await act('2025-10-13 10:00', 'u-intake', 'callback', {
    outcome: 'reached', satisfied: true, score: 5, awareOfChannel: true, comments: '满意',
  })).state).toBe('verification');
  clk.set(at('2025-10-13 14:00'));
  const shown = await ticket();
  await expect(transition({
    data: { ticketId, action: 'verify', expectedState: 'verification', expectedSeq: shown.lastEventSeq, evidence: '已巡检' }, auth: authOf('u-quality-head'),
  } as never)).rejects.toMatchObject({ code: 'permission-denied', details: { reason: 'lifecycle.verifier_worked_on_it' } });
  expect((await act('2025-10-13 14:00', 'u-quality-2', 'verify', { evidence: '现场查看：临期商品已下架，巡检记录齐全' })).state).toBe('closed');

  // A sweep long after the (old) deadline leaves the closed ticket alone.
  await sweep('2025-10-20 10:00');

  expect(await events()).toEqual([
    'received', 'assigned', 'escalated', 'accepted', 'resolved', 'reopened',
    'resolved', 'callback_satisfied', 'verified',
  ]);
  const e = await db.collection(`tickets/${ticketId}/events`).orderBy('seq').get();
  expect(e.docs[2]!.data()).toMatchObject({ actorUid: 'system', from: 'assigned', to: 'assigned' });
  expect(e.docs[2]!.get('changes')).toMatchObject({ escalationLevel: { from: 0, to: 1 } });
  expect((await ticket()).state).toBe('closed');

  expect(await notified()).toEqual({
    '2:assigned': ['u-quality-1', 'u-quality-2', 'u-quality-head'],
    'warning@2': ['u-quality-1', 'u-quality-2', 'u-quality-head'],
    '3:escalated': ['u-quality-head'],
    '4:accepted': ['u-quality-head'],
    // resolved: the intake agent (and the customer-service centre, whose only member here is the same person) and the assignee
    '5:resolved': ['u-intake', 'u-quality-1'],
    '6:reopened': ['u-leader', 'u-quality-1', 'u-quality-2', 'u-quality-head'],
    '7:resolved': ['u-intake', 'u-quality-1'],
    '8:callback_satisfied': ['u-quality-1', 'u-quality-2', 'u-quality-head'],
    '9:verified': ['u-intake', 'u-quality-1', 'u-quality-head'],
  });
  // Every notification in working hours went out at once: no deferred mail is left.
  expect((await db.collection('deferredMail').where('ticketId', '==', ticketId).get()).size).toBe(0);
});

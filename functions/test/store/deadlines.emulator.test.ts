import { randomUUID } from 'node:crypto';
import { emulatorProject } from '../../../test/support/emulator';
import { authOf, seedOrg } from '../../../test/support/fixtures';
import { ManualClock } from '../../src/domain/clock';
import { useClock } from '../../src/lib/clock';
import { createTicket } from '../../src/callables/create-ticket';
import { routeNewTicket } from '../../src/store/route-ticket';
import {
  checkDeadline, deliverDeferredMail, sweepDeadlines, useDeadlineTimers, type DeadlineTimer,
} from '../../src/store/deadlines';
import { onTicketDeadlineChanged } from '../../src/triggers/ticket-deadline-changed';

const { db, fft, cleanup } = emulatorProject('deadlines');
const file = fft.wrap(createTicket);
const deadlineChanged = fft.wrap(onTicketDeadlineChanged);
/** A Beijing-time instant. */
const at = (s: string): Date => new Date(`${s.replace(' ', 'T')}:00+08:00`);
const clk = new ManualClock(at('2025-09-30 16:30'));

/** Timers recorded instead of Cloud Tasks; a second schedule of the same name is refused, as the queue does. */
const scheduled: DeadlineTimer[] = [];
useDeadlineTimers({
  async schedule(t) {
    if (scheduled.some((s) => s.name === t.name)) return 'exists';
    scheduled.push(t);
    return 'scheduled';
  },
});

/** A complaint filed at `filedAt` and routed to quality (due one working day later). */
async function routedComplaint(filedAt: Date, title = '买到过期牛奶'): Promise<string> {
  clk.set(filedAt);
  const { ticketId } = await file({
    data: { requestId: randomUUID(), clientId: 'c-1', kind: 'complaint', subject: 'goods_expired', channel: 'hotline', title }, auth: authOf('u-intake'),
  } as never);
  await routeNewTicket(db, ticketId, filedAt);
  return ticketId;
}

async function eventTypes(ticketId: string): Promise<string[]> {
  const events = await db.collection(`tickets/${ticketId}/events`).orderBy('seq').get();
  return events.docs.map((d) => d.get('type'));
}

async function notificationsOf(ticketId: string, type: string): Promise<string[]> {
  const snap = await db.collection('notifications').where('ticketId', '==', ticketId).where('type', '==', type).get();
  return snap.docs.map((d) => d.get('uid')).sort();
}

beforeAll(async () => {
  useClock(clk);
  await seedOrg(db);
});
afterAll(cleanup);

test('early calls do nothing; the check is idempotent: one escalation event, one notification per recipient', async () => {
  const id = await routedComplaint(at('2025-09-30 16:30'));
  const dueAt = at('2025-10-09 16:30');
  expect((await db.doc(`tickets/${id}`).get()).get('dueAt').toDate()).toEqual(dueAt);

  // The Tasks emulator runs timers at once; so may a confused queue in production.
  expect(await checkDeadline(db, id, at('2025-09-30 16:31'), dueAt)).toEqual({ outcome: 'not-due' });
  expect(await checkDeadline(db, id, at('2025-10-04 10:00'), dueAt)).toEqual({ outcome: 'not-due' });
  expect(await checkDeadline(db, id, dueAt, dueAt)).toEqual({ outcome: 'warned' }); // at the deadline itself: still in time, warned
  expect(await eventTypes(id)).toEqual(['received', 'assigned']);

  const late = at('2025-10-09 16:31');
  const results = await Promise.all([checkDeadline(db, id, late, dueAt), checkDeadline(db, id, late, dueAt)]);
  expect(results.map((r) => r.outcome).sort()).toEqual(['deadline-moved', 'escalated']);
  expect(await checkDeadline(db, id, late, dueAt)).toEqual({ outcome: 'deadline-moved' });
  expect(await checkDeadline(db, id, late)).toEqual({ outcome: 'not-due' }); // the sweeper's view: the new deadline

  expect(await eventTypes(id)).toEqual(['received', 'assigned', 'escalated']);
  const ticket = (await db.doc(`tickets/${id}`).get()).data()!;
  expect(ticket.escalationLevel).toBe(1);
  expect(ticket.dueAt.toDate()).toEqual(at('2025-10-10 16:31'));
  expect(await notificationsOf(id, 'escalated')).toEqual(['u-quality-head']);
  const mail = await db.collection('mail').where('to', '==', 'quality.head.wang@example.com').get();
  expect(mail.docs.filter((d) => d.id.startsWith(`${id}_3_`))).toHaveLength(1);
});

test('a warning is written once per recipient and deadline', async () => {
  const id = await routedComplaint(at('2025-10-13 09:00'), '价格不符'); // due Tue Oct 14 09:00
  expect(await checkDeadline(db, id, at('2025-10-13 15:00'))).toEqual({ outcome: 'not-due' });
  // A quarter of the working day (1 h 52.5 min of working time) before Tue 09:00 is Mon 16:07:30.
  expect(await checkDeadline(db, id, at('2025-10-13 16:07'))).toEqual({ outcome: 'not-due' });
  expect(await checkDeadline(db, id, at('2025-10-13 16:08'))).toEqual({ outcome: 'warned' });
  expect(await checkDeadline(db, id, at('2025-10-13 17:20'))).toEqual({ outcome: 'already-warned' });
  expect(await notificationsOf(id, 'deadline_warning')).toEqual(['u-quality-1', 'u-quality-2', 'u-quality-head']);
  expect(await eventTypes(id)).toEqual(['received', 'assigned']);
});

test("a moved deadline's old timer does nothing", async () => {
  const id = await routedComplaint(at('2025-10-15 10:00')); // due Thu Oct 16 10:00
  clk.set(at('2025-10-15 11:00'));
  await db.doc(`tickets/${id}`).update({ dueAt: at('2025-10-20 10:00') }); // e.g. resumed after waiting on the client
  expect(await checkDeadline(db, id, at('2025-10-16 10:01'), at('2025-10-16 10:00'))).toEqual({ outcome: 'deadline-moved' });
  expect(await eventTypes(id)).toEqual(['received', 'assigned']);
});

test('the sweeper picks up what the timers missed, and tickets that moved on are left alone', async () => {
  const missed = await routedComplaint(at('2025-10-21 09:00')); // due Wed Oct 22 09:00
  const closedEarly = await routedComplaint(at('2025-10-21 09:00'), '服务态度差');
  await db.doc(`tickets/${closedEarly}`).update({ state: 'resolved' });
  const first = await sweepDeadlines(db, at('2025-10-22 09:04'));
  expect(first.escalated).toBeGreaterThanOrEqual(1);
  expect(await eventTypes(missed)).toEqual(['received', 'assigned', 'escalated']);
  expect(await eventTypes(closedEarly)).toEqual(['received', 'assigned']);
  const again = await sweepDeadlines(db, at('2025-10-22 09:09'));
  expect(await eventTypes(missed)).toEqual(['received', 'assigned', 'escalated']);
  expect(again.escalated).toBe(0);
});

test('a warning outside working hours is deferred: in-app at once with deliverAt, the mail created exactly once at deliverAt', async () => {
  const id = await routedComplaint(at('2025-11-03 08:45')); // Mon; due Tue Nov 4 08:45, warned from Mon 16:22:30
  const evening = at('2025-11-03 19:00');
  expect(await checkDeadline(db, id, evening)).toEqual({ outcome: 'warned' });
  const notes = await db.collection('notifications').where('ticketId', '==', id).where('type', '==', 'deadline_warning').get();
  expect(notes.size).toBe(3);
  for (const n of notes.docs) expect(n.get('deliverAt').toDate()).toEqual(at('2025-11-04 08:30'));
  const mailOf = async () => (await db.collection('mail').get()).docs.filter((d) => d.id.startsWith(`${id}_warn`));
  const heldOf = async () => (await db.collection('deferredMail').where('ticketId', '==', id).get()).docs;
  expect(await mailOf()).toHaveLength(0);
  expect(await heldOf()).toHaveLength(3);

  await sweepDeadlines(db, at('2025-11-04 08:29'));
  expect(await mailOf()).toHaveLength(0);
  await Promise.all([deliverDeferredMail(db, at('2025-11-04 08:30')), deliverDeferredMail(db, at('2025-11-04 08:31'))]);
  await sweepDeadlines(db, at('2025-11-04 08:35'));
  expect(await mailOf()).toHaveLength(3);
  expect(await heldOf()).toHaveLength(0);
  const released = await db.collection('notifications').where('ticketId', '==', id).where('type', '==', 'deadline_warning').get();
  expect(released.docs.map((d) => d.get('deliverAt'))).toEqual([null, null, null]);
});

test('timers: scheduled when the deadline is set or moves, named by the deadline, deduplicated on redelivery', async () => {
  const id = await routedComplaint(at('2025-12-01 10:00')); // due Tue Dec 2 10:00
  const after = await db.doc(`tickets/${id}`).get();
  const before = fft.firestore.makeDocumentSnapshot({ ...after.data(), state: 'received', dueAt: null }, `tickets/${id}`);
  const change = fft.makeChange(before, after);
  clk.set(at('2025-12-01 10:00'));
  await deadlineChanged({ data: change, params: { ticketId: id }, id: 'e1' } as never);
  await deadlineChanged({ data: change, params: { ticketId: id }, id: 'e1' } as never);
  const mine = () => scheduled.filter((t) => t.ticketId === id);
  const due = at('2025-12-02 10:00').getTime();
  expect(mine().map((t) => t.name)).toEqual([`${id}-${due}`, `${id}-${due}-warn`]);
  expect(mine()[0]!.runAt).toEqual(new Date(due + 1000));
  expect(mine()[1]!.runAt.getTime()).toBeLessThan(due);

  // An unrelated update (same dueAt) schedules nothing.
  await deadlineChanged({ data: fft.makeChange(after, after), params: { ticketId: id }, id: 'e2' } as never);
  expect(mine()).toHaveLength(2);

  // Escalated: a new deadline, a new timer; the old one would find the deadline moved.
  await checkDeadline(db, id, at('2025-12-02 10:01'));
  const escalated = await db.doc(`tickets/${id}`).get();
  clk.set(at('2025-12-02 10:01'));
  await deadlineChanged({ data: fft.makeChange(after, escalated), params: { ticketId: id }, id: 'e3' } as never);
  const newDue = at('2025-12-03 10:01').getTime();
  expect(mine().map((t) => t.name)).toContain(`${id}-${newDue}`);
  expect(await checkDeadline(db, id, at('2025-12-03 10:02'), new Date(due))).toEqual({ outcome: 'deadline-moved' });
});

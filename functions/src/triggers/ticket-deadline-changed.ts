import { onDocumentWritten } from 'firebase-functions/v2/firestore';
import { logger } from 'firebase-functions';
import { COL } from '../domain/collections';
import { Ticket } from '../domain/documents';
import { DEADLINE_STATES } from '../domain/escalation';
import { clock } from '../lib/clock';
import { db, parseDoc } from '../lib/firestore';
import { deadlineTimers, scheduleDeadlineTask } from '../store/deadlines';
import { fireFollowUps, refreshFollowUps } from '../store/deadlines/follow-ups';
import { recordDeadlineProblem } from '../store/deadlines/problems';

/**
 * A ticket was written. (1) Its deadline was set or moved (routing, escalation, reopening,
 * transfer, resume): schedule its timers. Task names carry the deadline, so a redelivered event
 * schedules nothing new and the old deadline's timer, when it fires, finds the deadline moved
 * and does nothing. (2) Its follow-ups (callback, retries, verification, report, promised date)
 * are recomputed: due ones fire once (marker documents), pending ones get timers, and
 * `nextFollowUpAt`/`dueAtProvisional` are kept current — written only when they change, so the
 * write this causes triggers once more and stops there. An instant outside the calendar is
 * recorded on the ticket, never thrown.
 */
export const onTicketDeadlineChanged = onDocumentWritten(`${COL.tickets}/{ticketId}`, async (event) => {
  const before = event.data?.before;
  const after = event.data?.after;
  if (!after?.exists) return;
  const ticketId = event.params.ticketId;
  const now = clock().now();
  const dueBefore = before?.exists ? before.get('dueAt')?.toMillis?.() ?? null : null;
  const ticket = parseDoc(Ticket, after);
  try {
    if (ticket.dueAt && ticket.dueAt.getTime() !== dueBefore && DEADLINE_STATES.includes(ticket.state)) {
      const timers = await scheduleDeadlineTask(db(), ticketId, { ...ticket, dueAt: ticket.dueAt }, now);
      logger.info('deadline timers', { ticketId, timers: timers.map((t) => t.name), eventId: event.id });
    }
    if (before?.exists && before.get('lastEventSeq') === after.get('lastEventSeq') && before.get('promisedAt')?.toMillis?.() === after.get('promisedAt')?.toMillis?.()) {
      return; // only maintenance fields changed: the follow-ups are what they were
    }
    const fired = await fireFollowUps(db(), ticketId, now);
    const refreshed = await refreshFollowUps(db(), ticketId, now, deadlineTimers());
    logger.info('follow-ups', { ticketId, fired, pending: refreshed?.pending.map((f) => f.key), eventId: event.id });
  } catch (e) {
    if (!(e instanceof RangeError)) throw e;
    await recordDeadlineProblem(db(), ticketId, { code: 'calendar_range', message: e.message }, now);
  }
});

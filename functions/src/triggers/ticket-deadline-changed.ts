import { onDocumentWritten } from 'firebase-functions/v2/firestore';
import { logger } from 'firebase-functions';
import { COL } from '../domain/collections';
import { Ticket } from '../domain/documents';
import { DEADLINE_STATES } from '../domain/escalation';
import { clock } from '../lib/clock';
import { db, parseDoc } from '../lib/firestore';
import { scheduleDeadlineTask } from '../store/deadlines';

/**
 * A ticket's deadline was set or moved (routing, escalation, reopening, transfer, resume):
 * schedule its timers. Task names carry the deadline, so a redelivered event schedules nothing
 * new and the old deadline's timer, when it fires, finds the deadline moved and does nothing.
 */
export const onTicketDeadlineChanged = onDocumentWritten(`${COL.tickets}/{ticketId}`, async (event) => {
  const before = event.data?.before;
  const after = event.data?.after;
  if (!after?.exists) return;
  const dueBefore = before?.exists ? before.get('dueAt')?.toMillis?.() ?? null : null;
  const ticket = parseDoc(Ticket, after);
  if (!ticket.dueAt || ticket.dueAt.getTime() === dueBefore || !DEADLINE_STATES.includes(ticket.state)) return;
  const timers = await scheduleDeadlineTask(db(), event.params.ticketId, { ...ticket, dueAt: ticket.dueAt }, clock().now());
  logger.info('deadline timers', { ticketId: event.params.ticketId, timers: timers.map((t) => t.name), eventId: event.id });
});

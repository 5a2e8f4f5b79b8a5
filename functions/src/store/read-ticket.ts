import { HttpsError } from 'firebase-functions/v2/https';
import type { Firestore } from 'firebase-admin/firestore';
import type { Actor } from '../domain/actor';
import type { TicketDetailView } from '../domain/api';
import { COL, REPORTER_DOC } from '../domain/collections';
import { Reporter, Ticket, TicketEvent } from '../domain/documents';
import { canReadTicket, canSeeReporter } from '../domain/policy';
import { eventView, ticketView } from '../domain/views';
import { lifecycleView } from '../domain/lifecycle/view';
import { authorize } from '../lib/actor';
import { notFound } from '../lib/errors';
import { parseDoc } from '../lib/firestore';
import { OPEN_STATES } from '../domain/queues';
import { loadCalendar } from './config';
import { loadOrg } from './org';

/** A ticket with its history; the complainant's identity only for those the policy allows. */
export async function readTicketDetail(db: Firestore, actor: Actor, ticketId: string, now: Date): Promise<TicketDetailView> {
  const ref = db.collection(COL.tickets).doc(ticketId);
  const snap = await ref.get();
  if (!snap.exists) throw notFound('ticket', ticketId);
  const ticket = parseDoc(Ticket, snap);
  authorize(canReadTicket(actor, ticket));
  const maySeeReporter = canSeeReporter(actor, ticket).allowed;
  const running = ticket.dueAt !== null && OPEN_STATES.includes(ticket.state) && ticket.state !== 'waiting_on_client';
  const [events, reporterSnap, org, calendar] = await Promise.all([
    ref.collection(COL.events).orderBy('seq').get(),
    maySeeReporter && ticket.hasReporter ? ref.collection(COL.private).doc(REPORTER_DOC).get() : Promise.resolve(null),
    loadOrg(db),
    running ? loadCalendar(db) : Promise.resolve(null),
  ]);
  const dept = org.departments.find((d) => d.id === ticket.ownerDeptId);
  const reporter = reporterSnap?.exists ? parseDoc(Reporter, reporterSnap) : null;
  if (ticket.hasReporter && maySeeReporter && !reporter) {
    throw new HttpsError('internal', `Ticket ${ticketId} lost its reporter record`);
  }
  return {
    ticket: ticketView(ticketId, ticket, dept?.name ?? null),
    events: events.docs.map((d) => eventView(parseDoc(TicketEvent, d))),
    reporter,
    reporterRedacted: ticket.hasReporter && !maySeeReporter,
    reporterRole: ticket.kind === 'complaint' ? 'complainant' : 'requester',
    lifecycle: lifecycleView(ticket, actor),
    // an instant outside the calendar (an imported ticket) shows no time left rather than failing
    workingTimeLeftMs: calendar && ticket.dueAt && calendar.covers(now) && calendar.covers(ticket.dueAt)
      ? calendar.workingTimeBetween(now, ticket.dueAt) : null,
  };
}

import { HttpsError } from 'firebase-functions/v2/https';
import type { Firestore } from 'firebase-admin/firestore';
import type { Actor } from '../domain/actor';
import type { TicketDetailView } from '../domain/api';
import { COL, REPORTER_DOC } from '../domain/collections';
import { Reporter, Ticket, TicketEvent } from '../domain/documents';
import { canReadTicket, canSeeReporter } from '../domain/policy';
import { eventView, ticketView } from '../domain/views';
import { lifecycleView } from '../domain/lifecycle/view';
import { timeLeft } from '../domain/tickets/time-left';
import { authorize } from '../lib/actor';
import { notFound } from '../lib/errors';
import { parseDoc } from '../lib/firestore';
import { loadCalendar } from './config';
import { loadOrg } from './org';
import { ticketNames } from './tickets/names';

/** A ticket with its history; the complainant's identity only for those the policy allows. */
export async function readTicketDetail(db: Firestore, actor: Actor, ticketId: string, now: Date): Promise<TicketDetailView> {
  const ref = db.collection(COL.tickets).doc(ticketId);
  const snap = await ref.get();
  if (!snap.exists) throw notFound('ticket', ticketId);
  const ticket = parseDoc(Ticket, snap);
  authorize(canReadTicket(actor, ticket));
  const maySeeReporter = canSeeReporter(actor, ticket).allowed;
  const [events, reporterSnap, org, calendar] = await Promise.all([
    ref.collection(COL.events).orderBy('seq').get(),
    maySeeReporter && ticket.hasReporter ? ref.collection(COL.private).doc(REPORTER_DOC).get() : Promise.resolve(null),
    loadOrg(db),
    ticket.dueAt ? loadCalendar(db) : Promise.resolve(null),
  ]);
  const names = await ticketNames(db, org, [ticket]);
  const reporter = reporterSnap?.exists ? parseDoc(Reporter, reporterSnap) : null;
  if (ticket.hasReporter && maySeeReporter && !reporter) {
    throw new HttpsError('internal', `Ticket ${ticketId} lost its reporter record`);
  }
  const left = calendar ? timeLeft(ticket, now, calendar) : { status: 'no_deadline' as const, workingMs: null };
  return {
    ticket: ticketView(ticketId, ticket, names(ticket)),
    events: events.docs.map((d) => eventView(parseDoc(TicketEvent, d))),
    reporter,
    reporterRedacted: ticket.hasReporter && !maySeeReporter,
    reporterRole: ticket.kind === 'complaint' ? 'complainant' : 'requester',
    lifecycle: lifecycleView(ticket, actor),
    // Kept for the existing page: working ms left while the deadline runs (negative when overdue).
    workingTimeLeftMs: left.status === 'running' || left.status === 'due_soon' || left.status === 'overdue' ? left.workingMs : null,
    timeLeft: left,
  };
}

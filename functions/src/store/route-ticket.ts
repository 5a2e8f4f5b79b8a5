import type { Firestore } from 'firebase-admin/firestore';
import { ACTOR_SYSTEM } from '../domain/documents';
import { SYSTEM_ACTOR_NAME } from '../domain/actor';
import { deliverAtFor } from '../domain/escalation';
import { deptName, formatShanghai, renderNotification } from '../domain/notify';
import { routeTicket } from '../domain/routing';
import { computeDeadline } from '../domain/sla';
import { loadCalendar, loadRouting, loadSla } from './config';
import { departmentRecipients, loadOrg } from './org';
import { applyChange, readTicket, ticketRef } from './tickets';
import { kpiDeltaOf } from '../domain/kpis/delta';
import { applyKpiDelta } from './kpis/aggregates';

export type RouteOutcome = 'routed' | 'already-routed' | 'missing';

/**
 * Routes a newly received ticket to its owning department with a working-time deadline.
 * Idempotent: a ticket that is no longer `received` is left alone, so a redelivered
 * trigger routes once, notifies once and mails once.
 */
export async function routeNewTicket(db: Firestore, ticketId: string, now: Date): Promise<RouteOutcome> {
  const [routing, org, calendar, sla] = await Promise.all([loadRouting(db), loadOrg(db), loadCalendar(db), loadSla(db)]);
  const ref = ticketRef(db, ticketId);
  return db.runTransaction(async (tx) => {
    const ticket = await readTicket(tx, ref);
    if (!ticket) return 'missing';
    if (ticket.state !== 'received') return 'already-routed';
    const decision = routeTicket(routing, ticket, org.departments, org.branches);
    const { dueAt } = computeDeadline(calendar, sla, { kind: ticket.kind, tier: ticket.clientTier, receivedAt: ticket.receivedAt });
    const dept = org.departments.find((d) => d.id === decision.deptId);
    const recipients = await departmentRecipients(db, decision.deptId);
    // A ticket received after hours is announced at the next working instant.
    const deliverAt = deliverAtFor(calendar, now, { major: ticket.major, audience: 'dept' });
    const after = { ...ticket, state: 'assigned' as const, ownerDeptId: decision.deptId, routing: decision, dueAt };
    const event = {
      type: 'assigned', actorUid: ACTOR_SYSTEM, actorName: SYSTEM_ACTOR_NAME,
      from: ticket.state, to: after.state, note: decision.reason,
    };
    const outgoing = recipients.map((r) => {
      const msg = renderNotification(after, { ...event, seq: ticket.lastEventSeq + 1, at: now, changes: {} }, r.locale, {
        ownerDeptName: deptName(dept, r.locale), formatInstant: formatShanghai,
      });
      return { uid: r.uid, email: r.email, deliverAt, ...msg };
    });
    applyChange(tx, db, ticketId, ticket, {
      patch: { state: 'assigned', ownerDeptId: decision.deptId, routing: decision, dueAt },
      event,
      outgoing,
    }, now);
    applyKpiDelta(tx, db, kpiDeltaOf(ticket, after, { type: event.type, at: now })); // KPIs (issue 12)
    return 'routed';
  });
}

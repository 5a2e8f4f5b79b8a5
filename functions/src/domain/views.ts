/** Documents → the JSON views callables return (instants as ISO strings). */
import type { TicketEventView, TicketView } from './api';
import type { Ticket, TicketEvent } from './documents';

export function ticketView(id: string, t: Ticket, ownerDeptName: string | null): TicketView {
  return {
    id,
    number: t.number,
    kind: t.kind,
    subject: t.subject,
    channel: t.channel,
    clientId: t.clientId,
    clientName: t.clientName,
    branchId: t.branchId,
    title: t.title,
    description: t.description,
    state: t.state,
    ownerDeptId: t.ownerDeptId,
    ownerDeptName,
    assigneeUid: t.assigneeUid,
    routingReason: t.routing?.reason ?? null,
    authority: t.routing?.authority ?? null,
    authorityReason: t.routing?.authorityReason ?? null,
    receivedAt: t.receivedAt.toISOString(),
    dueAt: t.dueAt?.toISOString() ?? null,
    escalationLevel: t.escalationLevel,
    major: t.major,
    claimedAmount: t.claimedAmount,
    dueAtProvisional: t.dueAtProvisional ?? false,
    promisedAt: t.promisedAt?.toISOString() ?? null,
    nextFollowUpAt: t.nextFollowUpAt?.toISOString() ?? null,
    deadlineProblem: t.deadlineProblem ? { ...t.deadlineProblem, at: t.deadlineProblem.at.toISOString() } : null,
  };
}

export function eventView(e: TicketEvent): TicketEventView {
  return {
    seq: e.seq, type: e.type, at: e.at.toISOString(), actorName: e.actorName, from: e.from, to: e.to, note: e.note,
    ...(e.notified ? { notified: e.notified } : {}),
  };
}

/** Documents → the JSON views callables return (instants as ISO strings, names in both languages). */
import type { TicketEventView, TicketView } from './api';
import type { Ticket, TicketEvent } from './documents';
import { authorityLabel, authorityReasonLabel, eventLabel, routingReasonLabel } from './tickets/labels';
import type { Label } from './vocabulary';

/** Names a view shows beside the ids (looked up by the store). */
export interface TicketNames {
  ownerDept: Label | null;
  branch: Label | null;
  assigneeName: string | null;
}

export const NO_NAMES: TicketNames = { ownerDept: null, branch: null, assigneeName: null };

export function ticketView(id: string, t: Ticket, names: TicketNames): TicketView {
  return {
    id,
    number: t.number,
    kind: t.kind,
    subject: t.subject,
    channel: t.channel,
    clientId: t.clientId,
    clientName: t.clientName,
    branchId: t.branchId,
    branchName: names.branch,
    title: t.title,
    description: t.description,
    state: t.state,
    ownerDeptId: t.ownerDeptId,
    ownerDeptName: names.ownerDept,
    assigneeUid: t.assigneeUid,
    assigneeName: names.assigneeName,
    routingReason: routingReasonLabel(t.routing),
    authority: t.routing?.authority ?? null,
    authorityLabel: authorityLabel(t.routing),
    authorityReason: authorityReasonLabel(t.routing),
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
    seq: e.seq, type: e.type, label: eventLabel(e.type), at: e.at.toISOString(), actorName: e.actorName,
    from: e.from, to: e.to, note: e.note,
    ...(e.notified ? { notified: e.notified } : {}),
  };
}

import type { Firestore, Query } from 'firebase-admin/firestore';
import type { Actor } from '../domain/actor';
import type { TicketQueue } from '../domain/api';
import { COL } from '../domain/collections';
import { Ticket } from '../domain/documents';
import { canReadTicket, isCallbackDesk, isQuality } from '../domain/policy';
import { DUE_SOON_MS, inQueue } from '../domain/queues';
import { parseDoc } from '../lib/firestore';

/** The queries whose union covers what the actor may read (Firestore has no cheap OR across fields). */
function scopeQueries(db: Firestore, actor: Actor): Query[] {
  const tickets = db.collection(COL.tickets);
  if (actor.role === 'leadership' || actor.role === 'auditor' || actor.role === 'admin') return [tickets];
  const own = [tickets.where('ownerDeptId', '==', actor.deptId), tickets.where('createdBy', '==', actor.uid)];
  // Quality: complaints of their branch and the branches below (issue 9 point 3; `in` takes up to 30).
  const scope = (actor.branchScope ?? [actor.branchId]).slice(0, 30);
  if (isQuality(actor)) {
    own.push(tickets.where('branchId', 'in', scope).where('kind', '==', 'complaint'));
  }
  // The customer-service centre: what it took in, and the callbacks of its branch tree (issue 9 point 14).
  if (isCallbackDesk(actor)) {
    own.push(tickets.where('createdByDeptId', '==', actor.deptId));
    own.push(tickets.where('branchId', 'in', scope).where('state', '==', 'callback'));
  }
  return own;
}

function narrow(q: Query, queue: TicketQueue, actor: Actor): Query {
  switch (queue) {
    case 'awaiting_callback':
      return q.where('state', '==', 'callback');
    case 'awaiting_verification':
      return q.where('state', '==', 'verification');
    case 'department':
      return q.where('ownerDeptId', '==', actor.deptId);
    default:
      return q;
  }
}

/** Tickets of a queue the actor may read, newest first (overdue / due soon: most urgent first). */
export async function listTickets(
  db: Firestore,
  actor: Actor,
  queue: TicketQueue,
  limit: number,
  now: Date,
): Promise<Array<{ id: string; ticket: Ticket }>> {
  const byDue = queue === 'overdue' || queue === 'due_soon';
  const queries = queue === 'mine'
    ? [db.collection(COL.tickets).where('assigneeUid', '==', actor.uid), db.collection(COL.tickets).where('createdBy', '==', actor.uid)]
    : scopeQueries(db, actor).map((q) => narrow(q, queue, actor));
  const snaps = await Promise.all(
    queries.map((q) => (byDue ? q.where('dueAt', '<', new Date(now.getTime() + DUE_SOON_MS)).orderBy('dueAt') : q.orderBy('receivedAt', 'desc')).limit(limit * 2).get()),
  );
  const seen = new Map<string, Ticket>();
  for (const snap of snaps) for (const d of snap.docs) if (!seen.has(d.id)) seen.set(d.id, parseDoc(Ticket, d));
  return [...seen.entries()]
    .map(([id, ticket]) => ({ id, ticket }))
    .filter(({ ticket }) => canReadTicket(actor, ticket).allowed && inQueue(queue, ticket, actor, now))
    .sort((a, b) => byDue
      ? (a.ticket.dueAt?.getTime() ?? 0) - (b.ticket.dueAt?.getTime() ?? 0)
      : b.ticket.receivedAt.getTime() - a.ticket.receivedAt.getTime())
    .slice(0, limit);
}

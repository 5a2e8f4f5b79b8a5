import { onCall } from 'firebase-functions/v2/https';
import { ListTicketsInput } from '../domain/api';
import { can } from '../domain/policy';
import { NO_NAMES, ticketView } from '../domain/views';
import { nameLabel } from '../domain/tickets/labels';
import { authorize, requireActor } from '../lib/actor';
import { clock } from '../lib/clock';
import { parseInput } from '../lib/errors';
import { db } from '../lib/firestore';
import { loadOrg } from '../store/org';
import { listTickets as list } from '../store/ticket-queries';

/** A work queue: the tickets of the queue the caller may read. */
export const listTickets = onCall(async (request) => {
  const actor = await requireActor(db(), request);
  authorize(can(actor, 'ticket.list')); // each row is then filtered by canReadTicket
  const { queue, limit } = parseInput(ListTicketsInput, request.data);
  const [rows, org] = await Promise.all([list(db(), actor, queue, limit, clock().now()), loadOrg(db())]);
  const deptName = new Map(org.departments.map((d) => [d.id, nameLabel(d)]));
  return { tickets: rows.map(({ id, ticket }) => ticketView(id, ticket, { ...NO_NAMES, ownerDept: deptName.get(ticket.ownerDeptId ?? '') ?? null })) };
});

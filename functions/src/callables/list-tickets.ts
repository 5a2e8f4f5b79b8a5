import { onCall } from 'firebase-functions/v2/https';
import { ListTicketsInput } from '../domain/api';
import { can } from '../domain/policy';
import { authorize, requireActor } from '../lib/actor';
import { clock } from '../lib/clock';
import { parseInput } from '../lib/errors';
import { db } from '../lib/firestore';
import { loadCalendar } from '../store/config';
import { loadOrg } from '../store/org';
import { listTicketRows } from '../store/tickets/list';

/** A work queue: a page of the tickets the caller may read, with the queue counts (store/tickets/list.ts). */
export const listTickets = onCall(async (request) => {
  const actor = await requireActor(db(), request);
  authorize(can(actor, 'ticket.list')); // each row is then checked by canReadTicket
  const input = parseInput(ListTicketsInput, request.data);
  const [org, calendar] = await Promise.all([loadOrg(db()), loadCalendar(db())]);
  return listTicketRows(db(), actor, input, { org, calendar, now: clock().now() });
});

import { onCall } from 'firebase-functions/v2/https';
import { KpiTicketsInput } from '../../domain/kpis/api';
import { ticketView } from '../../domain/views';
import { requireActor } from '../../lib/actor';
import { parseInput } from '../../lib/errors';
import { db } from '../../lib/firestore';
import { drillDown } from '../../store/kpis/read';
import { loadOrg } from '../../store/org';
import { ticketNames } from '../../store/tickets/names';

/** The tickets behind a figure (received in the month, in scope), each checked with canReadTicket. */
export const listKpiTickets = onCall(async (request) => {
  const actor = await requireActor(db(), request);
  const input = parseInput(KpiTicketsInput, request.data);
  const [{ tickets, hidden }, org] = await Promise.all([drillDown(db(), actor, input), loadOrg(db())]);
  const names = await ticketNames(db(), org, tickets.map((t) => t.ticket));
  return { tickets: tickets.map(({ id, ticket }) => ticketView(id, ticket, names(ticket))), hidden };
});

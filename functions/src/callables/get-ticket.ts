import { onCall } from 'firebase-functions/v2/https';
import { GetTicketInput } from '../domain/api';
import { requireActor } from '../lib/actor';
import { clock } from '../lib/clock';
import { parseInput } from '../lib/errors';
import { db } from '../lib/firestore';
import { readTicketDetail } from '../store/read-ticket';

/** One ticket, its history, and the complainant only where the policy allows. */
export const getTicket = onCall(async (request) => {
  const actor = await requireActor(db(), request);
  const { ticketId } = parseInput(GetTicketInput, request.data);
  return readTicketDetail(db(), actor, ticketId, clock().now());
});

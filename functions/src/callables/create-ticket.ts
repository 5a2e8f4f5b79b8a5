import { onCall } from 'firebase-functions/v2/https';
import { CreateTicketInput } from '../domain/api';
import { canCreateTicket } from '../domain/policy';
import { authorize, requireActor } from '../lib/actor';
import { clock } from '../lib/clock';
import { parseInput } from '../lib/errors';
import { db } from '../lib/firestore';
import { createTicket as create } from '../store/create-ticket';

/** Files a ticket for a client; routing follows in onTicketCreated. */
export const createTicket = onCall(async (request) => {
  const actor = await requireActor(db(), request);
  authorize(canCreateTicket(actor));
  const input = parseInput(CreateTicketInput, request.data);
  return create(db(), actor, input, clock().now());
});

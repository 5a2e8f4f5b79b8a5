import { onCall } from 'firebase-functions/v2/https';
import { allowedActions } from '../domain/lifecycle/decide';
import { TransitionTicketInput, type TransitionTicketResult } from '../domain/lifecycle/request';
import { requireActor } from '../lib/actor';
import { clock } from '../lib/clock';
import { parseInput } from '../lib/errors';
import { db } from '../lib/firestore';
import { transitionTicket as transition } from '../store/transition';

/** Fires one lifecycle action (accept, resolve, callback, verify…); authorisation depends on the ticket, so the engine does it. */
export const transitionTicket = onCall(async (request): Promise<TransitionTicketResult> => {
  const actor = await requireActor(db(), request);
  const { ticketId, action, expectedState, expectedSeq, ...fields } = parseInput(TransitionTicketInput, request.data);
  const result = await transition(db(), { ticketId, action, actor, input: fields, expectedState, expectedSeq, now: clock().now() });
  return { ticketId, seq: result.seq, state: result.state, allowedActions: allowedActions(result.ticket, actor) };
});

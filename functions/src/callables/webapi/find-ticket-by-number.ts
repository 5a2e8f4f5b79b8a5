import { onCall } from 'firebase-functions/v2/https';
import { FindTicketByNumberInput, type FindTicketByNumberResult } from '../../domain/api';
import { can } from '../../domain/policy';
import { TICKETS_REFUSALS } from '../../domain/tickets/refusals';
import { authorize, requireActor } from '../../lib/actor';
import { parseInput, refuse } from '../../lib/errors';
import { db } from '../../lib/firestore';
import { ticketByNumber } from '../../store/tickets/pickers';

/** A ticket by the number people read out ("duplicate of HX-…"); `not-found` also when the caller may not read it. */
export const findTicketByNumber = onCall(async (request): Promise<FindTicketByNumberResult> => {
  const actor = await requireActor(db(), request);
  const { number } = parseInput(FindTicketByNumberInput, request.data);
  authorize(can(actor, 'ticket.list'));
  const found = await ticketByNumber(db(), actor, number);
  if (!found) throw refuse('not-found', TICKETS_REFUSALS, 'tickets.number_not_found', { number });
  return found;
});

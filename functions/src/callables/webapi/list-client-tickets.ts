import { onCall } from 'firebase-functions/v2/https';
import { ListClientTicketsInput, type ListClientTicketsResult } from '../../domain/api';
import { canListClients } from '../../domain/policy';
import { TICKETS_REFUSALS } from '../../domain/tickets/refusals';
import { authorize, requireActor } from '../../lib/actor';
import { clock } from '../../lib/clock';
import { parseInput, refuse } from '../../lib/errors';
import { db } from '../../lib/firestore';
import { loadOrg } from '../../store/org';
import { clientTickets, readableClient } from '../../store/tickets/pickers';

/** Beside the intake form: the client's open and recent tickets, to avoid filing a duplicate. */
export const listClientTickets = onCall(async (request): Promise<ListClientTicketsResult> => {
  const actor = await requireActor(db(), request);
  const { clientId } = parseInput(ListClientTicketsInput, request.data);
  authorize(canListClients(actor));
  // A client outside the caller's scope answers like a missing one: nothing about it leaks.
  if (!(await readableClient(db(), actor, clientId))) throw refuse('not-found', TICKETS_REFUSALS, 'tickets.client_not_visible', { clientId });
  return clientTickets(db(), actor, await loadOrg(db()), clientId, clock().now());
});

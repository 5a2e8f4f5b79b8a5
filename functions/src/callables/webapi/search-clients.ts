import { onCall } from 'firebase-functions/v2/https';
import { SearchClientsInput, type SearchClientsResult } from '../../domain/api';
import { canListClients } from '../../domain/policy';
import { authorize, requireActor } from '../../lib/actor';
import { parseInput } from '../../lib/errors';
import { db } from '../../lib/firestore';
import { loadOrg } from '../../store/org';
import { searchClients as search } from '../../store/tickets/pickers';

/** Type-ahead for the intake form: clients by the start of their name, code or contact phone, in the caller's scope. */
export const searchClients = onCall(async (request): Promise<SearchClientsResult> => {
  const actor = await requireActor(db(), request);
  const { query, limit } = parseInput(SearchClientsInput, request.data);
  authorize(canListClients(actor));
  const org = await loadOrg(db());
  return { clients: await search(db(), actor, org, query, limit) };
});

import { onCall } from 'firebase-functions/v2/https';
import { EmptyInput, type ClientOption } from '../domain/api';
import { COL } from '../domain/collections';
import { Client } from '../domain/documents';
import { canListClients, canReadClient } from '../domain/policy';
import { authorize, requireActor } from '../lib/actor';
import { parseInput } from '../lib/errors';
import { db, parseDoc } from '../lib/firestore';

/** Clients to pick from when filing a ticket: only those the caller may read. */
export const listClients = onCall(async (request): Promise<{ clients: ClientOption[] }> => {
  const actor = await requireActor(db(), request);
  parseInput(EmptyInput, request.data);
  authorize(canListClients(actor));
  const snap = await db().collection(COL.clients).orderBy('code').get();
  const clients = snap.docs.map((d) => ({ id: d.id, client: parseDoc(Client, d) }))
    .filter(({ client }) => canReadClient(actor, client).allowed);
  return { clients: clients.map(({ id, client }) => ({ id, name: client.name, code: client.code })) };
});

import { onCall } from 'firebase-functions/v2/https';
import { FindClientsInput } from '../../domain/clients/api';
import { findClients as find } from '../../store/clients/query';
import { requireActor } from '../../lib/actor';
import { parseInput } from '../../lib/errors';
import { db } from '../../lib/firestore';

/** Search by name, code, licence number or phone, with filters; contacts redacted per row. */
export const findClients = onCall(async (request) => {
  const actor = await requireActor(db(), request);
  const input = parseInput(FindClientsInput, request.data);
  return find(db(), actor, input);
});

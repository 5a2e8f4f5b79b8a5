import { onCall } from 'firebase-functions/v2/https';
import { GetClientInput } from '../../domain/clients/api';
import { readClientDetail } from '../../store/clients/query';
import { requireActor } from '../../lib/actor';
import { parseInput } from '../../lib/errors';
import { db } from '../../lib/firestore';

/** A client's archive and timeline (tickets redacted by the reader's rights). */
export const getClient = onCall(async (request) => {
  const actor = await requireActor(db(), request);
  const input = parseInput(GetClientInput, request.data);
  return readClientDetail(db(), actor, input.clientId);
});

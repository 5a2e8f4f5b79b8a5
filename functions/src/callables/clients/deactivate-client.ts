import { onCall } from 'firebase-functions/v2/https';
import { DeactivateClientInput } from '../../domain/clients/api';
import { setClientActive } from '../../store/clients/archive';
import { requireActor } from '../../lib/actor';
import { clock } from '../../lib/clock';
import { parseInput } from '../../lib/errors';
import { db } from '../../lib/firestore';

/** Deactivates (or with active: true reactivates) a client, with the reason, as history. */
export const deactivateClient = onCall(async (request) => {
  const actor = await requireActor(db(), request);
  const input = parseInput(DeactivateClientInput, request.data);
  return setClientActive(db(), actor, input.clientId, input.active, input.reason, clock().now());
});

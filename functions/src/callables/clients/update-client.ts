import { onCall } from 'firebase-functions/v2/https';
import { UpdateClientInput } from '../../domain/clients/api';
import { updateClient as update } from '../../store/clients/archive';
import { requireActor } from '../../lib/actor';
import { clock } from '../../lib/clock';
import { parseInput } from '../../lib/errors';
import { db } from '../../lib/firestore';

/** Edits archive fields at the version the editor saw; the change is a history entry. */
export const updateClient = onCall(async (request) => {
  const actor = await requireActor(db(), request);
  const input = parseInput(UpdateClientInput, request.data);
  return update(db(), actor, input, clock().now());
});

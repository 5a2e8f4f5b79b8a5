import { onCall } from 'firebase-functions/v2/https';
import { EmptyInput, type ChangeMarkerView } from '../../domain/api';
import { canReadChangeMarker } from '../../domain/tickets/policy';
import { authorize, requireActor } from '../../lib/actor';
import { parseInput } from '../../lib/errors';
import { db } from '../../lib/firestore';
import { readMarker } from '../../store/tickets/markers';

/**
 * The caller's change marker (one document read after the caller's own records): the web polls
 * this and refetches the open page or list only when the marker moved.
 */
export const getChangeMarker = onCall(async (request): Promise<ChangeMarkerView> => {
  const actor = await requireActor(db(), request);
  parseInput(EmptyInput, request.data);
  authorize(canReadChangeMarker(actor));
  return { marker: await readMarker(db(), actor.uid) };
});

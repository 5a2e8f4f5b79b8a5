import { onCall } from 'firebase-functions/v2/https';
import { ListSpotChecksInput } from '../../domain/clients/api';
import { listSpotChecks as list } from '../../store/clients/spot-checks';
import { requireActor } from '../../lib/actor';
import { parseInput } from '../../lib/errors';
import { db } from '../../lib/firestore';

/** The month's spot-check samples the reader may see, with what is recorded. */
export const listSpotChecks = onCall(async (request) => {
  const actor = await requireActor(db(), request);
  const input = parseInput(ListSpotChecksInput, request.data);
  return list(db(), actor, input.month, input.level);
});

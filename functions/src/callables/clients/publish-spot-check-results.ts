import { onCall } from 'firebase-functions/v2/https';
import { SpotCheckRollupInput } from '../../domain/clients/api';
import { publishSpotCheckResults as publish } from '../../store/clients/spot-checks';
import { requireActor } from '../../lib/actor';
import { clock } from '../../lib/clock';
import { parseInput } from '../../lib/errors';
import { db } from '../../lib/firestore';

/** Tells each staff member checked this month their results (once). */
export const publishSpotCheckResults = onCall(async (request) => {
  const actor = await requireActor(db(), request);
  const input = parseInput(SpotCheckRollupInput, request.data);
  return publish(db(), actor, input.month, input.branchId, clock().now());
});

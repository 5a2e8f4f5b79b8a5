import { onCall } from 'firebase-functions/v2/https';
import { SpotCheckRollupInput } from '../../domain/clients/api';
import { spotCheckRollup as rollup } from '../../store/clients/spot-checks';
import { requireActor } from '../../lib/actor';
import { parseInput } from '../../lib/errors';
import { db } from '../../lib/firestore';

/** Spot-check results per staff member for a month (a staff member sees their own). */
export const spotCheckRollup = onCall(async (request) => {
  const actor = await requireActor(db(), request);
  const input = parseInput(SpotCheckRollupInput, request.data);
  return rollup(db(), actor, input.month, input.branchId);
});

import { onCall } from 'firebase-functions/v2/https';
import { SaveMonthlyScoreInput } from '../../domain/clients/api';
import { saveMonthlyScore as save } from '../../store/clients/scores';
import { requireActor } from '../../lib/actor';
import { clock } from '../../lib/clock';
import { parseInput } from '../../lib/errors';
import { db } from '../../lib/firestore';

/** The account manager's monthly score of a client (due by the 30th [001 §9]). */
export const saveMonthlyScore = onCall(async (request) => {
  const actor = await requireActor(db(), request);
  const input = parseInput(SaveMonthlyScoreInput, request.data);
  return save(db(), actor, input, clock().now());
});

import { onCall } from 'firebase-functions/v2/https';
import { RecordSpotCheckInput } from '../../domain/clients/api';
import { recordSpotCheck as record } from '../../store/clients/spot-checks';
import { requireActor } from '../../lib/actor';
import { clock } from '../../lib/clock';
import { parseInput } from '../../lib/errors';
import { db } from '../../lib/firestore';

/** The checker's call or visit; a finding can open a complaint ticket. */
export const recordSpotCheck = onCall(async (request) => {
  const actor = await requireActor(db(), request);
  const input = parseInput(RecordSpotCheckInput, request.data);
  return record(db(), actor, input, clock().now());
});

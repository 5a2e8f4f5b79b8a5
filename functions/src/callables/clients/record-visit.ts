import { onCall } from 'firebase-functions/v2/https';
import { RecordVisitInput } from '../../domain/clients/api';
import { recordVisit as record } from '../../store/clients/visits';
import { requireActor } from '../../lib/actor';
import { clock } from '../../lib/clock';
import { parseInput } from '../../lib/errors';
import { db } from '../../lib/firestore';

/** Records a visit (services from the client's tier's 3+3 list). */
export const recordVisit = onCall(async (request) => {
  const actor = await requireActor(db(), request);
  const input = parseInput(RecordVisitInput, request.data);
  return record(db(), actor, input, clock().now());
});

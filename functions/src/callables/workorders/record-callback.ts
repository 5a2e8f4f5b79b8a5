import { onCall } from 'firebase-functions/v2/https';
import { RecordCallbackInput } from '../../domain/workorders/api';
import { requireActor } from '../../lib/actor';
import { clock } from '../../lib/clock';
import { parseInput } from '../../lib/errors';
import { db } from '../../lib/firestore';
import { recordCallback as record } from '../../store/workorders/callbacks';

/** The CS centre records a repair callback's result (reached, satisfied, comments) on the task and the order. */
export const recordRepairCallback = onCall(async (request) => {
  const actor = await requireActor(db(), request);
  const input = parseInput(RecordCallbackInput, request.data);
  return record(db(), actor, input, clock().now());
});

import { onCall } from 'firebase-functions/v2/https';
import { DispatchReRepairInput } from '../../domain/workorders/api';
import { toWire } from '../../domain/workorders/views';
import { requireActor } from '../../lib/actor';
import { clock } from '../../lib/clock';
import { parseInput } from '../../lib/errors';
import { db } from '../../lib/firestore';
import { dispatchReRepair as dispatch } from '../../store/workorders/re-repair';

/** A complaint about earlier work: dispatches the re-repair at once and opens its 24 h special callback. */
export const dispatchReRepair = onCall(async (request) => {
  const actor = await requireActor(db(), request);
  const input = parseInput(DispatchReRepairInput, request.data);
  return toWire(await dispatch(db(), actor, input, clock().now()));
});

import { onCall } from 'firebase-functions/v2/https';
import { ClassificationInput } from '../../domain/clients/api';
import { canClassify } from '../../domain/clients/policy';
import { authorizeClients } from '../../store/clients/errors';
import { applyClassification as apply } from '../../store/clients/classification';
import { requireActor } from '../../lib/actor';
import { clock } from '../../lib/clock';
import { parseInput } from '../../lib/errors';
import { db } from '../../lib/firestore';

/** Applies a quarter's ranking now (the schedule does it on the quarter's first working day); once per quarter. */
export const applyClassification = onCall(async (request) => {
  const actor = await requireActor(db(), request);
  const input = parseInput(ClassificationInput, request.data);
  authorizeClients(canClassify(actor, 'apply'));
  return apply(db(), input.quarter, { uid: actor.uid, name: actor.displayName }, clock().now());
});

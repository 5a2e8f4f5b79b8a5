import { onCall } from 'firebase-functions/v2/https';
import { VisitPlanInput } from '../../domain/clients/api';
import { readPlan } from '../../store/clients/visits';
import { requireActor } from '../../lib/actor';
import { clock } from '../../lib/clock';
import { parseInput } from '../../lib/errors';
import { db } from '../../lib/firestore';

/** An account manager's plan for the month with the visits made and the periods missed. */
export const getVisitPlan = onCall(async (request) => {
  const actor = await requireActor(db(), request);
  const input = parseInput(VisitPlanInput, request.data);
  return readPlan(db(), actor, input.month, input.managerUid, clock().now());
});

import { onCall } from 'firebase-functions/v2/https';
import { SetTargetsInput } from '../../domain/kpis/api';
import { roleRefusal } from '../../domain/kpis/policy';
import { requireActor } from '../../lib/actor';
import { clock } from '../../lib/clock';
import { parseInput } from '../../lib/errors';
import { db } from '../../lib/firestore';
import { refuseIf } from '../../store/kpis/refuse';
import { saveTargets } from '../../store/kpis/targets';

export const setKpiTargets = onCall(async (request) => {
  const actor = await requireActor(db(), request);
  refuseIf('permission-denied', roleRefusal(actor, 'targets'));
  const { year, targets } = parseInput(SetTargetsInput, request.data);
  return { year, targets: await saveTargets(db(), actor, year, targets, clock().now()) };
});

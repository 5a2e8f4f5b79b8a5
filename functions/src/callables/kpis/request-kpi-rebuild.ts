import { onCall } from 'firebase-functions/v2/https';
import { RequestRebuildInput } from '../../domain/kpis/api';
import { roleRefusal } from '../../domain/kpis/policy';
import { requireActor } from '../../lib/actor';
import { clock } from '../../lib/clock';
import { parseInput } from '../../lib/errors';
import { db } from '../../lib/firestore';
import { requestRebuild } from '../../store/kpis/rebuild';
import { refuseIf } from '../../store/kpis/refuse';

/** Recomputes a month from tickets + events and reports the differences; changes nothing. */
export const requestKpiRebuild = onCall(async (request) => {
  const actor = await requireActor(db(), request);
  refuseIf('permission-denied', roleRefusal(actor, 'rebuild'));
  const { month } = parseInput(RequestRebuildInput, request.data);
  return requestRebuild(db(), actor, month, clock().now());
});

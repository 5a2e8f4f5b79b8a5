import { onCall } from 'firebase-functions/v2/https';
import { DecideRebuildInput } from '../../domain/kpis/api';
import { roleRefusal } from '../../domain/kpis/policy';
import { requireActor } from '../../lib/actor';
import { clock } from '../../lib/clock';
import { parseInput } from '../../lib/errors';
import { db } from '../../lib/firestore';
import { decideRebuild } from '../../store/kpis/rebuild';
import { refuseIf } from '../../store/kpis/refuse';

/** An admin applies (or discards) a pending rebuild. */
export const decideKpiRebuild = onCall(async (request) => {
  const actor = await requireActor(db(), request);
  refuseIf('permission-denied', roleRefusal(actor, 'rebuild'));
  const { rebuildId, apply } = parseInput(DecideRebuildInput, request.data);
  return decideRebuild(db(), actor, rebuildId, apply, clock().now());
});

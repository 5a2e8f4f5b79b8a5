import { onCall } from 'firebase-functions/v2/https';
import { ApproveSnapshotInput } from '../../domain/kpis/api';
import { requireActor } from '../../lib/actor';
import { clock } from '../../lib/clock';
import { parseInput } from '../../lib/errors';
import { db } from '../../lib/firestore';
import { approveSnapshot } from '../../store/kpis/monthly';

export const approveKpiSnapshot = onCall(async (request) => {
  const actor = await requireActor(db(), request);
  const input = parseInput(ApproveSnapshotInput, request.data);
  const s = await approveSnapshot(db(), actor, input.snapshotId, input.commentary, clock().now());
  return { id: input.snapshotId, status: s.status, approvedAt: s.approvedAt?.toISOString() ?? null };
});

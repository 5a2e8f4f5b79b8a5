import { onCall } from 'firebase-functions/v2/https';
import { CommentSnapshotInput } from '../../domain/kpis/api';
import { requireActor } from '../../lib/actor';
import { parseInput } from '../../lib/errors';
import { db } from '../../lib/firestore';
import { commentSnapshot } from '../../store/kpis/monthly';

export const commentKpiSnapshot = onCall(async (request) => {
  const actor = await requireActor(db(), request);
  const input = parseInput(CommentSnapshotInput, request.data);
  await commentSnapshot(db(), actor, input.snapshotId, input.commentary);
  return { id: input.snapshotId };
});

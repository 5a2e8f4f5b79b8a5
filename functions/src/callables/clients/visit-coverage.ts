import { onCall } from 'firebase-functions/v2/https';
import { VisitCoverageInput } from '../../domain/clients/api';
import { readCoverage } from '../../store/clients/visits';
import { requireActor } from '../../lib/actor';
import { clock } from '../../lib/clock';
import { parseInput } from '../../lib/errors';
import { db } from '../../lib/firestore';

/** Coverage per manager, route and branch for a month, and the missed visits. */
export const visitCoverage = onCall(async (request) => {
  const actor = await requireActor(db(), request);
  const input = parseInput(VisitCoverageInput, request.data);
  return readCoverage(db(), actor, input.month, input.branchId, clock().now());
});

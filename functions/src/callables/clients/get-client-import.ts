import { onCall } from 'firebase-functions/v2/https';
import { GetImportInput } from '../../domain/clients/api';
import { canManageClients } from '../../domain/clients/policy';
import { authorizeClients } from '../../store/clients/errors';
import { readImportJob } from '../../store/clients/import';
import { notFound } from '../../lib/errors';
import { requireActor } from '../../lib/actor';
import { clock } from '../../lib/clock';
import { parseInput } from '../../lib/errors';
import { db } from '../../lib/firestore';

/** An import's progress (a stalled job is resumed). */
export const getClientImport = onCall(async (request) => {
  const actor = await requireActor(db(), request);
  const input = parseInput(GetImportInput, request.data);
  const job = await readImportJob(db(), input.jobId, clock().now(), (branchId) => authorizeClients(canManageClients(actor, branchId)));
  if (!job) throw notFound('importJob', input.jobId);
  return job;
});

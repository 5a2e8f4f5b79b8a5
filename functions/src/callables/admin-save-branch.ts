import { onCall } from 'firebase-functions/v2/https';
import { SaveBranchInput } from '../domain/org/api';
import { can } from '../domain/policy';
import { authorize, requireActor } from '../lib/actor';
import { clock } from '../lib/clock';
import { parseInput } from '../lib/errors';
import { db } from '../lib/firestore';
import { saveBranch } from '../store/staff-admin';

/** Admin: creates or edits a branch, county branch or management office (audited). */
export const adminSaveBranch = onCall(async (request) => {
  const actor = await requireActor(db(), request);
  authorize(can(actor, 'org.manage'));
  const input = parseInput(SaveBranchInput, request.data);
  return saveBranch(db(), actor, input, clock().now());
});

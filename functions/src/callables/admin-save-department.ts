import { onCall } from 'firebase-functions/v2/https';
import { SaveDepartmentInput } from '../domain/org/api';
import { can } from '../domain/policy';
import { authorize, requireActor } from '../lib/actor';
import { clock } from '../lib/clock';
import { parseInput } from '../lib/errors';
import { db } from '../lib/firestore';
import { saveDepartment } from '../store/staff-admin';

/** Admin: creates or edits a department (audited). */
export const adminSaveDepartment = onCall(async (request) => {
  const actor = await requireActor(db(), request);
  authorize(can(actor, 'org.manage'));
  const input = parseInput(SaveDepartmentInput, request.data);
  return saveDepartment(db(), actor, input, clock().now());
});

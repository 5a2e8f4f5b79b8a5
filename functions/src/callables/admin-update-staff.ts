import { onCall } from 'firebase-functions/v2/https';
import { UpdateStaffInput } from '../domain/org/api';
import { can } from '../domain/policy';
import { authorize, requireActor } from '../lib/actor';
import { authAdmin } from '../lib/auth-admin';
import { clock } from '../lib/clock';
import { parseInput } from '../lib/errors';
import { db } from '../lib/firestore';
import { updateStaff } from '../store/staff-admin';

/** Admin: changes a staff member's role and/or department; their next call needs a new token. */
export const adminUpdateStaff = onCall(async (request) => {
  const actor = await requireActor(db(), request);
  authorize(can(actor, 'staff.manage'));
  const input = parseInput(UpdateStaffInput, request.data);
  return updateStaff(db(), authAdmin(), actor, input, clock().now());
});

import { onCall } from 'firebase-functions/v2/https';
import { CreateStaffInput } from '../domain/org/api';
import { can } from '../domain/policy';
import { authorize, requireActor } from '../lib/actor';
import { authAdmin } from '../lib/auth-admin';
import { clock } from '../lib/clock';
import { parseInput } from '../lib/errors';
import { db } from '../lib/firestore';
import { createStaff } from '../store/staff-admin';

/** Admin: adds a staff member (account, claims, staff record, audit entry). */
export const adminCreateStaff = onCall(async (request) => {
  const actor = await requireActor(db(), request);
  authorize(can(actor, 'staff.manage'));
  const input = parseInput(CreateStaffInput, request.data);
  return createStaff(db(), authAdmin(), actor, input, clock().now());
});

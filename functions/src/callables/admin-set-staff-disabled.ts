import { onCall } from 'firebase-functions/v2/https';
import { SetStaffDisabledInput } from '../domain/org/api';
import { can } from '../domain/policy';
import { authorize, requireActor } from '../lib/actor';
import { authAdmin } from '../lib/auth-admin';
import { clock } from '../lib/clock';
import { parseInput } from '../lib/errors';
import { db } from '../lib/firestore';
import { setStaffDisabled } from '../store/staff-admin';

/** Admin: disables (or re-enables) a staff member; a disabled user's next call is refused. */
export const adminSetStaffDisabled = onCall(async (request) => {
  const actor = await requireActor(db(), request);
  authorize(can(actor, 'staff.manage'));
  const input = parseInput(SetStaffDisabledInput, request.data);
  return setStaffDisabled(db(), authAdmin(), actor, input, clock().now());
});

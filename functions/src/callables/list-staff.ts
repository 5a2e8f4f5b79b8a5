import { onCall } from 'firebase-functions/v2/https';
import { ListStaffInput, type StaffView } from '../domain/org/api';
import { can } from '../domain/policy';
import { authorize, requireActor } from '../lib/actor';
import { parseInput } from '../lib/errors';
import { db } from '../lib/firestore';
import { listStaff as list } from '../store/staff-admin';

/** Admins and auditors: the staff list with roles, departments and status. */
export const listStaff = onCall(async (request): Promise<{ staff: StaffView[] }> => {
  const actor = await requireActor(db(), request);
  authorize(can(actor, 'staff.list'));
  const { deptId } = parseInput(ListStaffInput, request.data);
  return { staff: await list(db(), deptId) };
});

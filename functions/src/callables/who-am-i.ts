import { onCall } from 'firebase-functions/v2/https';
import type { MeView } from '../domain/api';
import { EmptyInput } from '../domain/api';
import { can } from '../domain/policy';
import { authorize, requireActor } from '../lib/actor';
import { parseInput } from '../lib/errors';
import { db } from '../lib/firestore';
import { loadOrg, loadStaff } from '../store/org';
import { nameLabel } from '../domain/tickets/labels';

/** The signed-in staff member's profile, role and department. */
export const whoAmI = onCall(async (request): Promise<MeView> => {
  const actor = await requireActor(db(), request);
  authorize(can(actor, 'me.read'));
  parseInput(EmptyInput, request.data);
  const [staff, org] = await Promise.all([loadStaff(db(), actor.uid), loadOrg(db())]);
  const dept = org.departments.find((d) => d.id === actor.deptId);
  const branch = org.branches.find((b) => b.id === actor.branchId);
  return {
    uid: actor.uid, displayName: actor.displayName, email: staff?.email ?? '', role: actor.role,
    deptId: actor.deptId, deptName: dept?.name ?? actor.deptId, deptLabel: nameLabel(dept), branchLabel: nameLabel(branch),
    branchId: actor.branchId, locale: actor.locale,
  };
});

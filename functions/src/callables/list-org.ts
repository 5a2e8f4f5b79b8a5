import { onCall } from 'firebase-functions/v2/https';
import { EmptyInput } from '../domain/api';
import { branchView, departmentView, type BranchView, type DepartmentView } from '../domain/org/api';
import { can } from '../domain/policy';
import { authorize, requireActor } from '../lib/actor';
import { parseInput } from '../lib/errors';
import { db } from '../lib/firestore';
import { loadOrg } from '../store/org';

/** Branches and departments (names for pickers and labels). */
export const listOrg = onCall(async (request): Promise<{ branches: BranchView[]; departments: DepartmentView[] }> => {
  const actor = await requireActor(db(), request);
  authorize(can(actor, 'org.read'));
  parseInput(EmptyInput, request.data);
  const org = await loadOrg(db());
  return {
    branches: org.branches.map((b) => branchView(b.id, b)),
    departments: org.departments.map((d) => departmentView(d.id, d)),
  };
});

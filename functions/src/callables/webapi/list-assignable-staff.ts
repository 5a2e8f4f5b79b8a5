import { onCall } from 'firebase-functions/v2/https';
import { ListAssignableStaffInput, type ListAssignableStaffResult } from '../../domain/api';
import { canListAssignableStaff } from '../../domain/tickets/policy';
import { TICKETS_REFUSALS } from '../../domain/tickets/refusals';
import { requireActor } from '../../lib/actor';
import { notFound, parseInput, refuse } from '../../lib/errors';
import { db } from '../../lib/firestore';
import { assignableStaff } from '../../store/tickets/pickers';

/** The active staff of a department, to assign a ticket from a list (not by typing an id). */
export const listAssignableStaff = onCall(async (request): Promise<ListAssignableStaffResult> => {
  const actor = await requireActor(db(), request);
  const { deptId } = parseInput(ListAssignableStaffInput, request.data);
  if (!canListAssignableStaff(actor, deptId).allowed) throw refuse('permission-denied', TICKETS_REFUSALS, 'tickets.dept_not_visible', { deptId });
  const result = await assignableStaff(db(), deptId);
  if (!result) throw notFound('department', deptId);
  return result;
});

/** Names beside ids in the views: departments and branches in both languages, handlers by name. */
import type { Firestore } from 'firebase-admin/firestore';
import { COL } from '../../domain/collections';
import type { Ticket } from '../../domain/documents';
import type { BranchEntry, DeptEntry } from '../../domain/routing';
import { nameLabel } from '../../domain/tickets/labels';
import type { TicketNames } from '../../domain/views';

/**
 * A lookup of the names the given tickets show: one batched read of the assignees' staff
 * records (none when nobody is assigned); departments and branches come from the loaded org.
 */
export async function ticketNames(
  db: Firestore,
  org: { departments: readonly DeptEntry[]; branches: readonly BranchEntry[] },
  tickets: readonly Pick<Ticket, 'ownerDeptId' | 'branchId' | 'assigneeUid'>[],
): Promise<(t: Pick<Ticket, 'ownerDeptId' | 'branchId' | 'assigneeUid'>) => TicketNames> {
  const uids = [...new Set(tickets.map((t) => t.assigneeUid).filter((u): u is string => !!u))];
  const snaps = uids.length ? await db.getAll(...uids.map((u) => db.collection(COL.staff).doc(u))) : [];
  const staffName = new Map(snaps.filter((s) => s.exists).map((s) => [s.id, String(s.get('displayName') ?? '')]));
  const dept = new Map(org.departments.map((d) => [d.id, nameLabel(d)]));
  const branch = new Map(org.branches.map((b) => [b.id, nameLabel(b)]));
  return (t) => ({
    ownerDept: t.ownerDeptId ? dept.get(t.ownerDeptId) ?? null : null,
    branch: branch.get(t.branchId) ?? null,
    assigneeName: t.assigneeUid ? staffName.get(t.assigneeUid) ?? null : null,
  });
}

/**
 * Separation of duties in staff administration: administrators manage people and configuration,
 * but oversight rights (quality, leadership, settlement authority) are not theirs to give
 * themselves, and every account that receives oversight rights is created with a stated reason.
 * Plain functions, no Firebase.
 */
import type { Authority, DeptKind, Role } from '../vocabulary';

/** Rights that oversee tickets: the quality role, leadership, or heading a quality or leadership department. */
export function grantsOversight(role: Role, deptKind: DeptKind | null): boolean {
  if (role === 'quality' || role === 'leadership') return true;
  return role === 'head' && (deptKind === 'quality' || deptKind === 'leadership');
}

export interface StaffChange {
  role: Role;
  deptKind: DeptKind | null;
  authorityLevel: Authority | null;
}

/**
 * Why an administrator may not make this change to their own account, or null. They may not
 * raise themselves to oversight rights nor give themselves a settlement authority.
 */
export function selfGrant(actorUid: string, targetUid: string, before: StaffChange, after: StaffChange): 'oversight' | 'authority' | null {
  if (actorUid !== targetUid) return null;
  if (grantsOversight(after.role, after.deptKind) && !grantsOversight(before.role, before.deptKind)) return 'oversight';
  if (after.authorityLevel !== null && after.authorityLevel !== before.authorityLevel) return 'authority';
  return null;
}

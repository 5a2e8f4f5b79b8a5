/**
 * Rules for changing the organisation's staff, as plain functions: department must exist,
 * the branch follows the department, and the last active administrator stays one.
 */
import type { Role } from '../vocabulary';

export interface DeptFacts {
  branchId: string;
}

export interface StaffFacts {
  uid: string;
  role: Role;
  deptId: string;
  branchId: string;
  disabled: boolean;
}

/** The claims a staff member's token must carry; also stored on the staff record. */
export interface Placement {
  role: Role;
  deptId: string;
  branchId: string;
}

export type Plan<T> =
  | { ok: true; value: T }
  | { ok: false; code: 'invalid-argument'; field: string; message: string }
  | { ok: false; code: 'failed-precondition'; message: string };

const LAST_ADMIN = 'the last active administrator cannot be demoted, disabled or removed: make someone else admin first';

/** Where a new staff member goes; unknown departments are refused. */
export function planPlacement(role: Role, deptId: string, departments: ReadonlyMap<string, DeptFacts>): Plan<Placement> {
  const dept = departments.get(deptId);
  if (!dept) return { ok: false, code: 'invalid-argument', field: 'deptId', message: `no department ${deptId}` };
  return { ok: true, value: { role, deptId, branchId: dept.branchId } };
}

/**
 * A new role and/or department for an existing staff member. `activeAdmins` are the uids of
 * active (not disabled) administrators, read in the same transaction.
 */
export function planReassignment(
  current: StaffFacts,
  change: { role?: Role | undefined; deptId?: string | undefined },
  departments: ReadonlyMap<string, DeptFacts>,
  activeAdmins: readonly string[],
): Plan<Placement> {
  const next = planPlacement(change.role ?? current.role, change.deptId ?? current.deptId, departments);
  if (!next.ok) return next;
  if (isLastAdmin(current, activeAdmins) && next.value.role !== 'admin') {
    return { ok: false, code: 'failed-precondition', message: LAST_ADMIN };
  }
  return next;
}

/** Disabling (or re-enabling) a staff member. */
export function planDisable(current: StaffFacts, disabled: boolean, activeAdmins: readonly string[]): Plan<{ disabled: boolean }> {
  if (disabled && isLastAdmin(current, activeAdmins)) return { ok: false, code: 'failed-precondition', message: LAST_ADMIN };
  return { ok: true, value: { disabled } };
}

function isLastAdmin(s: StaffFacts, activeAdmins: readonly string[]): boolean {
  return s.role === 'admin' && !s.disabled && activeAdmins.every((uid) => uid === s.uid);
}

/** The custom claims for a placement, merged over whatever claims the account already has. */
export function mergeClaims(existing: Record<string, unknown>, p: Placement): Record<string, unknown> {
  return { ...existing, role: p.role, dept: p.deptId, branch: p.branchId };
}

import { HttpsError, type CallableRequest } from 'firebase-functions/v2/https';
import type { Firestore } from 'firebase-admin/firestore';
import type { Actor } from '../domain/actor';
import { StaffClaims } from '../domain/documents';
import { branchScopeOf, type Decision } from '../domain/policy';
import { loadOrg, loadStaff } from '../store/org';

/**
 * The caller, from the verified ID token's custom claims (never from the payload) and their
 * staff record. No auth → `unauthenticated`; no claims, no record or disabled → `permission-denied`.
 * Claims that no longer match the record (an admin changed the role or department since the
 * token was minted) → `unauthenticated`: the client signs in again and gets a fresh token.
 */
export async function requireActor(db: Firestore, request: CallableRequest<unknown>): Promise<Actor> {
  const auth = request.auth;
  if (!auth) throw new HttpsError('unauthenticated', 'Sign in first', { reason: 'auth.sign_in', params: {} });
  const claims = StaffClaims.safeParse(auth.token);
  if (!claims.success) {
    throw new HttpsError('permission-denied', 'Your account has no role yet: ask an administrator to set one', { reason: 'auth.no_role', params: {} });
  }
  // The staff record is read fresh on every call (a disabled account stops at once); the
  // department's kind and the branch tree come from the per-instance org cache.
  const [staff, org] = await Promise.all([loadStaff(db, auth.uid), loadOrg(db)]);
  if (!staff) throw new HttpsError('permission-denied', 'No staff record for this account', { reason: 'auth.no_staff_record', params: {} });
  if (staff.disabled) throw new HttpsError('permission-denied', 'This account is disabled', { reason: 'auth.disabled', params: {} });
  const c = claims.data;
  if (c.role !== staff.role || c.dept !== staff.deptId || c.branch !== staff.branchId) {
    throw new HttpsError('unauthenticated', 'Your rights changed: sign in again', { reason: 'auth.claims_stale', params: {} });
  }
  return {
    uid: auth.uid,
    role: claims.data.role,
    deptId: claims.data.dept,
    deptKind: org.departments.find((d) => d.id === claims.data.dept)?.kind ?? null,
    branchId: claims.data.branch,
    displayName: staff.displayName,
    locale: staff.locale,
    branchScope: branchScopeOf(claims.data.branch, org.branches),
    authorityLevel: staff.authorityLevel,
  };
}

/** Throws `permission-denied` with the policy's code, params and English reason unless allowed. */
export function authorize(decision: Decision): void {
  if (!decision.allowed) throw new HttpsError('permission-denied', decision.reason, { reason: decision.code, params: decision.params });
}

import { HttpsError, type CallableRequest } from 'firebase-functions/v2/https';
import { COMMON_REFUSALS } from '../domain/refusal';
import { refuse } from './errors';
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
  if (!auth) throw refuse('unauthenticated', COMMON_REFUSALS, 'auth.sign_in');
  const claims = StaffClaims.safeParse(auth.token);
  if (!claims.success) {
    throw refuse('permission-denied', COMMON_REFUSALS, 'auth.no_role');
  }
  // The staff record is read fresh on every call (a disabled account stops at once); the
  // department's kind and the branch tree come from the per-instance org cache.
  const [staff, org] = await Promise.all([loadStaff(db, auth.uid), loadOrg(db)]);
  if (!staff) throw refuse('permission-denied', COMMON_REFUSALS, 'auth.no_staff_record');
  if (staff.disabled) throw refuse('permission-denied', COMMON_REFUSALS, 'auth.disabled');
  const c = claims.data;
  if (c.role !== staff.role || c.dept !== staff.deptId || c.branch !== staff.branchId) {
    throw refuse('unauthenticated', COMMON_REFUSALS, 'auth.claims_stale');
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

/**
 * Throws `permission-denied` unless allowed: the message is the policy's reason (English). The
 * details carry the policy's code and params (domain/policy.ts `Decision`) or, for decisions
 * without a code, `auth.not_allowed` with the rule, for the web to translate.
 */
export function authorize(decision: Decision | { allowed: true } | { allowed: false; reason: string }): void {
  if (decision.allowed) return;
  if ('code' in decision) throw new HttpsError('permission-denied', decision.reason, { reason: decision.code, params: decision.params });
  throw new HttpsError('permission-denied', decision.reason, { reason: 'auth.not_allowed', params: { rule_en: decision.reason } });
}

import { HttpsError, type CallableRequest } from 'firebase-functions/v2/https';
import { COMMON_REFUSALS } from '../domain/refusal';
import { refuse } from './errors';
import type { Firestore } from 'firebase-admin/firestore';
import type { Actor } from '../domain/actor';
import { COL } from '../domain/collections';
import { Department, StaffClaims } from '../domain/documents';
import { parseDoc } from './firestore';
import { loadStaff } from '../store/org';

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
  const [staff, deptSnap] = await Promise.all([
    loadStaff(db, auth.uid),
    db.collection(COL.departments).doc(claims.data.dept).get(),
  ]);
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
    deptKind: deptSnap.exists ? parseDoc(Department, deptSnap).kind : null,
    branchId: claims.data.branch,
    displayName: staff.displayName,
    locale: staff.locale,
  };
}

/**
 * Throws `permission-denied` unless allowed: the message is the policy's reason (English), the
 * details the code `auth.not_allowed` with the rule, for the web to translate.
 */
export function authorize(decision: { allowed: true } | { allowed: false; reason: string }): void {
  if (!decision.allowed) {
    throw new HttpsError('permission-denied', decision.reason, { reason: 'auth.not_allowed', params: { rule: decision.reason } });
  }
}

/**
 * Staff administration: the staff record and its audit entry change in one transaction; then the
 * account's custom claims are merged and its refresh tokens revoked, so the change applies on the
 * user's next call (requireActor refuses a token whose claims no longer match the record).
 * The Auth step runs after the commit and is idempotent: a failed call is safely retried.
 */
import { HttpsError } from 'firebase-functions/v2/https';
import type { Firestore, Transaction } from 'firebase-admin/firestore';
import type { Actor } from '../domain/actor';
import { COL } from '../domain/collections';
import { Branch, Department, Staff } from '../domain/documents';
import { diff } from '../domain/org/audit';
import type { AuthAdmin } from '../domain/org/auth-admin';
import {
  branchView, departmentView,
  type BranchView, type CreateStaffInput, type DepartmentView, type SaveBranchInput, type SaveDepartmentInput,
  type SetStaffDisabledInput, type StaffView, type UpdateStaffInput,
} from '../domain/org/api';
import { refusal, type CodedRefusal } from '../domain/lifecycle/refusals';
import { grantsOversight, selfGrant } from '../domain/org/duties';
import { ROLE_LABELS, type DeptKind } from '../domain/vocabulary';
import { mergeClaims, planDisable, planPlacement, planReassignment, type DeptFacts, type Placement, type Plan } from '../domain/org/staff';
import { notFound } from '../lib/errors';
import { parseDoc } from '../lib/firestore';
import { auditActor, recordAudit } from './audit';
import { invalidateOrg, invalidateRecipients } from './org';

function coded(code: 'failed-precondition' | 'permission-denied' | 'already-exists', r: CodedRefusal): HttpsError {
  return new HttpsError(code, r.message, { reason: r.reason, params: r.params });
}

function invalidField(field: string, message: string): HttpsError {
  return new HttpsError('invalid-argument', `Invalid input — ${field}: ${message}`, {
    reason: 'input.invalid', params: { fields: `${field}: ${message}` }, fields: { [field]: message },
  });
}

function unwrap<T>(plan: Plan<T>): T {
  if (plan.ok) return plan.value;
  if (plan.code === 'invalid-argument') throw invalidField(plan.field, plan.message);
  // The only failed-precondition the plans produce is the last-admin rule.
  throw coded('failed-precondition', refusal('staff.last_admin'));
}

type DeptFactsWithKind = DeptFacts & { kind: DeptKind };

async function departmentsIn(tx: Transaction, db: Firestore): Promise<Map<string, DeptFactsWithKind>> {
  const snap = await tx.get(db.collection(COL.departments));
  return new Map(snap.docs.map((d) => {
    const dept = parseDoc(Department, d);
    return [d.id, { branchId: dept.branchId, kind: dept.kind }];
  }));
}

async function activeAdminsIn(tx: Transaction, db: Firestore): Promise<string[]> {
  const snap = await tx.get(db.collection(COL.staff).where('role', '==', 'admin'));
  return snap.docs.filter((d) => d.get('disabled') !== true).map((d) => d.id);
}

/** Sets the placement's claims (merged over existing ones) and forces a new token. */
export async function applyClaims(auth: AuthAdmin, uid: string, p: Placement): Promise<void> {
  const user = await auth.getUser(uid);
  await auth.setCustomClaims(uid, mergeClaims(user.customClaims, p));
  await auth.revokeRefreshTokens(uid);
}

export async function createStaff(db: Firestore, auth: AuthAdmin, actor: Actor, input: CreateStaffInput, now: Date): Promise<{ uid: string }> {
  const existing = await auth.findUserByEmail(input.email);
  const uid = existing?.uid ?? (await auth.createUser({
    email: input.email, displayName: input.displayName, ...(input.password ? { password: input.password } : {}),
  })).uid;
  const ref = db.collection(COL.staff).doc(uid);
  const placement = await db.runTransaction(async (tx) => {
    const [snap, departments] = await Promise.all([tx.get(ref), departmentsIn(tx, db)]);
    if (snap.exists) {
      const r = refusal('staff.already_exists', { email: input.email });
      throw new HttpsError('already-exists', r.message, { uid, reason: r.reason, params: r.params });
    }
    const p = unwrap(planPlacement(input.role, input.deptId, departments));
    // Oversight rights (quality, leadership) are granted with a stated reason, kept in the audit log.
    if (grantsOversight(p.role, departments.get(p.deptId)?.kind ?? null) && !input.reason) {
      throw invalidField('reason', 'say why this account gets quality or leadership rights');
    }
    const staff: Staff = {
      displayName: input.displayName, email: input.email, role: p.role, deptId: p.deptId, branchId: p.branchId,
      locale: input.locale, disabled: false, authorityLevel: input.authorityLevel,
    };
    tx.create(ref, staff);
    recordAudit(tx, db, {
      action: 'staff_created', at: now, ...auditActor(actor), target: { type: 'staff', id: uid }, reason: input.reason ?? 'new staff member',
      changes: diff({}, {
        role: p.role, deptId: p.deptId, branchId: p.branchId, email: input.email,
        ...(input.authorityLevel ? { authorityLevel: input.authorityLevel } : {}),
      }),
    });
    return p;
  });
  invalidateRecipients();
  await applyClaims(auth, uid, placement);
  return { uid };
}

export async function updateStaff(db: Firestore, auth: AuthAdmin, actor: Actor, input: UpdateStaffInput, now: Date): Promise<StaffView> {
  const ref = db.collection(COL.staff).doc(input.uid);
  const { placement, staff } = await db.runTransaction(async (tx) => {
    const [snap, departments, admins] = await Promise.all([tx.get(ref), departmentsIn(tx, db), activeAdminsIn(tx, db)]);
    if (!snap.exists) throw notFound('staff', input.uid);
    const current = parseDoc(Staff, snap);
    // Separation of duties first: nobody grants themselves oversight, whatever else the change does.
    const target = unwrap(planPlacement(input.role ?? current.role, input.deptId ?? current.deptId, departments));
    const authorityLevel = input.authorityLevel === undefined ? current.authorityLevel : input.authorityLevel;
    const granted = selfGrant(
      actor.uid, input.uid,
      { role: current.role, deptKind: departments.get(current.deptId)?.kind ?? null, authorityLevel: current.authorityLevel },
      { role: target.role, deptKind: departments.get(target.deptId)?.kind ?? null, authorityLevel },
    );
    if (granted) {
      const label = granted === 'authority' ? { 'zh-CN': '处理权限', en: 'settlement authority' } : ROLE_LABELS[target.role];
      throw coded('permission-denied', refusal('staff.self_grant', { role_zh: label['zh-CN'], role_en: label.en }));
    }
    const p = unwrap(planReassignment({ uid: input.uid, ...current }, { role: input.role, deptId: input.deptId }, departments, admins));
    const changes = diff(
      { role: current.role, deptId: current.deptId, branchId: current.branchId, authorityLevel: current.authorityLevel },
      { role: p.role, deptId: p.deptId, branchId: p.branchId, authorityLevel },
    );
    if (Object.keys(changes).length > 0) {
      tx.update(ref, { role: p.role, deptId: p.deptId, branchId: p.branchId, authorityLevel });
      recordAudit(tx, db, { action: 'claims_changed', at: now, ...auditActor(actor), target: { type: 'staff', id: input.uid }, reason: input.reason, changes });
    }
    return { placement: p, staff: { ...current, ...p, authorityLevel } };
  });
  invalidateRecipients();
  // Also when nothing changed: re-applying repairs an account whose earlier Auth step failed.
  await applyClaims(auth, input.uid, placement);
  return staffView(input.uid, staff);
}

export async function setStaffDisabled(db: Firestore, auth: AuthAdmin, actor: Actor, input: SetStaffDisabledInput, now: Date): Promise<StaffView> {
  if (input.disabled && input.uid === actor.uid) throw coded('failed-precondition', refusal('staff.disable_self'));
  const ref = db.collection(COL.staff).doc(input.uid);
  const staff = await db.runTransaction(async (tx) => {
    const [snap, admins] = await Promise.all([tx.get(ref), activeAdminsIn(tx, db)]);
    if (!snap.exists) throw notFound('staff', input.uid);
    const current = parseDoc(Staff, snap);
    unwrap(planDisable({ uid: input.uid, ...current }, input.disabled, admins));
    if (current.disabled !== input.disabled) {
      tx.update(ref, { disabled: input.disabled });
      recordAudit(tx, db, {
        action: input.disabled ? 'staff_disabled' : 'staff_enabled', at: now, ...auditActor(actor),
        target: { type: 'staff', id: input.uid }, reason: input.reason, changes: { disabled: { from: current.disabled, to: input.disabled } },
      });
    }
    return { ...current, disabled: input.disabled };
  });
  invalidateRecipients();
  await auth.setDisabled(input.uid, input.disabled);
  await auth.revokeRefreshTokens(input.uid);
  return staffView(input.uid, staff);
}

export function staffView(uid: string, s: Staff): StaffView {
  return {
    uid, displayName: s.displayName, email: s.email, role: s.role, deptId: s.deptId, branchId: s.branchId, locale: s.locale,
    disabled: s.disabled, authorityLevel: s.authorityLevel,
  };
}

export async function listStaff(db: Firestore, deptId: string | undefined): Promise<StaffView[]> {
  const col = db.collection(COL.staff);
  const snap = await (deptId ? col.where('deptId', '==', deptId) : col).get();
  return snap.docs.map((d) => staffView(d.id, parseDoc(Staff, d))).sort((a, b) => a.displayName.localeCompare(b.displayName));
}

export async function saveDepartment(db: Firestore, actor: Actor, input: SaveDepartmentInput, now: Date): Promise<DepartmentView> {
  const ref = db.collection(COL.departments).doc(input.id);
  const saved = await db.runTransaction(async (tx) => {
    const [snap, branch, head] = await Promise.all([
      tx.get(ref), tx.get(db.collection(COL.branches).doc(input.branchId)),
      input.headUid ? tx.get(db.collection(COL.staff).doc(input.headUid)) : Promise.resolve(null),
    ]);
    if (!branch.exists) throw invalidField('branchId', `no branch ${input.branchId}`);
    // The head is told about every late ticket of the department: an active member of it.
    const headStaff = head?.exists ? parseDoc(Staff, head) : null;
    if (head && (!headStaff || headStaff.deptId !== input.id || headStaff.disabled)) {
      throw invalidField('headUid', `${input.headUid} is not an active member of ${input.id}`);
    }
    const before = snap.exists ? parseDoc(Department, snap) : null;
    const dept: Department = {
      name: input.name, kind: input.kind, branchId: input.branchId, headUid: input.headUid, ...(input.nameEn ? { nameEn: input.nameEn } : {}),
    };
    tx.set(ref, dept);
    recordAudit(tx, db, {
      action: 'department_saved', at: now, ...auditActor(actor), target: { type: 'department', id: input.id }, reason: input.reason,
      changes: diff(before ?? {}, dept),
    });
    return departmentView(input.id, dept);
  });
  invalidateOrg();
  return saved;
}

export async function saveBranch(db: Firestore, actor: Actor, input: SaveBranchInput, now: Date): Promise<BranchView> {
  const ref = db.collection(COL.branches).doc(input.id);
  const saved = await db.runTransaction(async (tx) => {
    const [snap, parent] = await Promise.all([
      tx.get(ref), input.parentId ? tx.get(db.collection(COL.branches).doc(input.parentId)) : Promise.resolve(null),
    ]);
    if (parent && !parent.exists) throw invalidField('parentId', `no branch ${input.parentId}`);
    if (input.parentId === input.id) throw invalidField('parentId', 'a branch cannot be its own parent');
    if (input.parentId) {
      // No cycles: walking up from the new parent must never reach this branch.
      const all = await tx.get(db.collection(COL.branches));
      const parentOf = new Map(all.docs.map((d) => [d.id, (d.get('parentId') as string | null | undefined) ?? null]));
      const seen = new Set<string>();
      for (let at: string | null = input.parentId; at && !seen.has(at); at = parentOf.get(at) ?? null) {
        if (at === input.id) throw invalidField('parentId', `${input.parentId} is below ${input.id}: that would make a cycle`);
        seen.add(at);
      }
    }
    const before = snap.exists ? parseDoc(Branch, snap) : null;
    const branch: Branch = { name: input.name, level: input.level, parentId: input.parentId, ...(input.nameEn ? { nameEn: input.nameEn } : {}) };
    tx.set(ref, branch);
    recordAudit(tx, db, {
      action: 'branch_saved', at: now, ...auditActor(actor), target: { type: 'branch', id: input.id }, reason: input.reason,
      changes: diff(before ?? {}, branch),
    });
    return branchView(input.id, branch);
  });
  invalidateOrg();
  return saved;
}

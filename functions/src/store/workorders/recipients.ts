/** Who hears about work-order events: the office's CS centre, department heads, leadership. */
import type { Firestore } from 'firebase-admin/firestore';
import { COL } from '../../domain/collections';
import { Department, Staff } from '../../domain/documents';
import { parseDoc } from '../../lib/firestore';

export interface Person {
  uid: string;
  email: string;
  displayName: string;
}

async function departmentsOf(db: Firestore, branchId: string): Promise<Array<{ id: string; dept: Department }>> {
  const snap = await db.collection(COL.departments).where('branchId', '==', branchId).get();
  return snap.docs.map((d) => ({ id: d.id, dept: parseDoc(Department, d) }));
}

async function staffWhere(db: Firestore, field: 'deptId' | 'branchId', values: string[]): Promise<Person[]> {
  if (!values.length) return [];
  const snap = await db.collection(COL.staff).where(field, 'in', values.slice(0, 30)).get();
  return snap.docs.map((d) => ({ uid: d.id, s: parseDoc(Staff, d) })).filter((x) => !x.s.disabled)
    .map((x) => ({ uid: x.uid, email: x.s.email, displayName: x.s.displayName }));
}

/** Every active member of the office's customer-service centre(s). */
export async function customerServiceOf(db: Firestore, branchId: string): Promise<Person[]> {
  const depts = (await departmentsOf(db, branchId)).filter((d) => d.dept.kind === 'customer_service').map((d) => d.id);
  return staffWhere(db, 'deptId', depts);
}

/** Heads of the office's CS centre and of `deptId` (escalation level 1). */
export async function headsFor(db: Firestore, branchId: string, deptId: string): Promise<Person[]> {
  const depts = await departmentsOf(db, branchId);
  const uids = [...new Set(depts.filter((d) => d.dept.kind === 'customer_service' || d.id === deptId).map((d) => d.dept.headUid).filter((u): u is string => !!u))];
  const own = await db.collection(COL.departments).doc(deptId).get();
  const ownHead = own.exists ? parseDoc(Department, own).headUid : null;
  if (ownHead && !uids.includes(ownHead)) uids.push(ownHead);
  const snaps = uids.length ? await db.getAll(...uids.map((u) => db.collection(COL.staff).doc(u))) : [];
  return snaps.filter((s) => s.exists).map((s) => ({ uid: s.id, s: parseDoc(Staff, s) })).filter((x) => !x.s.disabled)
    .map((x) => ({ uid: x.uid, email: x.s.email, displayName: x.s.displayName }));
}

/** Leadership of the office (escalation level 2): staff with role leadership in the branch. */
export async function leadershipOf(db: Firestore, branchId: string): Promise<Person[]> {
  const snap = await db.collection(COL.staff).where('branchId', '==', branchId).where('role', '==', 'leadership').get();
  return snap.docs.map((d) => ({ uid: d.id, s: parseDoc(Staff, d) })).filter((x) => !x.s.disabled)
    .map((x) => ({ uid: x.uid, email: x.s.email, displayName: x.s.displayName }));
}

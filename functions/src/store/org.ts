import type { Firestore } from 'firebase-admin/firestore';
import { COL } from '../domain/collections';
import { Branch, Department, Staff } from '../domain/documents';
import type { BranchEntry, DeptEntry } from '../domain/routing';
import type { Recipient } from '../domain/notify';
import { parseDoc } from '../lib/firestore';

export type StaffEntry = Staff & { uid: string };

export async function loadOrg(db: Firestore): Promise<{ departments: DeptEntry[]; branches: BranchEntry[] }> {
  const [depts, branches] = await Promise.all([
    db.collection(COL.departments).get(),
    db.collection(COL.branches).get(),
  ]);
  return {
    departments: depts.docs.map((d) => ({ id: d.id, ...parseDoc(Department, d) })),
    branches: branches.docs.map((b) => ({ id: b.id, ...parseDoc(Branch, b) })),
  };
}

export async function loadStaff(db: Firestore, uid: string): Promise<StaffEntry | null> {
  const snap = await db.collection(COL.staff).doc(uid).get();
  return snap.exists ? { uid, ...parseDoc(Staff, snap) } : null;
}

/** Active staff of a department: the people told about its tickets. */
export async function departmentRecipients(db: Firestore, deptId: string): Promise<Recipient[]> {
  const snap = await db.collection(COL.staff).where('deptId', '==', deptId).get();
  return snap.docs
    .map((d) => ({ uid: d.id, ...parseDoc(Staff, d) }))
    .filter((s) => !s.disabled)
    .map((s) => ({ uid: s.uid, email: s.email, locale: s.locale, name: s.displayName }));
}

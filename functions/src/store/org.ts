import type { Firestore } from 'firebase-admin/firestore';
import { COL } from '../domain/collections';
import { Branch, Department, Staff } from '../domain/documents';
import type { BranchEntry, DeptEntry } from '../domain/routing';
import type { Recipient } from '../domain/notify';
import { parseDoc } from '../lib/firestore';
import { cached, invalidateCache } from './cache';

export type StaffEntry = Staff & { uid: string };

export interface Org { departments: DeptEntry[]; branches: BranchEntry[] }

/** Departments and branches, cached per instance (store/cache.ts: changes apply within the TTL). */
export function loadOrg(db: Firestore): Promise<Org> {
  return cached(ORG_CACHE_KEY, async () => {
    const [depts, branches] = await Promise.all([
      db.collection(COL.departments).get(),
      db.collection(COL.branches).get(),
    ]);
    return {
      departments: depts.docs.map((d) => ({ id: d.id, ...parseDoc(Department, d) })),
      branches: branches.docs.map((b) => ({ id: b.id, ...parseDoc(Branch, b) })),
    };
  });
}

const ORG_CACHE_KEY = 'org';

/** Call after writing a department or branch, so this instance reads the new org at once. */
export function invalidateOrg(): void {
  invalidateCache(ORG_CACHE_KEY);
}

export async function loadStaff(db: Firestore, uid: string): Promise<StaffEntry | null> {
  const snap = await db.collection(COL.staff).doc(uid).get();
  return snap.exists ? { uid, ...parseDoc(Staff, snap) } : null;
}

/**
 * Active staff of a department: the people told about its tickets. Cached per instance like the
 * org (store/cache.ts); staff administration invalidates it.
 */
export function departmentRecipients(db: Firestore, deptId: string): Promise<Recipient[]> {
  return cached(`${RECIPIENTS}dept/${deptId}`, async () => {
    const snap = await db.collection(COL.staff).where('deptId', '==', deptId).get();
    return snap.docs.flatMap((d) => activeRecipient(d.id, parseDoc(Staff, d)));
  });
}

/** One person as a notification recipient ([] when unknown or disabled); cached like the above. */
export function personRecipient(db: Firestore, uid: string): Promise<Recipient[]> {
  return cached(`${RECIPIENTS}person/${uid}`, async () => {
    const s = await loadStaff(db, uid);
    return s ? activeRecipient(uid, s) : [];
  });
}

/** Everyone with the leadership role; cached like the above. */
export function leadershipRecipients(db: Firestore): Promise<Recipient[]> {
  return cached(`${RECIPIENTS}leadership`, async () => {
    const snap = await db.collection(COL.staff).where('role', '==', 'leadership').get();
    return snap.docs.flatMap((d) => activeRecipient(d.id, parseDoc(Staff, d)));
  });
}

function activeRecipient(uid: string, s: Staff): Recipient[] {
  return s.disabled ? [] : [{ uid, email: s.email, locale: s.locale, name: s.displayName }];
}

const RECIPIENTS = 'recipients/';

/** Call after changing a staff record, so this instance addresses notifications anew at once. */
export function invalidateRecipients(): void {
  invalidateCache(RECIPIENTS);
}

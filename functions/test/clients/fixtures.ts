/** The client area's test organisation: the shared fixtures plus account managers, the evaluation centre, a CS head. */
import type { Firestore } from 'firebase-admin/firestore';
import type { Department, Staff } from '../../src/domain/documents';
import { EXTRA_STAFF, STAFF, seedOrgWithExtras } from '../../../test/support/fixtures';

export const CLIENT_DEPARTMENTS: Record<string, Department> = {
  'dept-evaluation': { name: '投诉考评中心', nameEn: 'Evaluation centre', kind: 'evaluation', branchId: 'br-city', headUid: null },
  'dept-county-onsite': { name: '县现场服务', nameEn: 'County on-site', kind: 'onsite', branchId: 'br-county', headUid: null },
};

const s = (displayName: string, role: Staff['role'], deptId: string, branchId = 'br-city'): Staff =>
  ({ displayName, email: `${deptId}.${role}.${displayName.length}@example.com`.replace(/\s/g, ''), role, deptId, branchId, locale: 'zh-CN', disabled: false, authorityLevel: null });

export const CLIENT_STAFF: Record<string, Staff> = {
  'u-onsite-2': s('马俊', 'onsite', 'dept-onsite'),
  'u-onsite-county': s('林小燕', 'onsite', 'dept-county-onsite', 'br-county'),
  'u-eval': s('Eval Gu', 'quality', 'dept-evaluation'),
  'u-cs-head': s('CS Head Chen', 'head', 'dept-cs'),
};

export async function seedClientOrg(db: Firestore): Promise<void> {
  await seedOrgWithExtras(db);
  const batch = db.batch();
  for (const [id, d] of Object.entries(CLIENT_DEPARTMENTS)) batch.set(db.collection('departments').doc(id), d);
  for (const [id, st] of Object.entries(CLIENT_STAFF)) batch.set(db.collection('staff').doc(id), st);
  await batch.commit();
}

export function as(uid: string): { uid: string; token: Record<string, unknown> } {
  const st = STAFF[uid] ?? EXTRA_STAFF[uid] ?? CLIENT_STAFF[uid];
  if (!st) throw new Error(`no fixture staff ${uid}`);
  return { uid, token: { uid, role: st.role, dept: st.deptId, branch: st.branchId } };
}

type Wrap = (fn: never) => (req: never) => Promise<unknown>;
/** Runs a callable (wrapped by firebase-functions-test) as a fixture user; T is the result the test reads. */
export function caller(wrap: Wrap) {
  return <T = Record<string, unknown>>(fn: unknown, uid: string, data: unknown): Promise<T> =>
    wrap(fn as never)({ data, auth: as(uid) } as never) as Promise<T>;
}

/** The rejection of a promise (fails the test when it resolves). */
export async function refusal(p: Promise<unknown>): Promise<{ code: string; details?: { reason?: string; fields?: Record<string, string> } }> {
  try {
    await p;
  } catch (e) {
    return e as { code: string; details?: { reason?: string } };
  }
  throw new Error('expected a refusal');
}

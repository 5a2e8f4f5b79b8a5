/** Emulator fixtures of the work-order suites: the shared fixture org plus finance, heads and a second technician. */
import type { Firestore } from 'firebase-admin/firestore';
import { DEPARTMENTS, STAFF, seedOrg } from '../../../test/support/fixtures';
import type { Actor } from '../../src/domain/actor';
import type { Department, Staff } from '../../src/domain/documents';
import { createTicket } from '../../src/store/create-ticket';
import { routeNewTicket } from '../../src/store/route-ticket';
import type { TicketKind } from '../../src/domain/vocabulary';

const person = (displayName: string, role: Staff['role'], deptId: string): Staff => ({
  displayName, email: `${displayName.toLowerCase().replace(/\s+/g, '.')}@example.com`, role, deptId, branchId: 'br-city', locale: 'zh-CN', disabled: false, authorityLevel: null,
});

export const WO_DEPARTMENTS: Record<string, Department> = {
  'dept-finance': { name: '财务部', nameEn: 'Finance', kind: 'finance', branchId: 'br-city', headUid: null },
};

export const WO_STAFF: Record<string, Staff> = {
  'u-finance': person('Cashier Tang', 'staff', 'dept-finance'),
  'u-eng-head': person('Engineering Head Qin', 'head', 'dept-engineering'),
  'u-cs-head': person('CS Head Lin', 'head', 'dept-cs'),
  'u-engineer-2': person('Engineer Xu', 'staff', 'dept-engineering'),
  'u-admin': person('Admin Ma', 'admin', 'dept-cs'),
};

const ALL: Record<string, Staff> = { ...STAFF, ...WO_STAFF };
const KINDS: Record<string, Department['kind']> = {
  ...Object.fromEntries(Object.entries(DEPARTMENTS).map(([id, d]) => [id, d.kind])),
  ...Object.fromEntries(Object.entries(WO_DEPARTMENTS).map(([id, d]) => [id, d.kind])),
};

export async function seedWorkOrderOrg(db: Firestore): Promise<void> {
  await seedOrg(db);
  const batch = db.batch();
  for (const [id, d] of Object.entries(WO_DEPARTMENTS)) batch.set(db.collection('departments').doc(id), d);
  for (const [id, s] of Object.entries(WO_STAFF)) batch.set(db.collection('staff').doc(id), s);
  batch.update(db.collection('departments').doc('dept-engineering'), { headUid: 'u-eng-head' });
  batch.update(db.collection('departments').doc('dept-cs'), { headUid: 'u-cs-head' });
  await batch.commit();
}

/** The callable `auth` of a staff member of these fixtures. */
export function auth(uid: string): { uid: string; token: Record<string, unknown> } {
  const s = ALL[uid];
  if (!s) throw new Error(`no fixture staff ${uid}`);
  return { uid, token: { uid, role: s.role, dept: s.deptId, branch: s.branchId } };
}

export function actorOf(uid: string): Actor {
  const s = ALL[uid]!;
  return { uid, role: s.role, deptId: s.deptId, deptKind: KINDS[s.deptId] ?? null, branchId: s.branchId, displayName: s.displayName, locale: s.locale };
}

let filed = 0;

/** A ticket filed by the hotline and routed (repair → engineering). */
export async function ticket(db: Firestore, kind: TicketKind, now: Date, title = '卫生间水龙头漏水'): Promise<string> {
  const { ticketId } = await createTicket(db, actorOf('u-intake'), {
    requestId: `wo-${kind}-${now.getTime()}-${++filed}`, clientId: 'c-1', kind, channel: 'hotline', title, description: '', compensation: false, againstOfficeDirector: false, major: false,
    ...(kind === 'complaint' ? { subject: 'service_improper' as const } : {}),
  }, now);
  await routeNewTicket(db, ticketId, now);
  return ticketId;
}

export const at = (s: string): Date => new Date(`${s.replace(' ', 'T')}:00+08:00`);

/** What a failed callable carried: its code and refusal reason. */
export async function refusalOf(p: Promise<unknown>): Promise<{ code: string; reason?: string; params?: unknown }> {
  try {
    await p;
  } catch (e) {
    const err = e as { code?: string; details?: { reason?: string; params?: unknown } };
    return { code: String(err.code), reason: err.details?.reason, params: err.details?.params };
  }
  throw new Error('expected a refusal');
}

export async function eventTypes(db: Firestore, orderId: string): Promise<string[]> {
  const snap = await db.collection(`workOrders/${orderId}/events`).orderBy('seq').get();
  return snap.docs.map((d) => d.get('type'));
}

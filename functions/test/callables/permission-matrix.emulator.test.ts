import { randomUUID } from 'node:crypto';
/**
 * The permission matrix: every callable × role (× own / other department and branch for ticket
 * reads), against the gRPC Firestore emulator. Expectations are written out by hand and also
 * checked against the policy module, so the table, the policy and the callables agree.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { emulatorProject } from '../../../test/support/emulator';
import { FakeAuthAdmin } from '../../../test/support/fake-auth';
import { ACTORS, READ_MATRIX, REPORTER, TICKETS, actorOf, now, type ActorId, type Read } from '../../../test/support/access-matrix';
import { EXTRA_STAFF, STAFF, seedOrgWithExtras, tokenOf } from '../../../test/support/fixtures';
import { ManualClock } from '../../src/domain/clock';
import { CLIENT_CALLABLES } from '../clients/access-matrix';
import { canReadTicket, canSeeReporter, canTransition, type Relation } from '../../src/domain/policy';
import { MACHINE } from '../../src/domain/lifecycle/machine';
import { useAuthAdmin } from '../../src/lib/auth-admin';
import { useClock } from '../../src/lib/clock';
import { createTicket } from '../../src/callables/create-ticket';
import { getTicket } from '../../src/callables/get-ticket';
import { listTickets } from '../../src/callables/list-tickets';
import { listFieldsOf } from '../../src/domain/tickets/list-fields';
import { listClients } from '../../src/callables/list-clients';
import { listNotifications } from '../../src/callables/list-notifications';
import { markNotificationsRead } from '../../src/callables/mark-notifications-read';
import { whoAmI } from '../../src/callables/who-am-i';
import { listOrg } from '../../src/callables/list-org';
import { listStaff } from '../../src/callables/list-staff';
import { listAuditLog } from '../../src/callables/list-audit-log';
import { adminCreateStaff } from '../../src/callables/admin-create-staff';
import { adminUpdateStaff } from '../../src/callables/admin-update-staff';
import { adminSetStaffDisabled } from '../../src/callables/admin-set-staff-disabled';
import { adminSaveDepartment } from '../../src/callables/admin-save-department';
import { adminSaveBranch } from '../../src/callables/admin-save-branch';
import { transitionTicket } from '../../src/callables/transition-ticket';
import { getCalendar } from '../../src/callables/deadlines/get-calendar';
import { adminSaveCalendar } from '../../src/callables/deadlines/admin-save-calendar';
import { searchClients } from '../../src/callables/webapi/search-clients';
import { getChangeMarker } from '../../src/callables/webapi/get-change-marker';
import { getConfig } from '../../src/callables/webapi/get-config';
import { adminSaveConfig } from '../../src/callables/webapi/admin-save-config';
import { PUBLIC_CALLABLES, SURVEY_STAFF_CALLABLES } from '../surveys/matrix';

const { db, fft, cleanup } = emulatorProject('permission-matrix');
const fakeAuth = new FakeAuthAdmin();

const ALL = ACTORS;
const WRITERS = ACTORS.filter((a) => a !== 'u-auditor');
const ADMIN_AUDITOR: readonly ActorId[] = ['u-admin', 'u-auditor'];
const ADMIN: readonly ActorId[] = ['u-admin'];

type Wrapped = (req: unknown) => Promise<unknown>;
const w = (fn: unknown): Wrapped => fft.wrap(fn as never) as unknown as Wrapped;
let seq = 0;

/** Role-decided callables: who may call them, and a valid payload for the caller. */
const ROLE_MATRIX: Record<string, { fn: Wrapped; allowed: readonly ActorId[]; data: (uid: ActorId) => unknown }> = {
  whoAmI: { fn: w(whoAmI), allowed: ALL, data: () => ({}) },
  listOrg: { fn: w(listOrg), allowed: ALL, data: () => ({}) },
  listTickets: { fn: w(listTickets), allowed: ALL, data: () => ({ queue: 'all' }) },
  listClients: { fn: w(listClients), allowed: ALL, data: () => ({}) },
  listNotifications: { fn: w(listNotifications), allowed: ALL, data: () => ({}) },
  markNotificationsRead: { fn: w(markNotificationsRead), allowed: WRITERS, data: (uid) => ({ ids: [`n-${uid}`] }) },
  createTicket: {
    fn: w(createTicket), allowed: WRITERS,
    // each files for a client they may see (on-site staff: their own; county staff: the county's)
    data: (uid) => ({
      requestId: randomUUID(), clientId: uid === 'u-onsite' ? 'c-3' : uid === 'u-county' || uid === 'u-county-quality' ? 'c-2' : 'c-1',
      kind: 'suggestion', channel: 'web', title: 'matrix', description: '',
    }),
  },
  listStaff: { fn: w(listStaff), allowed: ADMIN_AUDITOR, data: () => ({}) },
  listAuditLog: { fn: w(listAuditLog), allowed: ADMIN_AUDITOR, data: () => ({}) },
  adminCreateStaff: {
    fn: w(adminCreateStaff), allowed: ADMIN,
    data: () => ({ email: `new${++seq}@example.com`, displayName: 'New Hire', role: 'staff', deptId: 'dept-engineering' }),
  },
  adminUpdateStaff: { fn: w(adminUpdateStaff), allowed: ADMIN, data: () => ({ uid: 'u-engineer', role: 'staff', reason: 'matrix: no change' }) },
  adminSetStaffDisabled: { fn: w(adminSetStaffDisabled), allowed: ADMIN, data: () => ({ uid: 'u-engineer', disabled: false, reason: 'matrix: no change' }) },
  adminSaveDepartment: {
    fn: w(adminSaveDepartment), allowed: ADMIN,
    data: () => ({ id: 'dept-engineering', name: '工程部', nameEn: 'Engineering', kind: 'engineering', branchId: 'br-city', reason: 'matrix' }),
  },
  // web API (issue 8)
  searchClients: { fn: w(searchClients), allowed: ALL, data: () => ({ query: 'C' }) },
  getChangeMarker: { fn: w(getChangeMarker), allowed: ALL, data: () => ({}) },
  getConfig: { fn: w(getConfig), allowed: ['u-admin', 'u-auditor', 'u-leader'], data: () => ({ name: 'sla' }) },
  adminSaveConfig: { fn: w(adminSaveConfig), allowed: ADMIN, data: () => ({ name: 'sla', doc: {}, reason: 'matrix' }) },
  adminSaveBranch: {
    fn: w(adminSaveBranch), allowed: ADMIN,
    data: () => ({ id: 'br-county', name: '县级分公司', nameEn: 'County branch', level: 'county', parentId: 'br-city', reason: 'matrix' }),
  },
  // deadlines area: the calendar screen
  getCalendar: { fn: w(getCalendar), allowed: ALL, data: () => ({ year: 2030 }) },
  adminSaveCalendar: { fn: w(adminSaveCalendar), allowed: ADMIN, data: () => ({ year: 2030, holidays: '2030-01-01', reason: 'matrix' }) },
};

async function outcome(p: Promise<unknown>): Promise<{ ok: true; value: unknown } | { ok: false; code: string; message: string }> {
  try {
    return { ok: true, value: await p };
  } catch (e) {
    const err = e as { code?: string; message: string };
    return { ok: false, code: err.code ?? 'thrown', message: err.message };
  }
}

beforeAll(async () => {
  useClock(new ManualClock(now));
  useAuthAdmin(fakeAuth);
  await seedOrgWithExtras(db);
  for (const uid of Object.keys({ ...STAFF, ...EXTRA_STAFF })) fakeAuth.seed(uid, `${uid}@example.com`);
  const batch = db.batch();
  for (const [id, t] of Object.entries(TICKETS)) {
    batch.set(db.doc(`tickets/${id}`), { ...t, ...listFieldsOf(id, t) }); // list fields as the store writes them
    batch.set(db.doc(`tickets/${id}/private/reporter`), REPORTER);
    batch.set(db.doc(`tickets/${id}/events/000001`), { seq: 1, type: 'received', at: now, actorUid: t.createdBy, actorName: 'x', from: null, to: 'received', changes: {}, note: '' });
  }
  for (const uid of ACTORS) {
    // A ticket of its own per actor for the transition rows, so a successful transfer changes nothing else.
    batch.set(db.doc(`tickets/tr-${uid}`), { ...TICKETS['t-biz']!, hasReporter: false, ...listFieldsOf(`tr-${uid}`, TICKETS['t-biz']!) });
    batch.set(db.doc(`tickets/tr-${uid}/events/000001`), { seq: 1, type: 'received', at: now, actorUid: 'u-intake', actorName: 'x', from: null, to: 'received', changes: {}, note: '' });
    batch.set(db.doc(`notifications/n-${uid}`), { uid, ticketId: 't-biz', eventSeq: 1, type: 'assigned', title: 'hi', body: 'b', read: false, createdAt: now });
  }
  await batch.commit();
});
afterAll(async () => {
  useAuthAdmin(null);
  await cleanup();
});

describe('role-decided callables', () => {
  const rows = Object.entries(ROLE_MATRIX).flatMap(([name, row]) => ACTORS.map((uid) => [name, uid, row.allowed.includes(uid)] as const));
  test.each(rows)('%s as %s → allowed: %s', async (name, uid, allowed) => {
    const row = ROLE_MATRIX[name]!;
    const res = await outcome(row.fn({ data: row.data(uid), auth: tokenOf(uid) }));
    if (allowed) {
      expect(res).toMatchObject({ ok: true });
    } else {
      expect(res).toMatchObject({ ok: false, code: 'permission-denied' });
      expect((res as { message: string }).message).toMatch(/may not/); // the policy's reason
    }
  });

  test('every callable in the manifest is in the matrix', () => {
    const manifest = readFileSync(join(__dirname, '../../src/index.ts'), 'utf8');
    const exported = [...manifest.matchAll(/export \{ (\w+) \} from '\.\/callables\//g)].map((m) => m[1]);
    // Resource-scoped pickers are tested in test/webapi/pickers.emulator.test.ts.
    // Work-order callables: rights per role and order in functions/test/workorders/flow.emulator.test.ts
    // and policy-kpi.test.ts (no matrix of their own yet: NOTES.md).
    // KPI callables: rights in functions/test/kpis/policy.test.ts and monthly-run.emulator.test.ts.
    const KPI_CALLABLES = [
      'getKpiMonth', 'getKpiTrend', 'listKpiTickets', 'getMyKpis', 'exportKpiReport', 'listKpiSnapshots', 'approveKpiSnapshot',
      'commentKpiSnapshot', 'buildKpiMonth', 'getKpiTargets', 'setKpiTargets', 'requestKpiRebuild', 'decideKpiRebuild',
    ];
    const WORK_ORDER_CALLABLES = ['dispatchWorkOrder', 'dispatchReRepair', 'workOrderAction', 'getWorkOrder', 'listWorkOrders', 'recordRepairCallback', 'listRepairCallbackTasks'];
    // Survey callables: their own matrix (functions/test/surveys/survey-permissions.emulator.test.ts) and the public ones.
    const covered = [
      ...Object.keys(ROLE_MATRIX), 'getTicket', 'transitionTicket', 'listAssignableStaff', 'listClientTickets', 'findTicketByNumber',
      ...SURVEY_STAFF_CALLABLES, ...PUBLIC_CALLABLES, ...WORK_ORDER_CALLABLES,
      ...Object.keys(CLIENT_CALLABLES), // clients: functions/test/clients/permission-matrix
      ...KPI_CALLABLES,
    ];
    expect(exported.filter((name) => !covered.includes(name!))).toEqual([]);
  });
});

describe('ticket reads: getTicket × role × own / other department and branch', () => {
  const call = w(getTicket);
  const rows = ACTORS.flatMap((uid) => Object.keys(TICKETS).map((id) => [uid, id, READ_MATRIX[uid][id as keyof typeof TICKETS]] as const));

  test.each(rows)('%s reads %s → %s', async (uid, id, expected) => {
    const policy: Read = !canReadTicket(actorOf(uid), TICKETS[id]!).allowed ? 'denied'
      : canSeeReporter(actorOf(uid), TICKETS[id]!).allowed ? 'full' : 'redacted';
    expect(policy).toBe(expected); // the table says what the policy says
    const res = await outcome(call({ data: { ticketId: id }, auth: tokenOf(uid) }));
    if (expected === 'denied') {
      expect(res).toMatchObject({ ok: false, code: 'permission-denied' });
      return;
    }
    expect(res.ok).toBe(true);
    const view = (res as { value: { reporter: unknown; reporterRedacted: boolean } }).value;
    if (expected === 'full') {
      expect(view).toMatchObject({ reporter: REPORTER, reporterRedacted: false });
    } else {
      expect(view).toMatchObject({ reporter: null, reporterRedacted: true });
      expect(JSON.stringify(view)).not.toContain(REPORTER.name);
      expect(JSON.stringify(view)).not.toContain(REPORTER.phone);
    }
  });
});

describe('list reads are scoped and redacted', () => {
  const call = w(listTickets);
  test.each(ACTORS)('listTickets as %s returns exactly the readable seeded tickets, without complainants', async (uid) => {
    const res = (await call({ data: { queue: 'all', limit: 100 }, auth: tokenOf(uid) })) as { rows: Array<{ id: string }> };
    const seeded = res.rows.map((t) => t.id).filter((id) => id in TICKETS).sort();
    const expected = Object.keys(TICKETS).filter((id) => READ_MATRIX[uid][id as keyof typeof TICKETS] !== 'denied').sort();
    expect(seeded).toEqual(expected);
    expect(JSON.stringify(res)).not.toContain(REPORTER.name);
    expect(JSON.stringify(res)).not.toContain(REPORTER.phone);
  });

  test('listClients: on-site staff see their own clients, department people their branch, the hotline all', async () => {
    const ids = async (uid: ActorId) => ((await w(listClients)({ data: {}, auth: tokenOf(uid) })) as { clients: Array<{ id: string }> }).clients.map((c) => c.id).sort();
    expect(await ids('u-onsite')).toEqual(['c-3']);
    expect(await ids('u-business-1')).toEqual(['c-1', 'c-3']);
    expect(await ids('u-county')).toEqual(['c-2']);
    expect(await ids('u-intake')).toEqual(['c-1', 'c-2', 'c-3']);
    expect(await ids('u-auditor')).toEqual(['c-1', 'c-2', 'c-3']);
  });

  test('listNotifications returns only the caller\'s own inbox', async () => {
    const res = (await w(listNotifications)({ data: {}, auth: tokenOf('u-engineer') })) as { notifications: Array<{ id: string }> };
    expect(res.notifications.map((n) => n.id)).toEqual(['n-u-engineer']);
  });

  test('marking someone else\'s notification read is refused', async () => {
    const res = await outcome(w(markNotificationsRead)({ data: { ids: ['n-u-leader'] }, auth: tokenOf('u-engineer') }));
    expect(res).toMatchObject({ ok: false, code: 'permission-denied' });
  });
});

describe('rights come only from the verified token', () => {
  test('claims or roles in the payload are refused, not honoured', async () => {
    const res = await outcome(w(listStaff)({ data: { role: 'admin' }, auth: tokenOf('u-intake') }));
    expect(res).toMatchObject({ ok: false, code: 'permission-denied' });
    const me = await outcome(w(whoAmI)({ data: { role: 'admin', dept: 'dept-leadership' }, auth: tokenOf('u-intake') }));
    expect(me).toMatchObject({ ok: false, code: 'invalid-argument' });
  });

  test('a token whose claims do not match the staff record must sign in again', async () => {
    const forged = await outcome(w(listStaff)({ data: {}, auth: tokenOf('u-intake', { role: 'admin' }) }));
    expect(forged).toMatchObject({ ok: false, code: 'unauthenticated', message: 'Your rights changed: sign in again' });
    const otherDept = await outcome(w(getTicket)({ data: { ticketId: 't-biz' }, auth: tokenOf('u-engineer', { dept: 'dept-business' }) }));
    expect(otherDept).toMatchObject({ ok: false, code: 'unauthenticated' });
  });

  test('no token → unauthenticated; a token without claims → permission-denied', async () => {
    expect(await outcome(w(whoAmI)({ data: {} }))).toMatchObject({ ok: false, code: 'unauthenticated' });
    expect(await outcome(w(whoAmI)({ data: {}, auth: { uid: 'u-intake', token: { uid: 'u-intake' } } }))).toMatchObject({ ok: false, code: 'permission-denied' });
  });
});

describe('ticket transitions: transitionTicket × role (transfer of a city complaint owned by the business department)', () => {
  const call = w(transitionTicket);
  /**
   * Who may transfer: the owning department, quality of the branch, leadership — never the auditor,
   * nor the administrator (separation of duties, issue 9 point 13).
   */
  const MAY_TRANSFER: readonly ActorId[] = ['u-business-1', 'u-business-head', 'u-quality-1', 'u-quality-head', 'u-leader'];

  test.each(ACTORS.map((uid) => [uid, MAY_TRANSFER.includes(uid)] as const))('%s transfers → allowed: %s', async (uid, allowed) => {
    const who = MACHINE.transfer.who as readonly Relation[];
    expect(canTransition(actorOf(uid), TICKETS['t-biz']!, 'transfer', who).allowed).toBe(allowed); // the table says what the policy says
    const res = await outcome(call({
      data: { ticketId: `tr-${uid}`, action: 'transfer', expectedState: 'in_progress', expectedSeq: 1, toDeptId: 'dept-engineering', reason: 'matrix' },
      auth: tokenOf(uid),
    }));
    if (allowed) {
      expect(res).toMatchObject({ ok: true });
      expect((await db.doc(`tickets/tr-${uid}`).get()).get('ownerDeptId')).toBe('dept-engineering');
    } else {
      expect(res).toMatchObject({ ok: false, code: 'permission-denied' });
      expect((await db.doc(`tickets/tr-${uid}`).get()).get('ownerDeptId')).toBe('dept-business');
    }
  });
});

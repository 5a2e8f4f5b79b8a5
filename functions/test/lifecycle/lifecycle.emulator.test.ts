/**
 * Issue 9 against the Firestore emulator, through the callables: branches (point 3), settlement
 * authority through staff administration (8), marking a complaint major (10), strict boundaries
 * of every callable (11), no leaks (12), separation of duties (13), and what heads, the
 * customer-service centre and the people doing repairs see and do (14).
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { emulatorProject } from '../../../test/support/emulator';
import { FakeAuthAdmin } from '../../../test/support/fake-auth';
import { EXTRA_STAFF, STAFF, authOf, seedOrgWithExtras, tokenOf } from '../../../test/support/fixtures';
import { ManualClock } from '../../src/domain/clock';
import { useAuthAdmin } from '../../src/lib/auth-admin';
import { useClock } from '../../src/lib/clock';
import { createTicket } from '../../src/callables/create-ticket';
import { getTicket } from '../../src/callables/get-ticket';
import { listTickets } from '../../src/callables/list-tickets';
import { listStaff } from '../../src/callables/list-staff';
import { adminCreateStaff } from '../../src/callables/admin-create-staff';
import { adminUpdateStaff } from '../../src/callables/admin-update-staff';
import { transitionTicket } from '../../src/callables/transition-ticket';
import { routeNewTicket } from '../../src/store/route-ticket';
import { transitionTicket as engine } from '../../src/store/transition';

jest.setTimeout(60_000); // the machine is shared: emulator round trips are slow under load

const { db, fft, cleanup } = emulatorProject('lifecycle-issue9');
type Wrapped = (req: unknown) => Promise<unknown>;
const w = (fn: unknown): Wrapped => fft.wrap(fn as never) as unknown as Wrapped;
const file = w(createTicket);
const fire = w(transitionTicket);
const read = w(getTicket);
const list = w(listTickets);
const clock = new ManualClock(new Date('2025-11-17T02:00:00Z')); // Monday 10:00 in Shanghai
const fakeAuth = new FakeAuthAdmin();

type Auth = { uid: string; token: Record<string, unknown> };
const CS_HEAD: Auth = { uid: 'u-cs-head', token: { uid: 'u-cs-head', role: 'head', dept: 'dept-cs', branch: 'br-city' } };

async function newTicket(auth: Auth, data: Record<string, unknown>): Promise<string> {
  const { ticketId } = (await file({ data: { requestId: randomUUID(), channel: 'hotline', ...data }, auth })) as { ticketId: string };
  await routeNewTicket(db, ticketId, clock.now());
  return ticketId;
}

async function shown(ticketId: string) {
  return (await db.doc(`tickets/${ticketId}`).get()).data()!;
}

async function act(auth: Auth, ticketId: string, action: string, fields: Record<string, unknown> = {}) {
  const t = await shown(ticketId);
  return fire({ data: { ticketId, action, expectedState: t.state, expectedSeq: t.lastEventSeq, ...fields }, auth }) as Promise<{ state: string; seq: number }>;
}

/** Audit entries about one target (the emulator does not query nested fields). */
async function auditOf(targetId: string) {
  const snap = await db.collection('auditLog').get();
  return snap.docs.map((d) => d.data()).filter((e) => e.target?.id === targetId);
}

async function rejection(p: Promise<unknown>): Promise<{ code: string; message: string; details: Record<string, unknown> }> {
  try {
    await p;
  } catch (e) {
    return e as { code: string; message: string; details: Record<string, unknown> };
  }
  throw new Error('expected a rejection');
}

beforeAll(async () => {
  useClock(clock);
  useAuthAdmin(fakeAuth);
  await seedOrgWithExtras(db);
  // A head of the customer-service centre (the fixtures' centre has none).
  await db.doc('staff/u-cs-head').set({ ...STAFF['u-intake']!, displayName: 'CS Head Tang', email: 'cs.head@example.com', role: 'head', authorityLevel: null });
  for (const uid of [...Object.keys({ ...STAFF, ...EXTRA_STAFF }), 'u-cs-head']) fakeAuth.seed(uid, `${uid}@example.com`);
});
afterAll(async () => {
  useAuthAdmin(null);
  await cleanup();
});

describe('point 3: branches', () => {
  test('a county complaint handled by city leadership is read, called back, verified and closed by the city', async () => {
    // Filed in the county for a county client; a compensation claim goes to the city's leadership.
    const id = await newTicket(authOf('u-county'), { clientId: 'c-2', kind: 'complaint', subject: 'goods_quality', title: '假冒商品索赔', compensation: true });
    expect(await shown(id)).toMatchObject({ branchId: 'br-county', ownerDeptId: 'dept-leadership', state: 'assigned' });
    // City quality reads it (the county is below the city) and sees it in its queue.
    expect(await read({ data: { ticketId: id }, auth: authOf('u-quality-1') })).toMatchObject({ ticket: { id } });
    const queue = (await list({ data: { queue: 'all', limit: 100 }, auth: authOf('u-quality-1') })) as { rows: Array<{ id: string }> };
    expect(queue.rows.map((t) => t.id)).toContain(id);
    await act(authOf('u-leader'), id, 'accept');
    expect((await act(authOf('u-leader'), id, 'resolve', { cause: '供货批次问题', measures: '赔偿并致歉' })).state).toBe('callback');
    // The city's customer-service centre calls the county client back.
    expect((await act(authOf('u-intake'), id, 'callback', { outcome: 'reached', satisfied: true, score: 5, awareOfChannel: true })).state).toBe('verification');
    const verified = await act(authOf('u-quality-2'), id, 'verify', { evidence: '县公司现场查验' });
    expect(verified.state).toBe('closed');
    // The county's own business staff member who filed it cannot verify.
    expect((await shown(id)).verification).toMatchObject({ byUid: 'u-quality-2' });
  });

  test('county quality does not act on city complaints', async () => {
    const id = await newTicket(authOf('u-intake'), { clientId: 'c-1', kind: 'complaint', subject: 'goods_quality', title: '饮料变质' });
    const err = await rejection(act(tokenOf('u-county-quality'), id, 'mark_major', { reason: 'x' }));
    expect(err.code).toBe('permission-denied');
    expect(err.details).toEqual({ reason: 'lifecycle.not_readable', params: {} });
  });
});

describe('point 12: no leaks through refusals; point 11: expectedSeq and ids', () => {
  test('a caller who may not read the ticket learns nothing, whatever they send', async () => {
    const id = await newTicket(authOf('u-intake'), { clientId: 'c-1', kind: 'complaint', subject: 'goods_quality', title: '饮料变质' });
    for (const data of [
      { ticketId: id, action: 'accept', expectedState: 'assigned', expectedSeq: 2 },
      { ticketId: id, action: 'verify', expectedState: 'closed', expectedSeq: 99, evidence: 'x' },
      { ticketId: id, action: 'cancel', expectedState: 'received', expectedSeq: 1, reason: 'malicious', note: 'x' },
    ]) {
      const err = await rejection(fire({ data, auth: authOf('u-county') }));
      expect(err.code).toBe('permission-denied');
      expect(err.details).toEqual({ reason: 'lifecycle.not_readable', params: {} });
      expect(JSON.stringify(err)).not.toMatch(/assigned|allowedActions|"seq"/);
    }
    const detail = await rejection(read({ data: { ticketId: id }, auth: authOf('u-county') }));
    expect(detail).toMatchObject({ code: 'permission-denied', details: { reason: 'policy.ticket_out_of_scope' } });
    expect(JSON.stringify(detail)).not.toContain('assigned');
  });

  test('a missing ticket is not-found; an id with "/" and a missing expectedSeq are invalid-argument naming the field', async () => {
    const missing = await rejection(fire({ data: { ticketId: 'no-such', action: 'accept', expectedState: 'assigned', expectedSeq: 2 }, auth: authOf('u-quality-1') }));
    expect(missing).toMatchObject({ code: 'not-found', details: { reason: 'doc.not_found' } });
    const slash = await rejection(fire({ data: { ticketId: 'tickets/x', action: 'accept', expectedState: 'assigned', expectedSeq: 2 }, auth: authOf('u-quality-1') }));
    expect(slash.code).toBe('invalid-argument');
    expect(slash.details.fields).toHaveProperty('ticketId');
    const id = await newTicket(authOf('u-intake'), { clientId: 'c-1', kind: 'complaint', subject: 'goods_quality', title: '饮料变质' });
    const noSeq = await rejection(fire({ data: { ticketId: id, action: 'accept', expectedState: 'assigned' }, auth: authOf('u-quality-1') }));
    expect(noSeq.code).toBe('invalid-argument');
    expect(Object.keys(noSeq.details.fields as object)).toEqual(['expectedSeq']);
    const slashRead = await rejection(read({ data: { ticketId: 'a/b' }, auth: authOf('u-quality-1') }));
    expect(slashRead.code).toBe('invalid-argument');
  });

  test('a retried action (same expectedSeq) is refused, not repeated', async () => {
    const id = await newTicket(authOf('u-intake'), { clientId: 'c-1', kind: 'complaint', subject: 'goods_quality', title: '饮料变质' });
    await act(authOf('u-quality-1'), id, 'accept');
    const t = await shown(id);
    const req = { data: { ticketId: id, action: 'wait_on_client', expectedState: 'in_progress', expectedSeq: t.lastEventSeq, reason: '等小票' }, auth: authOf('u-quality-1') };
    await fire(req);
    await act(authOf('u-quality-1'), id, 'resume');
    const again = await rejection(fire(req)); // the same click delivered late: the state matches again, the seq does not
    expect(again).toMatchObject({ code: 'failed-precondition', details: { reason: 'lifecycle.seq_changed' } });
    expect((await shown(id)).pauses).toHaveLength(1);
  });
});

describe('every callable refuses bad input as invalid-argument (or permission-denied first), never internal', () => {
  const manifest = readFileSync(join(__dirname, '../../src/index.ts'), 'utf8');
  const callables = [...manifest.matchAll(/export \{ (\w+) \} from '\.\/callables\/([\w-]+)'/g)].map((m) => [m[1]!, m[2]!] as const);
  const payloads: Array<[string, unknown]> = [
    ['unknown field', { bogusField: 1 }],
    ['__proto__', JSON.parse('{"__proto__": {"role": "admin"}}')],
    ['constructor', { constructor: { prototype: { x: 1 } } }],
    ['ids with "/"', { ticketId: 'a/b', uid: 'a/b', clientId: 'a/b', id: 'a/b', deptId: 'a/b' }],
    ['not an object', 'hello'],
    ['absurd numbers', { limit: 1e12, expectedSeq: -1 }],
  ];
  test.each(callables.flatMap(([name, path]) => payloads.map(([what, data]) => [name, path, what, data] as const)))(
    '%s (%s) with %s',
    async (name, path, _what, data) => {
      const mod = (await import(`../../src/callables/${path}`)) as Record<string, unknown>;
      const before = (await db.collection('tickets').count().get()).data().count;
      const err = await rejection(w(mod[name])({ data, auth: tokenOf('u-admin') }));
      expect([name, err.code]).toEqual([name, expect.stringMatching(/^(invalid-argument|permission-denied)$/)]);
      expect((await db.collection('tickets').count().get()).data().count).toBe(before);
    },
  );
});

describe('point 8: settlement authority is configuration on staff records, enforced at sign-off', () => {
  test('a head whose authority is below the complaint\'s is refused; raised by an admin (audited), the head signs', async () => {
    // goods_expired: store-manager authority (mall rules, default routing config)
    const id = await newTicket(authOf('u-intake'), { clientId: 'c-1', kind: 'complaint', subject: 'goods_expired', title: '过期食品' });
    expect((await shown(id)).routing).toMatchObject({ authority: 'store_manager' });
    await act(authOf('u-quality-1'), id, 'accept');
    await w(adminUpdateStaff)({ data: { uid: 'u-quality-head', authorityLevel: 'cs_manager', reason: '调整审批权限' }, auth: tokenOf('u-admin') });
    const staffView = (await w(listStaff)({ data: { deptId: 'dept-quality' }, auth: tokenOf('u-admin') })) as { staff: Array<{ uid: string; authorityLevel: string | null }> };
    expect(staffView.staff.find((s) => s.uid === 'u-quality-head')).toMatchObject({ authorityLevel: 'cs_manager' });
    const refused = await rejection(act(authOf('u-quality-head'), id, 'resolve', { cause: '漏检', measures: '退款' }));
    expect(refused).toMatchObject({ code: 'permission-denied', details: { reason: 'lifecycle.authority_insufficient', params: { required_en: 'Store manager', level_en: 'CS manager' } } });
    const detail = (await read({ data: { ticketId: id }, auth: authOf('u-quality-head') })) as { lifecycle: { allowedActions: string[]; authorityRequired: string } };
    expect(detail.lifecycle.allowedActions).not.toContain('resolve');
    expect(detail.lifecycle.authorityRequired).toBe('store_manager');
    await w(adminUpdateStaff)({ data: { uid: 'u-quality-head', authorityLevel: 'store_manager', reason: '恢复审批权限' }, auth: tokenOf('u-admin') });
    expect((await act(authOf('u-quality-head'), id, 'resolve', { cause: '漏检', measures: '退款' })).state).toBe('callback');
    expect((await auditOf('u-quality-head')).map((e) => e.changes.authorityLevel)).toEqual(expect.arrayContaining([
      { from: 'store_manager', to: 'cs_manager' }, { from: 'cs_manager', to: 'store_manager' },
    ]));
  });
});

describe('point 10: quality marks a complaint major after intake', () => {
  test('an event and an audit entry with the reason; then the report is required', async () => {
    const id = await newTicket(authOf('u-intake'), { clientId: 'c-1', kind: 'complaint', subject: 'safety_accident', title: '扶梯夹伤' });
    const r = await act(authOf('u-quality-2'), id, 'mark_major', { reason: '造成人身伤害' });
    const events = await db.collection(`tickets/${id}/events`).orderBy('seq').get();
    expect(events.docs.at(-1)!.data()).toMatchObject({ seq: r.seq, type: 'marked_major', note: '造成人身伤害', changes: { major: { from: false, to: true } } });
    expect(await auditOf(id)).toEqual([expect.objectContaining({ action: 'major_marked', actorUid: 'u-quality-2', reason: expect.stringContaining('造成人身伤害') })]);
    expect((await rejection(act(authOf('u-quality-1'), id, 'mark_major', { reason: 'again' }))).details).toMatchObject({ reason: 'lifecycle.already_major' });
  });
});

describe('point 13: separation of duties', () => {
  test('an administrator does not cancel or transfer tickets, nor grant themselves quality or leadership', async () => {
    const id = await newTicket(authOf('u-intake'), { clientId: 'c-1', kind: 'complaint', subject: 'goods_quality', title: '饮料变质' });
    for (const [action, fields] of [['cancel', { reason: 'duplicate', note: 'x', duplicateOf: 'y' }], ['transfer', { toDeptId: 'dept-business', reason: 'x' }]] as const) {
      const err = await rejection(act(tokenOf('u-admin'), id, action, fields));
      expect(err).toMatchObject({ code: 'permission-denied', details: { reason: 'lifecycle.not_permitted' } });
    }
    for (const change of [{ role: 'quality' }, { role: 'leadership' }, { role: 'head', deptId: 'dept-quality' }, { authorityLevel: 'store_manager' }]) {
      const err = await rejection(w(adminUpdateStaff)({ data: { uid: 'u-admin', reason: '我自己', ...change }, auth: tokenOf('u-admin') }));
      expect([change, err.code]).toEqual([change, 'permission-denied']);
      expect(err.details).toMatchObject({ reason: 'staff.self_grant' });
    }
    expect((await db.doc('staff/u-admin').get()).get('role')).toBe('admin');
  });

  test('creating a quality or leadership account needs a reason, which the audit log keeps', async () => {
    const base = { displayName: 'New Leader', role: 'leadership', deptId: 'dept-leadership', password: 'secret-123' };
    const err = await rejection(w(adminCreateStaff)({ data: { ...base, email: 'lead1@example.com' }, auth: tokenOf('u-admin') }));
    expect(err.code).toBe('invalid-argument');
    expect(Object.keys(err.details.fields as object)).toEqual(['reason']);
    expect((await db.collection('staff').where('email', '==', 'lead1@example.com').get()).size).toBe(0);
    const { uid } = (await w(adminCreateStaff)({ data: { ...base, email: 'lead2@example.com', reason: '新任分管副总' }, auth: tokenOf('u-admin') })) as { uid: string };
    expect(await auditOf(uid)).toEqual([expect.objectContaining({ action: 'staff_created', reason: '新任分管副总' })]);
    // an ordinary account still needs no reason
    await w(adminCreateStaff)({ data: { ...base, role: 'staff', deptId: 'dept-engineering', email: 'eng@example.com' }, auth: tokenOf('u-admin') });
  });
});

describe('point 14: heads, the customer-service centre and the people doing the work', () => {
  test('the head of the customer-service centre sees what the centre took in and runs its callbacks', async () => {
    const id = await newTicket(authOf('u-intake'), { clientId: 'c-1', kind: 'suggestion', title: '增加送货时段' });
    const mine = (await list({ data: { queue: 'all', limit: 100 }, auth: CS_HEAD })) as { rows: Array<{ id: string }> };
    expect(mine.rows.map((t) => t.id)).toContain(id);
    await act(authOf('u-business-1'), id, 'accept');
    await act(authOf('u-business-head'), id, 'resolve', { cause: '客户建议', measures: '已增加下午时段' });
    const queue = (await list({ data: { queue: 'awaiting_callback', limit: 100 }, auth: CS_HEAD })) as { rows: Array<{ id: string }> };
    expect(queue.rows.map((t) => t.id)).toContain(id);
    expect((await act(CS_HEAD, id, 'callback', { outcome: 'reached', satisfied: true, score: 5, awareOfChannel: true })).state).toBe('closed');
  });

  test('heads find submitted resolutions awaiting their sign-off, and may send one back with a reason', async () => {
    const id = await newTicket(authOf('u-intake'), { clientId: 'c-1', kind: 'complaint', subject: 'goods_quality', title: '饮料变质' });
    await act(authOf('u-quality-1'), id, 'accept');
    await act(authOf('u-quality-1'), id, 'submit_resolution', { cause: '漏检', measures: '退款' });
    const queue = (await list({ data: { queue: 'awaiting_signoff', limit: 100 }, auth: authOf('u-quality-head') })) as { rows: Array<{ id: string }> };
    expect(queue.rows.map((t) => t.id)).toContain(id);
    await act(authOf('u-quality-head'), id, 'return_resolution', { reason: '措施不具体' });
    const after = (await list({ data: { queue: 'awaiting_signoff', limit: 100 }, auth: authOf('u-quality-head') })) as { rows: Array<{ id: string }> };
    expect(after.rows.map((t) => t.id)).not.toContain(id);
    const detail = (await read({ data: { ticketId: id }, auth: authOf('u-quality-1') })) as { lifecycle: { earlierResolutions: unknown[]; awaitingSignoff: boolean } };
    expect(detail.lifecycle).toMatchObject({ awaitingSignoff: false, earlierResolutions: [expect.objectContaining({ measures: '退款', end: 'returned', endReason: '措施不具体' })] });
  });

  test('a repair\'s requester (contact and address) is seen by the engineer; a complainant never by the handlers', async () => {
    const reporter = { name: '赵先生', phone: '13900001111', address: '3 号楼 502', consentToContact: true };
    const repair = await newTicket(authOf('u-intake'), { clientId: 'c-1', kind: 'repair', title: '水管漏水', reporter });
    expect((await shown(repair)).ownerDeptId).toBe('dept-engineering');
    const seen = (await read({ data: { ticketId: repair }, auth: authOf('u-engineer') })) as { reporter: unknown; reporterRole: string };
    expect(seen).toMatchObject({ reporterRole: 'requester', reporter: { name: '赵先生', phone: '13900001111', address: '3 号楼 502' } });
    const complaint = await newTicket(authOf('u-intake'), { clientId: 'c-1', kind: 'complaint', subject: 'service_attitude', title: '态度差', reporter });
    await act(authOf('u-leader'), complaint, 'transfer', { toDeptId: 'dept-engineering', reason: '工程人员态度' });
    const hidden = (await read({ data: { ticketId: complaint }, auth: authOf('u-engineer') })) as { reporter: unknown; reporterRole: string; reporterRedacted: boolean };
    expect(hidden).toMatchObject({ reporterRole: 'complainant', reporter: null, reporterRedacted: true });
  });

  test('an escalation event names who it reached', async () => {
    const id = await newTicket(authOf('u-intake'), { clientId: 'c-1', kind: 'complaint', subject: 'goods_quality', title: '饮料变质' });
    await engine(db, { ticketId: id, action: 'escalate', actor: 'system', input: { reason: '逾期', expectedLevel: 0 }, now: clock.now() });
    const second = await engine(db, { ticketId: id, action: 'escalate', actor: 'system', input: { reason: '逾期', expectedLevel: 1 }, now: clock.now() });
    const event = (await db.doc(`tickets/${id}/events/${String(second.seq).padStart(6, '0')}`).get()).data()!;
    expect(event.notified).toEqual(expect.arrayContaining([{ uid: 'u-quality-head', name: 'Quality Head Wang' }, { uid: 'u-leader', name: 'Leader Zheng' }]));
    const detail = (await read({ data: { ticketId: id }, auth: authOf('u-quality-head') })) as { events: Array<{ type: string; notified?: unknown[] }> };
    expect(detail.events.filter((e) => e.type === 'escalated').every((e) => Array.isArray(e.notified))).toBe(true);
  });
});

/**
 * Pickers, change markers, configuration screens and the audit log's names (issue 8.3, 8.8, 8.9),
 * and views in both languages (8.6).
 */
import { randomUUID } from 'node:crypto';
import { emulatorProject } from '../../../test/support/emulator';
import { authOf, seedOrgWithExtras, tokenOf } from '../../../test/support/fixtures';
import { ManualClock } from '../../src/domain/clock';
import type {
  AdminSaveConfigResult, ChangeMarkerView, ConfigView, ListAssignableStaffResult, ListClientTicketsResult, NotificationView,
  SearchClientsResult, TicketDetailView,
} from '../../src/domain/api';
import type { AuditEntryView } from '../../src/domain/org/api';
import { DEFAULT_ROUTING } from '../../src/domain/routing';
import { useClock } from '../../src/lib/clock';
import { createTicket } from '../../src/callables/create-ticket';
import { getTicket } from '../../src/callables/get-ticket';
import { listNotifications } from '../../src/callables/list-notifications';
import { listAuditLog } from '../../src/callables/list-audit-log';
import { whoAmI } from '../../src/callables/who-am-i';
import { transitionTicket } from '../../src/callables/transition-ticket';
import { listAssignableStaff } from '../../src/callables/webapi/list-assignable-staff';
import { searchClients } from '../../src/callables/webapi/search-clients';
import { listClientTickets } from '../../src/callables/webapi/list-client-tickets';
import { findTicketByNumber } from '../../src/callables/webapi/find-ticket-by-number';
import { getChangeMarker } from '../../src/callables/webapi/get-change-marker';
import { getConfig } from '../../src/callables/webapi/get-config';
import { adminSaveConfig } from '../../src/callables/webapi/admin-save-config';
import { loadRouting, loadSla } from '../../src/store/config';
import { routeNewTicket } from '../../src/store/route-ticket';

const { db, fft, cleanup } = emulatorProject('webapi-pickers');
const clock = new ManualClock(new Date('2025-11-17T02:00:00Z')); // Monday 10:00 Shanghai
jest.setTimeout(30_000);

type Call = (req: unknown) => Promise<unknown>;
const w = (fn: unknown): Call => fft.wrap(fn as never) as unknown as Call;
const call = <T>(fn: unknown, uid: string, data: unknown) => w(fn)({ data, auth: tokenOf(uid) }) as Promise<T>;

async function rejection(p: Promise<unknown>): Promise<{ code: string; message: string; details: Record<string, unknown> }> {
  try {
    await p;
  } catch (e) {
    return e as { code: string; message: string; details: Record<string, unknown> };
  }
  throw new Error('expected a rejection');
}

async function newTicket(data: Record<string, unknown>, by = 'u-intake'): Promise<string> {
  const { ticketId } = (await w(createTicket)({ data: { requestId: randomUUID(), clientId: 'c-1', channel: 'hotline', ...data }, auth: authOf(by) })) as { ticketId: string };
  await routeNewTicket(db, ticketId, clock.now());
  clock.advance(60_000);
  return ticketId;
}

async function act(uid: string, ticketId: string, action: string, fields: Record<string, unknown> = {}) {
  const snap = await db.doc(`tickets/${ticketId}`).get();
  const state = snap.get('state');
  const expectedSeq = snap.get('lastEventSeq');
  return w(transitionTicket)({ data: { ticketId, action, expectedState: state, expectedSeq, ...fields }, auth: authOf(uid) });
}

let suggestion = '';
let complaint = '';

beforeAll(async () => {
  useClock(clock);
  await seedOrgWithExtras(db);
  await db.doc('staff/u-business-gone').set({
    displayName: 'Business Gone', email: 'gone@example.com', role: 'staff', deptId: 'dept-business', branchId: 'br-city', locale: 'zh-CN', disabled: true,
  });
  suggestion = await newTicket({ kind: 'suggestion', title: '延长营业时间' });
  complaint = await newTicket({ kind: 'complaint', subject: 'goods_expired', title: '买到过期牛奶', claimedAmount: 3000 });
}, 60_000);
afterAll(cleanup);

describe('listAssignableStaff', () => {
  test("the department's active people, head first; never the disabled", async () => {
    const res = await call<ListAssignableStaffResult>(listAssignableStaff, 'u-business-head', { deptId: 'dept-business' });
    expect(res.deptName).toEqual({ 'zh-CN': '顾问经营部', en: 'Business' });
    expect(res.staff.map((s) => [s.uid, s.isHead])).toEqual([['u-business-head', true], ['u-business-1', false]]);
    expect(res.staff[1]!.roleLabel).toEqual({ 'zh-CN': '部门员工', en: 'Department staff' });
  });

  test('scoped: members, quality, leadership and admin; another department is refused with a code', async () => {
    for (const uid of ['u-business-1', 'u-quality-1', 'u-leader', 'u-admin']) {
      await expect(call(listAssignableStaff, uid, { deptId: 'dept-business' })).resolves.toBeTruthy();
    }
    for (const uid of ['u-engineer', 'u-intake', 'u-auditor', 'u-onsite']) {
      const err = await rejection(call(listAssignableStaff, uid, { deptId: 'dept-business' }));
      expect(err).toMatchObject({ code: 'permission-denied', details: { reason: 'tickets.dept_not_visible', params: { deptId: 'dept-business' } } });
    }
    expect((await rejection(call(listAssignableStaff, 'u-admin', { deptId: 'dept-nope' }))).code).toBe('not-found');
    expect((await rejection(call(listAssignableStaff, 'u-admin', { deptId: 'a/b' }))).code).toBe('invalid-argument');
  });
});

describe('searchClients', () => {
  const ids = async (uid: string, query: string) =>
    (await call<SearchClientsResult>(searchClients, uid, { query })).clients.map((c) => c.id);

  test('by the start of the name, the code (any case, full-width too) or the contact phone', async () => {
    expect(await ids('u-intake', '万家')).toEqual(['c-1']);
    expect(await ids('u-intake', 'cz1')).toEqual(['c-1']);
    expect(await ids('u-intake', 'ＣＺ１－００１')).toEqual(['c-1']);
    expect(await ids('u-intake', '1380000000')).toEqual(['c-3', 'c-1', 'c-2']); // by code
    const one = (await call<SearchClientsResult>(searchClients, 'u-intake', { query: '和平' })).clients[0]!;
    expect(one).toMatchObject({ id: 'c-3', code: 'CS2-003', branchName: { 'zh-CN': '城市公司', en: 'City company' } });
  });

  test('scoped by canReadClient: on-site staff their own clients, county staff their branch', async () => {
    expect(await ids('u-onsite', '1380000000')).toEqual(['c-3']);
    expect(await ids('u-county', '1380000000')).toEqual(['c-2']);
    expect(await ids('u-county', '万家')).toEqual([]);
  });

  test('an empty query is invalid-argument naming the field', async () => {
    const err = await rejection(call(searchClients, 'u-intake', { query: '  ' }));
    expect(err).toMatchObject({ code: 'invalid-argument', details: { reason: 'input.invalid', fields: { query: expect.any(String) } } });
  });
});

describe('listClientTickets', () => {
  test("the client's open tickets, redacted where the caller may not read them; closed ones under recent", async () => {
    const asIntake = await call<ListClientTicketsResult>(listClientTickets, 'u-intake', { clientId: 'c-1' });
    expect(asIntake.open.map((t) => (t.redacted ? 'redacted' : t.id)).sort()).toEqual([complaint, suggestion].sort());
    const asBusiness = await call<ListClientTicketsResult>(listClientTickets, 'u-business-1', { clientId: 'c-1' });
    const hidden = asBusiness.open.find((t) => t.redacted)!;
    expect(hidden).toEqual({ redacted: true, kind: 'complaint', state: 'assigned', receivedAt: expect.any(String), ownerDeptName: { 'zh-CN': '品质管理部', en: 'Quality' } });
    expect(JSON.stringify(asBusiness)).not.toContain('过期牛奶');
    expect(asBusiness.recent).toEqual([]);
  });

  test('a client outside the caller\'s scope is not-found, like a missing one', async () => {
    const err = await rejection(call(listClientTickets, 'u-county', { clientId: 'c-1' }));
    expect(err).toMatchObject({ code: 'not-found', details: { reason: 'tickets.client_not_visible' } });
    expect((await rejection(call(listClientTickets, 'u-county', { clientId: 'c-nope' }))).code).toBe('not-found');
  });
});

describe('findTicketByNumber', () => {
  test('finds a readable ticket by its visible number (any case); not-found otherwise', async () => {
    const number = (await db.doc(`tickets/${suggestion}`).get()).get('number') as string;
    await expect(call(findTicketByNumber, 'u-business-1', { number: number.toLowerCase() })).resolves.toEqual({ id: suggestion, number, title: '延长营业时间' });
    const cNumber = (await db.doc(`tickets/${complaint}`).get()).get('number') as string;
    const hidden = await rejection(call(findTicketByNumber, 'u-business-1', { number: cNumber }));
    const missing = await rejection(call(findTicketByNumber, 'u-business-1', { number: 'HX-20251117-9999' }));
    expect(hidden).toMatchObject({ code: 'not-found', details: { reason: 'tickets.number_not_found', params: { number: cNumber } } });
    expect(missing.code).toBe('not-found');
    expect((await rejection(call(findTicketByNumber, 'u-business-1', { number: 'twelve' }))).details.fields).toHaveProperty('number');
  });
});

describe('change markers', () => {
  const marker = async (uid: string) => (await call<ChangeMarkerView>(getChangeMarker, uid, {})).marker;

  test('bumped with every notification and for people involved in a ticket that changes; untouched otherwise', async () => {
    const before = { head: await marker('u-business-head'), staff: await marker('u-business-1'), intake: await marker('u-intake'), eng: await marker('u-engineer') };
    const id = await newTicket({ kind: 'suggestion', title: '增加停车位' }); // notifies the business department
    const routed = { head: await marker('u-business-head'), staff: await marker('u-business-1'), intake: await marker('u-intake'), eng: await marker('u-engineer') };
    expect(routed.head).not.toBe(before.head);
    expect(routed.staff).not.toBe(before.staff);
    expect(routed.intake).not.toBe(before.intake); // the person who took it in sees it move
    expect(routed.eng).toBe(before.eng); // not involved
    await act('u-business-1', id, 'accept');
    expect(await marker('u-business-1')).toBe(routed.staff); // own action, no notification for oneself…
    expect(await marker('u-intake')).not.toBe(routed.intake); // …but the creator is told
  });

  test('one read per poll; "0" before anything happened', async () => {
    expect(await marker('u-county')).toBe('0');
  });
});

describe('configuration screens', () => {
  test('getConfig answers the defaults until something is saved', async () => {
    const routing = await call<ConfigView>(getConfig, 'u-admin', { name: 'routing' });
    expect(routing).toMatchObject({ isDefault: true, updatedAt: null });
    expect(routing.doc).toEqual(DEFAULT_ROUTING);
    const authority = await call<ConfigView>(getConfig, 'u-auditor', { name: 'authority' });
    expect(authority.doc).toEqual(DEFAULT_ROUTING.authority);
  });

  test('a save is validated by the server schema (field errors), refused for non-admins, audited before/after, and used', async () => {
    const bad = await rejection(call(adminSaveConfig, 'u-admin', { name: 'authority', doc: { csManagerFrom: 3000, storeManagerFrom: 2000 }, reason: '调整' }));
    expect(bad).toMatchObject({ code: 'invalid-argument', details: { fields: { 'doc.storeManagerFrom': expect.any(String) } } });
    const noReason = await rejection(call(adminSaveConfig, 'u-admin', { name: 'sla', doc: {}, reason: '' }));
    expect(noReason.details.fields).toHaveProperty('reason');
    const sla = (await call<ConfigView>(getConfig, 'u-admin', { name: 'sla' })).doc as { warnAtShare: number };
    const refused = await rejection(call(adminSaveConfig, 'u-quality-head', { name: 'sla', doc: { ...sla, warnAtShare: 0.5 }, reason: '更早提醒' }));
    expect(refused).toMatchObject({ code: 'permission-denied', details: { reason: 'config.admin_only' } });
    expect((await rejection(call(getConfig, 'u-business-1', { name: 'sla' }))).details).toMatchObject({ reason: 'config.read_not_allowed' });

    clock.set(new Date('2025-11-17T03:00:00Z'));
    const saved = await call<AdminSaveConfigResult>(adminSaveConfig, 'u-admin', { name: 'sla', doc: { ...sla, warnAtShare: 0.5 }, reason: '更早提醒' });
    expect(saved.changed).toEqual(['warnAtShare']);
    expect((await loadSla(db)).warnAtShare).toBe(0.5);
    const view = await call<ConfigView>(getConfig, 'u-admin', { name: 'sla' });
    expect(view).toMatchObject({ isDefault: false, updatedAt: '2025-11-17T03:00:00.000Z', updatedByName: 'Admin Ma' });

    clock.set(new Date('2025-11-17T03:10:00Z'));
    const authority = await call<AdminSaveConfigResult>(adminSaveConfig, 'u-admin', {
      name: 'authority', doc: { ...DEFAULT_ROUTING.authority!, csManagerFrom: 800 }, reason: '商场新规',
    });
    expect(authority.changed).toEqual(['csManagerFrom']);
    expect((await loadRouting(db)).authority?.csManagerFrom).toBe(800);
    expect((await loadRouting(db)).rules).toEqual(DEFAULT_ROUTING.rules); // the rest of config/routing kept

    const log = await call<{ entries: AuditEntryView[] }>(listAuditLog, 'u-auditor', { action: 'config_saved' });
    expect(log.entries.map((e) => [e.target.id, e.reason, e.changes])).toEqual([
      ['authority', '商场新规', { csManagerFrom: { from: 500, to: 800 } }],
      ['sla', '更早提醒', { warnAtShare: { from: 0.75, to: 0.5 } }],
    ]);
    expect(log.entries[0]).toMatchObject({
      actorName: 'Admin Ma', actionLabel: { 'zh-CN': '修改配置', en: 'Configuration changed' },
      targetName: { 'zh-CN': '处理权限', en: 'Settlement authority' },
    });
    // saving the same document again changes nothing and logs nothing
    expect((await call<AdminSaveConfigResult>(adminSaveConfig, 'u-admin', { name: 'sla', doc: { ...sla, warnAtShare: 0.5 }, reason: 'again' })).auditId).toBeNull();
  });
});

describe('both languages and names', () => {
  test('the ticket detail carries department, branch, routing and authority reasons and event labels in both languages', async () => {
    await act('u-quality-head', complaint, 'assign', { assigneeUid: 'u-quality-2', note: '请跟进' });
    const detail = await call<TicketDetailView>(getTicket, 'u-quality-1', { ticketId: complaint });
    expect(detail.ticket).toMatchObject({
      ownerDeptName: { 'zh-CN': '品质管理部', en: 'Quality' },
      branchName: { 'zh-CN': '城市公司', en: 'City company' },
      routingReason: { 'zh-CN': '投诉由品质管理部负责跟踪处理', en: 'Complaints are owned by the quality department' },
      authority: 'store_manager',
      authorityLabel: { 'zh-CN': '店长/总经理', en: 'Store manager' },
      authorityReason: { 'zh-CN': '索赔金额 3000 元', en: 'claimed 3000 yuan' },
      assigneeName: 'Quality Qian',
    });
    expect(detail.events.map((e) => e.label.en)).toEqual(['Received', 'Routed to a department', 'Handler assigned']);
    expect(detail.timeLeft.status).toBe('running');
  });

  test("whoAmI names the caller's department and branch in both languages", async () => {
    await expect(call(whoAmI, 'u-county', {})).resolves.toMatchObject({
      deptLabel: { 'zh-CN': '县分公司营销部', en: 'County business' }, branchLabel: { 'zh-CN': '县级分公司', en: 'County branch' },
    });
  });

  test('notifications in both languages; the audit log names the ticket, not its id', async () => {
    const inbox = await call<{ notifications: NotificationView[] }>(listNotifications, 'u-quality-2', {});
    const assigned = inbox.notifications.find((n) => n.ticketId === complaint && n.type === 'assignee_changed')!;
    expect(assigned.title['zh-CN']).toMatch(/^指派给您/);
    expect(assigned.title.en).toMatch(/^Assigned to you/);
    const number = (await db.doc(`tickets/${complaint}`).get()).get('number') as string;
    const log = await call<{ entries: AuditEntryView[] }>(listAuditLog, 'u-admin', { action: 'ticket_assigned' });
    expect(log.entries[0]).toMatchObject({
      targetName: { 'zh-CN': number, en: number }, actorName: 'Quality Head Wang',
      actionLabel: { 'zh-CN': '指派经办人', en: 'Handler assigned' },
    });
  });
});

/**
 * listTickets (issue 8.2, 9.1): queues return every open ticket however many closed ones exist,
 * across cursor pages; counts; overdue / due soon / paused by working time; search (number,
 * client, title; the complainant's phone only for quality and leadership); scoping; filters.
 */
import { randomUUID } from 'node:crypto';
import { emulatorProject } from '../../../test/support/emulator';
import { authOf, seedOrg } from '../../../test/support/fixtures';
import { ManualClock } from '../../src/domain/clock';
import type { ListTicketsResult, TicketRowView } from '../../src/domain/api';
import { useClock } from '../../src/lib/clock';
import { createTicket } from '../../src/callables/create-ticket';
import { listTickets } from '../../src/callables/list-tickets';
import { transitionTicket } from '../../src/callables/transition-ticket';
import { routeNewTicket } from '../../src/store/route-ticket';
import { backfillListFields } from '../../src/store/tickets/backfill';

const { db, fft, cleanup } = emulatorProject('webapi-list');
const file = fft.wrap(createTicket);
const fire = fft.wrap(transitionTicket);
const list = fft.wrap(listTickets);
// Monday 2025-11-17 10:00 in Shanghai.
const clock = new ManualClock(new Date('2025-11-17T02:00:00Z'));
const MINUTE = 60_000;
jest.setTimeout(30_000);

async function newTicket(data: Record<string, unknown>, by = 'u-intake'): Promise<string> {
  const { ticketId } = await file({ data: { requestId: randomUUID(), clientId: 'c-1', channel: 'hotline', ...data }, auth: authOf(by) } as never);
  await routeNewTicket(db, ticketId, clock.now());
  clock.advance(MINUTE);
  return ticketId;
}

async function act(uid: string, ticketId: string, action: string, fields: Record<string, unknown> = {}) {
  const snap = await db.doc(`tickets/${ticketId}`).get();
  const state = snap.get('state');
  const expectedSeq = snap.get('lastEventSeq');
  return fire({ data: { ticketId, action, expectedState: state, expectedSeq, ...fields }, auth: authOf(uid) } as never);
}

function page(uid: string, data: Record<string, unknown>): Promise<ListTicketsResult> {
  return list({ data, auth: authOf(uid) } as never) as Promise<ListTicketsResult>;
}

/** Every row of a queue, page by page. */
async function all(uid: string, data: Record<string, unknown>, limit: number): Promise<{ rows: TicketRowView[]; pages: number }> {
  const rows: TicketRowView[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const res: ListTicketsResult = await page(uid, { ...data, limit, withCounts: false, ...(cursor ? { cursor } : {}) });
    rows.push(...res.rows);
    cursor = res.nextCursor;
    pages++;
    if (pages > 50) throw new Error('no end of pages');
  } while (cursor);
  return { rows, pages };
}

async function rejection(p: Promise<unknown>): Promise<{ code: string; details: Record<string, unknown> }> {
  try {
    await p;
  } catch (e) {
    return e as { code: string; details: Record<string, unknown> };
  }
  throw new Error('expected a rejection');
}

const open: string[] = [];
const cancelled: string[] = [];
let complaintId = '';
let phoneSuggestion = '';
let countyId = '';

beforeAll(async () => {
  useClock(clock);
  await seedOrg(db);
  for (let i = 0; i < 8; i++) open.push(await newTicket({ kind: 'suggestion', title: `建议 ${i} 延长营业时间` }));
  complaintId = await newTicket({
    kind: 'complaint', subject: 'goods_expired', title: '买到过期牛奶', major: true,
    reporter: { name: '王女士', phone: '13900000009', email: '', consentToContact: false },
  });
  phoneSuggestion = await newTicket({
    kind: 'suggestion', title: '停车场照明不足',
    reporter: { name: '李先生', phone: '+86-13700000007', email: '', consentToContact: false },
  });
  countyId = await newTicket({ kind: 'suggestion', clientId: 'c-2', title: '县里的建议' });
  // 25 newer tickets of the same department, all cancelled: they must not crowd the open ones out.
  for (let i = 0; i < 25; i++) {
    const id = await newTicket({ kind: 'suggestion', title: `重复的建议 ${i}` });
    await act('u-business-head', id, 'cancel', { reason: 'duplicate', duplicateOf: open[0], note: '同一客户重复反映' });
    cancelled.push(id);
  }
}, 120_000);
afterAll(cleanup);

test('a department queue returns every open ticket across pages, newest first, however many closed ones are newer', async () => {
  const { rows, pages } = await all('u-business-head', { queue: 'department' }, 3);
  const ids = rows.map((r) => r.id);
  expect(new Set(ids).size).toBe(ids.length);
  expect(ids.sort()).toEqual([...open, phoneSuggestion].sort());
  expect(pages).toBe(3); // 9 open tickets, 3 a page, no empty page at the end
  expect(rows.every((r) => r.state === 'assigned')).toBe(true);
  const received = rows.map((r) => r.receivedAt);
  expect(received).toEqual([...received].sort().reverse());
  // oldest first when asked
  const asc = await all('u-business-head', { queue: 'department', order: 'asc' }, 4);
  expect(asc.rows.map((r) => r.id)).toEqual(rows.map((r) => r.id).reverse());
});

test('counts per queue come with the first page and match the queues', async () => {
  const res = await page('u-business-head', { queue: 'department', limit: 2 });
  expect(res.counts).toMatchObject({ all: 9, department: 9, mine: 0, overdue: 0, awaiting_callback: 0, awaiting_verification: 0 });
  const quality = await page('u-quality-1', { queue: 'all', limit: 2 });
  expect(quality.counts?.all).toBe(1); // the one complaint
  expect((await page('u-intake', { limit: 1 })).counts?.mine).toBe(11); // everything open the intake filed
});

test('closed tickets are listed only when asked for by state', async () => {
  const res = await all('u-business-head', { queue: 'all', filters: { state: 'cancelled' } }, 10);
  expect(res.rows.map((r) => r.id).sort()).toEqual([...cancelled].sort());
  expect(res.rows[0]!.timeLeft.status).toMatch(/^closed_(on_time|late)$/);
});

test('rows carry names in both languages and the working time left', async () => {
  const res = await page('u-business-head', { queue: 'department', limit: 1 });
  const row = res.rows[0]!;
  expect(row.ownerDeptName).toEqual({ 'zh-CN': '顾问经营部', en: 'Business' });
  expect(row.branchName).toEqual({ 'zh-CN': '城市公司', en: 'City company' });
  expect(row.timeLeft.status).toBe('running');
  expect(row.timeLeft.workingMs).toBeGreaterThan(0);
});

test('scope: each role sees its own tickets only, and the page is still full', async () => {
  const staff = await all('u-business-1', { queue: 'all' }, 5);
  expect(staff.rows.map((r) => r.id)).not.toContain(complaintId);
  expect(staff.rows).toHaveLength(9);
  const county = await all('u-county', { queue: 'all' }, 5);
  expect(county.rows.map((r) => r.id)).toEqual([countyId]);
  const quality = await all('u-quality-1', { queue: 'all' }, 5);
  expect(quality.rows.map((r) => r.id)).toEqual([complaintId]);
  const auditor = await page('u-auditor', { queue: 'all', limit: 5 });
  expect(auditor.rows).toHaveLength(5);
  expect(auditor.counts?.all).toBe(11);
});

test('filters: kind, major, received days (Shanghai), owning department', async () => {
  const complaints = await all('u-leader', { filters: { kind: 'complaint' } }, 3);
  expect(complaints.rows.map((r) => r.id)).toEqual([complaintId]);
  const major = await all('u-leader', { filters: { major: true } }, 3);
  expect(major.rows.map((r) => r.id)).toEqual([complaintId]);
  const tomorrow = await all('u-leader', { filters: { receivedFrom: '2025-11-18' } }, 3);
  expect(tomorrow.rows).toEqual([]);
  const today = await all('u-leader', { filters: { receivedFrom: '2025-11-17', receivedTo: '2025-11-17', deptId: 'dept-county-business' } }, 3);
  expect(today.rows.map((r) => r.id)).toEqual([countyId]);
  // by due time, the received range is checked row by row: same answer
  const byDue = await all('u-leader', { sort: 'dueAt', filters: { receivedFrom: '2025-11-17', receivedTo: '2025-11-17', deptId: 'dept-county-business' } }, 3);
  expect(byDue.rows.map((r) => r.id)).toEqual([countyId]);
});

test('search by ticket number (or its last digits), client name and code, title words — closed ones too in "all"', async () => {
  const number = (await db.doc(`tickets/${open[2]}`).get()).get('number') as string;
  expect((await page('u-business-head', { search: number })).rows.map((r) => r.id)).toEqual([open[2]]);
  expect((await page('u-business-head', { search: number.slice(-4) })).rows.map((r) => r.id)).toEqual([open[2]]);
  expect((await page('u-business-head', { search: number.toLowerCase() })).rows.map((r) => r.id)).toEqual([open[2]]);
  const lighting = await page('u-business-head', { search: '照明' });
  expect(lighting.rows.map((r) => r.id)).toEqual([phoneSuggestion]);
  const dup = await all('u-business-head', { search: '重复的建议' }, 10);
  expect(dup.rows).toHaveLength(25);
  // within a queue, a search keeps to the queue (no cancelled ones in "department")
  expect((await page('u-business-head', { queue: 'department', search: '重复的建议' })).rows).toEqual([]);
  const byClient = await all('u-business-head', { queue: 'department', search: '万家' }, 20);
  expect(byClient.rows).toHaveLength(9);
  const byCode = await all('u-county', { search: 'XZ3-002' }, 20);
  expect(byCode.rows.map((r) => r.id)).toEqual([countyId]);
  // a search never shows what the caller may not read
  expect((await page('u-business-head', { search: '过期牛奶' })).rows).toEqual([]);
});

test("the complainant's phone finds tickets only for quality and leadership, and never leaks through search", async () => {
  expect((await page('u-quality-1', { search: '13900000009' })).rows.map((r) => r.id)).toEqual([complaintId]);
  expect((await page('u-leader', { search: '+86 137 0000 0007' })).rows.map((r) => r.id)).toEqual([phoneSuggestion]);
  // the business head reads the suggestion but may not see its complainant: the phone finds nothing
  expect((await page('u-business-head', { search: '13700000007' })).rows).toEqual([]);
  // quality may search by phone but sees complainants of complaints only
  expect((await page('u-quality-1', { search: '13700000007' })).rows).toEqual([]);
  // the phone is not on the ticket
  const doc = (await db.doc(`tickets/${phoneSuggestion}`).get()).data()!;
  expect(JSON.stringify(doc)).not.toContain('13700000007');
});

test('overdue and due soon by working time: paused tickets show paused and are never overdue; closed ones never', async () => {
  const paused = open[1]!;
  await act('u-business-1', paused, 'accept');
  await act('u-business-1', paused, 'wait_on_client', { reason: '等客户提供照片' });
  // due two working days after filing (Wed 19 Nov ~10:00): Wed 09:00 is due soon, Thu is overdue
  clock.set(new Date('2025-11-19T01:00:00Z'));
  const soon = await all('u-business-head', { queue: 'due_soon' }, 4);
  expect(soon.rows.map((r) => r.id).sort()).toEqual(open.filter((id) => id !== paused).concat(phoneSuggestion).sort());
  expect(soon.rows.every((r) => r.timeLeft.status === 'due_soon')).toBe(true);
  const dues = soon.rows.map((r) => r.dueAt!);
  expect(dues).toEqual([...dues].sort());

  clock.set(new Date('2025-11-20T02:00:00Z'));
  const overdue = await all('u-business-head', { queue: 'overdue' }, 4);
  expect(overdue.rows.map((r) => r.id).sort()).toEqual(open.filter((id) => id !== paused).concat(phoneSuggestion).sort());
  expect(overdue.rows.every((r) => r.timeLeft.status === 'overdue' && r.timeLeft.workingMs! < 0)).toBe(true);
  const counts = (await page('u-business-head', { queue: 'overdue', limit: 1 })).counts!;
  expect(counts.overdue).toBe(8);
  expect(counts.due_soon).toBe(0);
  const pausedRow = (await page('u-business-head', { search: '建议 1 延长' })).rows.find((r) => r.id === paused)!;
  expect(pausedRow.paused).toBe(true);
  expect(pausedRow.timeLeft.status).toBe('paused');
  expect(pausedRow.timeLeft.workingMs).toBeGreaterThan(0);
  // "mine": the handler's own tickets
  expect((await page('u-business-1', { queue: 'mine' })).rows.map((r) => r.id)).toEqual([paused]);
});

test('bad input is invalid-argument naming the field; a forged cursor too', async () => {
  const unknown = await rejection(page('u-business-head', { queue: 'all', sneaky: 1 }));
  expect(unknown.code).toBe('invalid-argument');
  expect(Object.keys(unknown.details.fields as object)).toEqual(['(root)']);
  const badDay = await rejection(page('u-business-head', { filters: { receivedFrom: '2025-02-30' } }));
  expect(badDay.details.fields).toHaveProperty(['filters.receivedFrom']);
  const cursor = await rejection(page('u-business-head', { cursor: 'not-a-cursor' }));
  expect(cursor.code).toBe('invalid-argument');
  expect(cursor.details).toMatchObject({ reason: 'tickets.bad_cursor', fields: { cursor: expect.any(String) } });
});

test('tickets stored before the list existed appear once backfilled (idempotent)', async () => {
  const id = await newTicket({ kind: 'suggestion', title: '旧数据的建议' });
  const ref = db.doc(`tickets/${id}`);
  const legacy = { ...(await ref.get()).data() };
  for (const f of ['open', 'deadlineRunning', 'awaitingSignoff', 'scopeKeys', 'sortReceived', 'sortDue', 'searchTokens', 'branchPath']) delete legacy[f];
  await ref.delete(); // the npm emulator's set() merges: delete first to store exactly the legacy fields
  await ref.set(legacy);
  expect((await all('u-business-head', { search: '旧数据' }, 5)).rows).toEqual([]);
  await backfillListFields(db);
  const before = (await ref.get()).data();
  await backfillListFields(db);
  expect((await ref.get()).data()).toEqual(before);
  expect(before?.['branchPath']).toEqual(['br-city']); // c-1's branch, the top of the tree
  expect((await all('u-business-head', { search: '旧数据' }, 5)).rows.map((r) => r.id)).toEqual([id]);
  expect((await all('u-business-head', { queue: 'department' }, 50)).rows.map((r) => r.id)).toContain(id);
});

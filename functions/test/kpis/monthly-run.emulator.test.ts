/**
 * The monthly run on the emulator with a clock: work in October → aggregates; build on 1 Nov
 * (approvers told, twice-safe) → approve (frozen, published to the department) → a late change
 * to an October ticket goes to November's corrections, never into the published October →
 * reminder on the 3rd and escalation on the 5th for drafts, once. Bad input refused with codes.
 * Rebuild: no difference on clean data; a tampered aggregate is reported and fixed only on confirmation.
 */
import { emulatorProject } from '../../../test/support/emulator';
import { authOf, seedOrgWithExtras, tokenOf } from '../../../test/support/fixtures';
import { ManualClock } from '../../src/domain/clock';
import { useClock } from '../../src/lib/clock';
import { createTicket } from '../../src/callables/create-ticket';
import { transitionTicket } from '../../src/callables/transition-ticket';
import { approveKpiSnapshot } from '../../src/callables/kpis/approve-kpi-snapshot';
import { commentKpiSnapshot } from '../../src/callables/kpis/comment-kpi-snapshot';
import { decideKpiRebuild } from '../../src/callables/kpis/decide-kpi-rebuild';
import { listKpiSnapshots } from '../../src/callables/kpis/list-kpi-snapshots';
import { requestKpiRebuild } from '../../src/callables/kpis/request-kpi-rebuild';
import { setKpiTargets } from '../../src/callables/kpis/set-kpi-targets';
import { getKpiMonth } from '../../src/callables/kpis/get-kpi-month';
import { getKpiTrend } from '../../src/callables/kpis/get-kpi-trend';
import { getMyKpis } from '../../src/callables/kpis/get-my-kpis';
import { listKpiTickets } from '../../src/callables/kpis/list-kpi-tickets';
import { routeNewTicket } from '../../src/store/route-ticket';
import { buildMonth, chaseMonth } from '../../src/store/kpis/monthly';
import { FieldValue } from 'firebase-admin/firestore';
import ExcelJS from 'exceljs';
import { exportKpiReport } from '../../src/callables/kpis/export-kpi-report';

jest.setTimeout(60_000);
const { db, fft, cleanup } = emulatorProject('kpi-monthly');
const file = fft.wrap(createTicket);
const fire = fft.wrap(transitionTicket);
const approve = fft.wrap(approveKpiSnapshot);
const comment = fft.wrap(commentKpiSnapshot);
const targets = fft.wrap(setKpiTargets);
const month = fft.wrap(getKpiMonth);
const mine = fft.wrap(getMyKpis);
const trend = fft.wrap(getKpiTrend);
const snapshots = fft.wrap(listKpiSnapshots);
const drill = fft.wrap(listKpiTickets);
const rebuild = fft.wrap(requestKpiRebuild);
const decide = fft.wrap(decideKpiRebuild);
const exportReport = fft.wrap(exportKpiReport);

const at = (s: string): Date => new Date(`${s.replace(' ', 'T')}:00+08:00`);
const clock = new ManualClock(at('2025-10-20 09:00'));
const call = <T>(fn: (r: never) => unknown, uid: string, data: Record<string, unknown>) =>
  fn({ data, auth: tokenOf(uid) } as never) as Promise<T>;

async function refusal(p: Promise<unknown>): Promise<{ code: string; reason?: string; params?: Record<string, unknown> }> {
  try {
    await p;
  } catch (e) {
    const err = e as { code: string; details?: { reason?: string; params?: Record<string, unknown> } };
    return { code: err.code, reason: err.details?.reason, params: err.details?.params };
  }
  throw new Error('expected a refusal');
}

async function act(uid: string, ticketId: string, action: string, when: string, fields: Record<string, unknown> = {}) {
  clock.set(at(when));
  const snap = await db.doc(`tickets/${ticketId}`).get();
  return fire({ data: { ticketId, action, expectedState: snap.get('state'), expectedSeq: snap.get('lastEventSeq'), ...fields }, auth: authOf(uid) } as never);
}

async function complaint(when: string, title: string): Promise<string> {
  clock.set(at(when));
  const requestId = `kpi-${title.length}-${when.replace(/\D/g, '')}`;
  const { ticketId } = await file({ data: { requestId, clientId: 'c-1', channel: 'hotline', kind: 'complaint', subject: 'service_attitude', title }, auth: authOf('u-intake') } as never) as { ticketId: string };
  await routeNewTicket(db, ticketId, at(when)); // quality owns complaints in the fixture routing
  return ticketId;
}

/** A complaint from intake to closed, confirmed against the business staff member. */
async function closedComplaint(day: string, title: string): Promise<string> {
  const id = await complaint(`${day} 09:00`, title);
  await act('u-quality-1', id, 'accept', `${day} 09:30`);
  await act('u-quality-head', id, 'resolve', `${day} 11:00`, { cause: '态度生硬', measures: '批评教育，致歉' });
  await act('u-intake', id, 'callback', `${day} 15:00`, { outcome: 'reached', satisfied: true, score: 4, awareOfChannel: true, comments: '' });
  await act('u-quality-2', id, 'verify', `${day} 16:00`, { evidence: '已整改', responsibleUid: 'u-business-1' });
  return id;
}

const exists = async (path: string) => (await db.doc(path).get()).exists;
const notificationsOf = async (type: string) => (await db.collection('notifications').where('type', '==', type).get()).docs.map((d) => d.data());

let open: string;
const Q = '2025-10_dept_dept-quality';

beforeAll(async () => {
  useClock(clock);
  await seedOrgWithExtras(db);
  await closedComplaint('2025-10-20', '收银员态度差');
  await closedComplaint('2025-10-22', '再次态度差');
  open = await complaint('2025-10-24 10:00', '仍在处理的投诉');
});
afterAll(cleanup);

describe('the monthly run', () => {
  test('October live: figures from the aggregates; the business staff member is flagged and sees their own figures', async () => {
    clock.set(at('2025-10-31 18:00'));
    const v = await call<{ source: string; figures: Array<{ kpi: string; value: number | null }>; flags: unknown[] }>(month, 'u-quality-head', { month: '2025-10', deptId: 'dept-quality' });
    expect(v.source).toBe('live');
    const f = Object.fromEntries(v.figures.map((x) => [x.kpi, x.value]));
    expect(f).toMatchObject({ received: 3, onTimeRate: 1, callbackRate: 1, satisfactionRate: 1, confirmedComplaints: 2 });
    expect(v.flags).toEqual([{ uid: 'u-business-1', confirmedComplaints: 2 }]);
    expect(await call(mine, 'u-business-1', { month: '2025-10' })).toMatchObject({ uid: 'u-business-1', confirmedComplaints: 2 });
  });

  test('staff may not read their department\'s live figures; drill-down honours ticket rights', async () => {
    expect(await refusal(call(month, 'u-business-1', { month: '2025-10', deptId: 'dept-business' }))).toMatchObject({ code: 'permission-denied', reason: 'kpis.scope_denied' });
    expect(await refusal(call(month, 'u-business-head', { month: '2025-10', deptId: 'dept-quality' }))).toMatchObject({ code: 'permission-denied', reason: 'kpis.scope_denied' });
    const forQuality = await call<{ tickets: unknown[]; hidden: number }>(drill, 'u-quality-1', { month: '2025-10', branchId: 'br-city', kind: 'complaint' });
    expect(forQuality.tickets).toHaveLength(3);
    const forEngineer = await call<{ tickets: unknown[]; hidden: number }>(drill, 'u-engineer', { month: '2025-10', branchId: 'br-city', kind: 'complaint' });
    expect(forEngineer).toEqual({ tickets: [], hidden: 3 });
  });

  test('approving a month that is not over is refused', async () => {
    expect(await refusal(call(approve, 'u-quality-head', { snapshotId: Q }))).toMatchObject({ code: 'failed-precondition', reason: 'kpis.month_not_closed', params: { month: '2025-10' } });
  });

  test('built on the 1st: one draft per branch and department, approvers told once, even if run twice', async () => {
    const now = at('2025-11-01 01:00');
    clock.set(now);
    const first = await buildMonth(db, '2025-10', now);
    expect(first.created).toContain(Q);
    expect(first.created).toContain('2025-10_branch_br-city');
    const second = await buildMonth(db, '2025-10', now);
    expect(second.created).toEqual([]);
    expect(second.existing.sort()).toEqual(first.created.sort());
    const built = await notificationsOf('kpi_built');
    expect(built.filter((n) => n.ticketId === Q).map((n) => n.uid)).toEqual(['u-quality-head']);
    expect(built.filter((n) => n.ticketId === '2025-10_branch_br-city').map((n) => n.uid)).toEqual(['u-leader']);
    expect(await exists(`mail/kpi_${Q}_built_u-quality-head`)).toBe(true);
  });

  test('review: the head comments the draft; someone else may not approve', async () => {
    await call(comment, 'u-quality-head', { snapshotId: Q, commentary: '两起服务态度投诉，已约谈。' });
    expect(await refusal(call(approve, 'u-business-head', { snapshotId: Q }))).toMatchObject({ code: 'permission-denied', reason: 'kpis.not_approver' });
  });

  test('approved: frozen and published to the department; approving twice and editing are refused', async () => {
    clock.set(at('2025-11-02 10:00'));
    expect(await call(approve, 'u-quality-head', { snapshotId: Q })).toMatchObject({ status: 'approved' });
    const published = (await notificationsOf('kpi_published')).filter((n) => n.ticketId === Q).map((n) => n.uid).sort();
    expect(published).toEqual(['u-quality-1', 'u-quality-2']); // the department, not the approver
    expect(await refusal(call(approve, 'u-quality-head', { snapshotId: Q }))).toMatchObject({ code: 'failed-precondition', reason: 'kpis.already_approved' });
    expect(await refusal(call(comment, 'u-quality-head', { snapshotId: Q, commentary: '改' }))).toMatchObject({ code: 'failed-precondition', reason: 'kpis.snapshot_frozen' });
    // Now the department reads the published month.
    const v = await call<{ source: string; commentary: string }>(month, 'u-quality-1', { month: '2025-10', deptId: 'dept-quality' });
    expect(v).toMatchObject({ source: 'published', commentary: '两起服务态度投诉，已约谈。' });
  });

  test('a late change to an October ticket: October stays as published, November reports it as a correction', async () => {
    await act('u-quality-head', open, 'cancel', '2025-11-10 10:00', { reason: 'malicious', note: '经核实不实' });
    const oct = await call<{ source: string; counters: Record<string, number> }>(month, 'u-quality-head', { month: '2025-10', deptId: 'dept-quality' });
    expect(oct.source).toBe('published');
    expect(oct.counters.cancelled ?? 0).toBe(0);
    const now = at('2025-12-01 01:00');
    clock.set(now);
    await buildMonth(db, '2025-11', now);
    const nov = (await db.doc('kpiSnapshots/2025-11_dept_dept-quality').get()).data()!;
    expect(nov.corrections).toEqual([{ month: '2025-10', c: { cancelled: 1 } }]);
    // The trend shows October as published (frozen) and November as it stands.
    const t = await call<{ months: Array<{ month: string; source: string; counters: Record<string, number> }> }>(trend, 'u-quality-head', { endMonth: '2025-11', months: 2, deptId: 'dept-quality' });
    expect(t.months.map((m) => [m.month, m.source, m.counters.received ?? 0, m.counters.cancelled ?? 0])).toEqual([['2025-10', 'published', 3, 0], ['2025-11', 'live', 0, 0]]);
    // The head sees the snapshots they approve; leadership all of them.
    const own = await call<{ snapshots: Array<{ id: string }> }>(snapshots, 'u-quality-head', { month: '2025-11' });
    expect(own.snapshots.map((x) => x.id)).toEqual(['2025-11_dept_dept-quality']);
    const all = await call<{ snapshots: Array<{ id: string }> }>(snapshots, 'u-leader', { month: '2025-11' });
    expect(all.snapshots.length).toBeGreaterThan(5);
  });

  test('reminder on the 3rd, escalation to leadership on the 5th — drafts only, once each', async () => {
    const third = at('2025-11-03 09:00');
    const r1 = await chaseMonth(db, third);
    expect(r1.reminded).toContain('2025-10_branch_br-city');
    expect(r1.reminded).not.toContain(Q); // approved
    expect(r1.escalated).toEqual([]);
    expect((await chaseMonth(db, at('2025-11-04 09:00'))).reminded).toEqual([]);
    const fifth = await chaseMonth(db, at('2025-11-05 09:00'));
    expect(fifth.escalated).toContain('2025-10_branch_br-city');
    expect(fifth.escalated).not.toContain(Q);
    expect((await chaseMonth(db, at('2025-11-05 09:05'))).escalated).toEqual([]);
    const escalations = (await notificationsOf('kpi_escalation')).filter((n) => n.ticketId === '2025-10_branch_br-city');
    expect(escalations.map((n) => n.uid)).toEqual(['u-leader']);
  });

  test('a target outside 0–100 % is refused with its reason; a good one is saved', async () => {
    clock.set(at('2025-12-02 10:00'));
    expect(await refusal(call(targets, 'u-admin', { year: 2025, targets: { callbackRate: 120 } })))
      .toMatchObject({ code: 'invalid-argument', reason: 'kpis.target_out_of_range', params: { kpi: 'callbackRate', value: 120 } });
    expect(await refusal(call(targets, 'u-quality-1', { year: 2025, targets: { callbackRate: 90 } }))).toMatchObject({ code: 'permission-denied', reason: 'kpis.not_allowed' });
    expect(await call(targets, 'u-admin', { year: 2025, targets: { callbackRate: 90 } })).toMatchObject({ targets: { callbackRate: 90, satisfactionRate: 85 } });
  });

  test('rebuild: none on clean data; a tampered aggregate is reported, and fixed only when an admin confirms', async () => {
    const clean = await call<{ rebuildId: string; differences: Record<string, unknown>; ticketsScanned: number }>(rebuild, 'u-admin', { month: '2025-10' });
    expect(clean.ticketsScanned).toBe(3);
    expect(clean.differences).toEqual({});
    const agg = db.doc('kpiAggregates/2025-10_br-city_dept-quality');
    await agg.set({ c_received: FieldValue.increment(5) }, { merge: true });
    const dirty = await call<{ rebuildId: string; differences: Record<string, unknown> }>(rebuild, 'u-admin', { month: '2025-10' });
    expect(dirty.differences).toEqual({ '2025-10_br-city_dept-quality': { received: -5 } });
    expect((await agg.get()).get('c_received')).toBe(8); // nothing changed yet
    expect(await refusal(call(decide, 'u-quality-head', { rebuildId: dirty.rebuildId, apply: true }))).toMatchObject({ code: 'permission-denied' });
    expect(await call(decide, 'u-admin', { rebuildId: dirty.rebuildId, apply: true })).toEqual({ status: 'applied', changed: 1 });
    expect((await agg.get()).get('c_received')).toBe(3);
    expect(await refusal(call(decide, 'u-admin', { rebuildId: dirty.rebuildId, apply: true }))).toMatchObject({ reason: 'kpis.rebuild_not_pending' });
  });

  test('reports: the quarterly report and a client\'s monthly brief come back as XLSX workbooks', async () => {
    const q = await call<{ filename: string; base64: string }>(exportReport, 'u-leader', { type: 'quarterly', quarter: '2025-Q4', branchId: 'br-city' });
    expect(q.filename).toBe('huixiang-2025-Q4-br-city.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(q.base64, 'base64') as never);
    const kpis = wb.getWorksheet('指标 KPIs')!;
    const header = kpis.getRow(1).values as unknown[];
    expect(header).toEqual(expect.arrayContaining(['2025-10（实时）', '2025-11（实时）']));
    const received = kpis.getColumn(1).values.findIndex((v) => String(v).startsWith('受理量'));
    expect(kpis.getRow(received).getCell(2).value).toBe(3); // October, branch: the three complaints
    const brief = await call<{ filename: string; base64: string }>(exportReport, 'u-quality-head', { type: 'client_brief', month: '2025-10', clientId: 'c-1' });
    const b = new ExcelJS.Workbook();
    await b.xlsx.load(Buffer.from(brief.base64, 'base64') as never);
    const rows = b.worksheets[0]!.getSheetValues().filter(Boolean).map((r) => (r as unknown[]).slice(1));
    expect(rows.filter((r) => String(r[0]).startsWith('HX-'))).toHaveLength(3);
    expect(await refusal(call(exportReport, 'u-intake', { type: 'quarterly', quarter: '2025-Q4' }))).toMatchObject({ code: 'permission-denied', reason: 'kpis.not_allowed' });
  });
});

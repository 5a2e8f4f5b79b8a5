import { emulatorProject } from '../../../test/support/emulator';
import { ManualClock } from '../../src/domain/clock';
import { useClock } from '../../src/lib/clock';
import { getVisitPlan } from '../../src/callables/clients/get-visit-plan';
import { recordVisit } from '../../src/callables/clients/record-visit';
import { visitCoverage } from '../../src/callables/clients/visit-coverage';
import { saveMonthlyScore } from '../../src/callables/clients/save-monthly-score';
import { listSpotChecks } from '../../src/callables/clients/list-spot-checks';
import { recordSpotCheck } from '../../src/callables/clients/record-spot-check';
import { spotCheckRollup } from '../../src/callables/clients/spot-check-rollup';
import { publishSpotCheckResults } from '../../src/callables/clients/publish-spot-check-results';
import { clientMonthly } from '../../src/schedules/client-monthly';
import { drawMonthlySpotChecks } from '../../src/store/clients/spot-checks';
import { caller, refusal, seedClientOrg } from './fixtures';

jest.setTimeout(60_000);
const { db, fft, cleanup } = emulatorProject('clients-visits');
const call = caller(fft.wrap as never);
const clock = new ManualClock(new Date('2026-11-16T02:00:00Z')); // Mon 16 Nov, Shanghai

const client = (i: number, tier: 'A' | 'B' | 'C', manager: string, branchId = 'br-city') => ({
  name: `客户${i}`, code: `V${i}`, branchId, tier, marketType: 'C', format: 'Z', scale: tier === 'A' ? 1 : tier === 'B' ? 2 : 3,
  zone: 'city_a', accountManagerUid: manager, routeId: i % 2 ? 'R1' : 'R2',
});

beforeAll(async () => {
  useClock(clock);
  await seedClientOrg(db);
  const batch = db.batch();
  batch.set(db.doc('clients/v1'), client(1, 'A', 'u-onsite-2'));
  batch.set(db.doc('clients/v2'), client(2, 'C', 'u-onsite-2'));
  for (let i = 3; i <= 22; i++) batch.set(db.doc(`clients/v${i}`), client(i, 'B', 'u-onsite-county', 'br-county'));
  await batch.commit();
});
afterAll(cleanup);

describe('visits', () => {
  test('the plan follows the tier rule: A weekly, C fortnightly', async () => {
    const plan = await call<{ items: Array<{ clientId: string; periods: unknown[]; services: string[] }> }>(getVisitPlan, 'u-onsite-2', { month: '2026-11' });
    expect(plan.items.map((i) => [i.clientId, i.periods.length])).toEqual([['v1', 4], ['v2', 2]]);
    expect(plan.items[0]!.services).toContain('scarce_supply'); // A's 亲情服务
    expect(plan.items[1]!.services).not.toContain('scarce_supply');
  });

  test('a visit records services of the client\'s tier; only its account manager records it; twice is once', async () => {
    const v = { clientId: 'v1', date: '2026-11-03', services: ['display', 'scarce_supply'], notes: '整理烟柜' };
    expect(await call(recordVisit, 'u-onsite-2', v)).toMatchObject({ created: true });
    expect(await call(recordVisit, 'u-onsite-2', v)).toMatchObject({ created: false });
    await call(recordVisit, 'u-onsite-2', { ...v, date: '2026-11-10' });
    expect((await refusal(call(recordVisit, 'u-onsite-2', { ...v, clientId: 'v2' }))).details?.reason).toBe('clients.service_not_in_tier');
    expect((await refusal(call(recordVisit, 'u-onsite', v))).code).toBe('permission-denied');
    expect((await refusal(call(recordVisit, 'u-onsite-2', { ...v, date: '2026-11-20' }))).details?.reason).toBe('clients.visit_in_future');
  });

  test('coverage per manager, route and branch; missed periods listed', async () => {
    const cov = await call<{ byManager: Array<{ key: string; coverage: number; periods: number; periodsMet: number }>; byRoute: Array<{ key: string; coverage: number }>; missed: Array<{ clientId: string }> }>(
      visitCoverage, 'u-business-head', { month: '2026-11' });
    expect(cov.byManager).toEqual([{ key: 'u-onsite', clients: 1, visitedClients: 0, coverage: 0, periods: 4, periodsMet: 0 },
      { key: 'u-onsite-2', clients: 2, visitedClients: 1, coverage: 0.5, periods: 6, periodsMet: 2 }]);
    expect(cov.missed.map((m) => m.clientId).sort()).toEqual(['c-3', 'c-3', 'v2']);
    // The managers by name, for the coverage table.
    expect((cov as unknown as { managerNames: Record<string, string> }).managerNames).toEqual(expect.objectContaining({ 'u-onsite': expect.any(String), 'u-onsite-2': expect.any(String) }));
    expect((await refusal(call(visitCoverage, 'u-onsite-2', { month: '2026-11' }))).code).toBe('permission-denied');
    expect((await refusal(call(visitCoverage, 'u-business-head', { month: '2026-11', branchId: 'br-county' }))).code).toBe('permission-denied');
  });

  test('the monthly score has a deadline; a late one is marked late', async () => {
    expect(await call(saveMonthlyScore, 'u-onsite-2', { clientId: 'v1', month: '2026-11', score: 88 })).toEqual({ dueAt: '2026-11-30T15:59:59.999Z', late: false });
    expect((await refusal(call(saveMonthlyScore, 'u-onsite', { clientId: 'v1', month: '2026-11', score: 88 }))).code).toBe('permission-denied');
  });
});

describe('the monthly schedule', () => {
  const run = async (at: string) => {
    clock.set(new Date(at));
    await (clientMonthly as unknown as { run: (e: object) => Promise<void> }).run({});
  };

  test('on the reminder day account managers with unscored clients are reminded once', async () => {
    await run('2026-11-25T01:00:00Z');
    await run('2026-11-25T01:05:00Z');
    const n = await db.collection('notifications').where('type', '==', 'client_score_due').get();
    expect(n.docs.map((d) => d.get('uid')).sort()).toEqual(['u-onsite', 'u-onsite-2', 'u-onsite-county']);
  });

  test('on the 1st: last month\'s missed visits go to supervision, the month\'s sample is drawn — each once', async () => {
    await run('2026-12-01T00:00:00Z');
    await run('2026-12-01T00:10:00Z');
    const misses = await db.doc('visitMisses/2026-11_br-city').get();
    expect((misses.get('missed') as unknown[]).length).toBeGreaterThan(0);
    const told = (await db.collection('notifications').where('type', '==', 'visits_missed').get()).docs.filter((d) => d.id.startsWith('visit-misses-2026-11-br-city'));
    expect(told.map((d) => d.get('uid')).sort()).toEqual(['u-eval', 'u-quality-1', 'u-quality-2', 'u-quality-head']);
    const samples = await db.collection('spotCheckSamples').where('month', '==', '2026-12').get();
    expect(samples.docs.map((d) => d.id).sort()).toEqual([
      '2026-12_city_all', '2026-12_county_br-county', '2026-12_department_br-city', '2026-12_department_br-county']);
    expect(new Set(samples.docs.map((d) => d.get('seed'))).size).toBe(1);
  });
});

describe('spot checks', () => {
  test('department level covers every account manager; the draw is reproducible from the recorded seed', async () => {
    const dept = (await db.doc('spotCheckSamples/2026-12_department_br-county').get()).data()!;
    expect(dept.entries).toEqual([{ staffUid: 'u-onsite-county', clientIds: expect.any(Array) }]);
    expect(dept.entries[0].clientIds).toHaveLength(2); // ⌈10 % of 20⌉
    const again = await drawMonthlySpotChecks(db, '2026-12', clock.now(), 1);
    expect(again.drawn).toBe(false); // drawn once per month
    const all = await db.collection('spotCheckSamples').get();
    await Promise.all(all.docs.map((d) => d.ref.delete()));
    await drawMonthlySpotChecks(db, '2026-12', clock.now(), dept.seed);
    expect((await db.doc('spotCheckSamples/2026-12_department_br-county').get()).get('entries')).toEqual(dept.entries);
  });

  test('the checker records a call; a finding opens a complaint; results roll up per staff member', async () => {
    const sampleId = '2026-12_department_br-county';
    const [c1, c2] = ((await db.doc(`spotCheckSamples/${sampleId}`).get()).get('entries') as Array<{ clientIds: string[] }>)[0]!.clientIds;
    const check = { sampleId, clientId: c1, method: 'call', reached: true, satisfaction: 2, findings: '客户经理两周未到店', openTicket: true,
      questions: [{ question: '客户经理是否每周拜访?', answer: '没有' }] };
    expect((await refusal(call(recordSpotCheck, 'u-business-head', check))).code).toBe('permission-denied');
    const r = await call<{ ticketId: string }>(recordSpotCheck, 'u-county-quality', check);
    expect((await db.doc(`tickets/${r.ticketId}`).get()).data()).toMatchObject({ kind: 'complaint', clientId: c1, state: 'received' });
    expect((await refusal(call(recordSpotCheck, 'u-county-quality', check))).details?.reason).toBe('clients.already_recorded');
    await call(recordSpotCheck, 'u-county-quality', { sampleId, clientId: c2, method: 'call', reached: true, satisfaction: 4 });
    expect((await refusal(call(recordSpotCheck, 'u-county-quality', { sampleId, clientId: 'v1', method: 'call', reached: false }))).details?.reason).toBe('clients.not_in_sample');
    const rollup = await call<{ staff: unknown[] }>(spotCheckRollup, 'u-county-quality', { month: '2026-12' });
    expect(rollup.staff).toEqual([{ staffUid: 'u-onsite-county', checked: 2, reached: 2, findings: 1, byLevel: { department: 2 }, meanSatisfaction: 3 }]);
    expect((await call<{ staff: unknown[] }>(spotCheckRollup, 'u-onsite-county', { month: '2026-12' })).staff).toHaveLength(1); // own results
    expect((await call<{ staff: unknown[] }>(spotCheckRollup, 'u-onsite-2', { month: '2026-12', branchId: 'br-county' })).staff).toHaveLength(0);
    expect(await call(publishSpotCheckResults, 'u-county-quality', { month: '2026-12' })).toEqual({ published: 1 });
    expect(await call(publishSpotCheckResults, 'u-county-quality', { month: '2026-12' })).toEqual({ published: 0 });
    const told = await db.collection('notifications').where('type', '==', 'spot_check_results').get();
    expect(told.docs.map((d) => [d.get('uid'), d.get('body')])).toEqual([['u-onsite-county', '抽查 2 户，联系上 2 户，平均满意度 3，发现问题 1 项']]);
    expect((await refusal(call(publishSpotCheckResults, 'u-onsite-county', { month: '2026-12' }))).code).toBe('permission-denied');
  });

  test('samples are listed to checkers of the branch and oversight only', async () => {
    const list = async (uid: string) => (await call<{ samples: Array<{ id: string }> }>(listSpotChecks, uid, { month: '2026-12' })).samples.map((s) => s.id).sort();
    expect(await list('u-county-quality')).toEqual(['2026-12_city_all', '2026-12_county_br-county', '2026-12_department_br-county']);
    expect(await list('u-eval')).toHaveLength(4);
    expect(await list('u-onsite-2')).toEqual([]);
  });
});

/**
 * The clients area's callables × role (own / other branch, account manager of the client or not):
 * who is refused by the policy (`permission-denied`) and who gets past it. Callables that filter
 * rows instead of refusing (search, export, template, sample list, roll-up) are allowed for all.
 */
import { emulatorProject } from '../../../test/support/emulator';
import { tokenOf } from '../../../test/support/fixtures';
import { ManualClock } from '../../src/domain/clock';
import { useClock } from '../../src/lib/clock';
import { CLIENT_CALLABLES } from './access-matrix';
import { seedClientOrg } from './fixtures';
import { useImportQueue } from '../../src/store/clients/import';

jest.setTimeout(60_000);
const { db, fft, cleanup } = emulatorProject('clients-matrix');
const ACTORS = ['u-onsite', 'u-business-head', 'u-quality-1', 'u-county', 'u-auditor'] as const;
type Who = (typeof ACTORS)[number];
const ALL = ACTORS;
const now = new Date('2026-11-23T02:00:00Z');

const ALLOWED: Record<keyof typeof CLIENT_CALLABLES, { allowed: readonly Who[]; data: (uid: Who) => unknown }> = {
  createClient: { allowed: ['u-business-head'], data: (uid) => ({ code: `M-${uid}`, branchId: 'br-city', name: 'x', marketType: 'C', format: 'Z', zone: 'city_a' }) },
  updateClient: { allowed: ['u-onsite', 'u-business-head'], data: () => ({ clientId: 'c-3', expectedVersion: 0, patch: { notes: 'x' } }) },
  deactivateClient: { allowed: ['u-county'], data: () => ({ clientId: 'c-2', reason: '停业' }) },
  getClient: { allowed: ['u-onsite', 'u-business-head', 'u-quality-1', 'u-auditor'], data: () => ({ clientId: 'c-3' }) },
  findClients: { allowed: ALL, data: () => ({}) },
  exportClients: { allowed: ALL, data: () => ({}) },
  clientImportTemplate: { allowed: ALL, data: () => ({ kind: 'clients' }) },
  startClientImport: { allowed: ['u-business-head', 'u-county'], data: () => ({ kind: 'purchases', fileName: 'a.csv', contentBase64: Buffer.from('客户编码,月份,购进数量(条),购进金额(元)').toString('base64') }) },
  getClientImport: { allowed: ['u-business-head'], data: () => ({ jobId: 'job-city' }) },
  previewClassification: { allowed: ['u-business-head', 'u-quality-1', 'u-auditor'], data: () => ({ quarter: '2026-Q3' }) },
  applyClassification: { allowed: ['u-business-head'], data: () => ({ quarter: '2026-Q3' }) },
  overrideClientTier: { allowed: ['u-business-head'], data: () => ({ clientId: 'c-3', tier: 'A', reason: '重点' }) },
  // (a business head of another branch is refused too: the archive test checks it)
  saveMonthlyScore: { allowed: ['u-onsite'], data: () => ({ clientId: 'c-3', month: '2026-11', score: 80 }) },
  getVisitPlan: { allowed: ['u-onsite', 'u-business-head', 'u-quality-1', 'u-auditor'], data: () => ({ month: '2026-11', managerUid: 'u-onsite' }) },
  recordVisit: { allowed: ['u-onsite'], data: () => ({ clientId: 'c-3', date: '2026-11-20', services: ['display'] }) },
  visitCoverage: { allowed: ['u-business-head', 'u-quality-1', 'u-auditor'], data: () => ({ month: '2026-11' }) },
  listSpotChecks: { allowed: ALL, data: () => ({ month: '2026-11' }) },
  recordSpotCheck: { allowed: ['u-quality-1'], data: () => ({ sampleId: '2026-11_department_br-city', clientId: 'c-3', method: 'call', reached: true, satisfaction: 4 }) },
  spotCheckRollup: { allowed: ALL, data: () => ({ month: '2026-11' }) },
  publishSpotCheckResults: { allowed: ['u-quality-1'], data: () => ({ month: '2026-11' }) },
};

beforeAll(async () => {
  useClock(new ManualClock(now));
  useImportQueue(async () => undefined);
  await seedClientOrg(db);
  await db.doc('spotCheckSamples/2026-11_department_br-city').set({
    month: '2026-11', level: 'department', branchId: 'br-city', seed: 1, entries: [{ staffUid: 'u-onsite', clientIds: ['c-3'] }], createdAt: now,
  });
  await db.doc('importJobs/job-city').set({
    kind: 'purchases', fileName: 'a.csv', branchId: 'br-city', state: 'done', rowsTotal: 0, rowsDone: 0, chunksTotal: 0, chunksDone: 0,
    months: [], createdBy: 'u-business-head', createdAt: now, updatedAt: now,
  });
});
afterAll(async () => {
  useImportQueue(null);
  await cleanup();
});

const rows = Object.entries(ALLOWED).flatMap(([name, row]) => ACTORS.map((uid) => [name, uid, row.allowed.includes(uid)] as const));
test.each(rows)('%s as %s → allowed: %s', async (name, uid, allowed) => {
  const fn = CLIENT_CALLABLES[name as keyof typeof CLIENT_CALLABLES];
  const row = ALLOWED[name as keyof typeof CLIENT_CALLABLES];
  let code = 'ok';
  try {
    await fft.wrap(fn as never)({ data: row.data(uid), auth: tokenOf(uid) } as never);
  } catch (e) {
    code = (e as { code?: string }).code ?? String(e).slice(0, 300);
  }
  const outcome = code === 'permission-denied' ? code : `passed the policy (${code})`;
  if (allowed) expect(outcome).not.toBe('permission-denied');
  else expect(outcome).toBe('permission-denied');
});

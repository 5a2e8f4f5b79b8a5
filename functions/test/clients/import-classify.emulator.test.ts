import { emulatorProject } from '../../../test/support/emulator';
import { ManualClock } from '../../src/domain/clock';
import { useClock } from '../../src/lib/clock';
import { startClientImport } from '../../src/callables/clients/start-client-import';
import { getClientImport } from '../../src/callables/clients/get-client-import';
import { clientImportTemplate } from '../../src/callables/clients/client-import-template';
import { previewClassification } from '../../src/callables/clients/preview-classification';
import { overrideClientTier } from '../../src/callables/clients/override-client-tier';
import { reclassifyClients } from '../../src/schedules/reclassify-clients';
import { gridToXlsx, readGrid } from '../../src/store/clients/files';
import { runImportJob, useImportQueue } from '../../src/store/clients/import';
import { caller, refusal, seedClientOrg } from './fixtures';

jest.setTimeout(120_000);
const { db, fft, cleanup } = emulatorProject('clients-import');
const call = caller(fft.wrap as never);
const clock = new ManualClock(new Date('2026-10-07T02:00:00Z')); // during the National Day holiday
const queued: string[] = [];
const N = 400;
const code = (i: number) => `P${String(i).padStart(4, '0')}`;
const b64 = (s: string | Buffer) => Buffer.from(s).toString('base64');

beforeAll(async () => {
  useClock(clock);
  useImportQueue(async (jobId) => { queued.push(jobId); });
  await seedClientOrg(db);
  for (let start = 0; start < N; start += 200) {
    const batch = db.batch();
    for (let i = start; i < start + 200; i++) {
      batch.set(db.doc(`clients/p${i}`), {
        name: `商户${i}`, code: code(i), branchId: 'br-city', tier: 'B', marketType: 'C', format: 'Z', scale: 2, zone: 'city_b',
        accountManagerUid: 'u-onsite-2',
      });
    }
    await batch.commit();
  }
});
afterAll(async () => {
  useImportQueue(null);
  await cleanup();
});

const HEADER = '客户编码,客户名称,月份,购进数量(条),购进金额(元)';
const quarterCsv = () => [HEADER, ...['2026-07', '2026-08', '2026-09'].flatMap((m) =>
  Array.from({ length: N }, (_, i) => `${code(i)},商户${i},${m},${i + 1},"${((i + 1) * 150).toLocaleString('en-US')}.00"`))].join('\n');

describe('purchase import', () => {
  test('the template has the expected Chinese headers', async () => {
    const { contentBase64 } = await call<{ contentBase64: string }>(clientImportTemplate, 'u-business-head', { kind: 'purchases' });
    const grid = await readGrid('t.xlsx', Buffer.from(contentBase64, 'base64'));
    expect(grid[0]).toEqual(['客户编码', '客户名称', '月份', '购进数量(条)', '购进金额(元)']);
  });

  test('dry run names every bad row and column in both languages; nothing is written', async () => {
    const csv = [HEADER,
      `${code(1)},,2026-07,10,100`,
      `${code(1)},,2026-07,11,110`, // duplicate client + month
      `${code(2)},,2026-08,十,100`, // not a number
      `${code(3)},,2026-12,1,1`, // future month
      'NOPE,,2026-07,1,1', // unknown client
      `${code(4)},,July,1,1`, // bad month
    ].join('\n');
    const r = await call<{ rowsOk: number; errors: Array<{ row: number; column: string; reason: { 'zh-CN': string; en: string } }> }>(
      startClientImport, 'u-business-head', { kind: 'purchases', fileName: 'bad.csv', contentBase64: b64(csv) });
    expect(r.rowsOk).toBe(1);
    expect(r.errors.map((e) => [e.row, e.column])).toEqual([[3, '客户编码'], [4, '购进数量(条)'], [5, '月份'], [6, '客户编码'], [7, '月份']]);
    expect(r.errors[2]!.reason).toEqual({ 'zh-CN': '月份 2026-12 尚未到来', en: 'month 2026-12 is in the future' });
    const wrong = await call<{ errors: Array<{ row: number; column: string }> }>(startClientImport, 'u-business-head',
      { kind: 'purchases', fileName: 'x.csv', contentBase64: b64('编码,月份\nP1,2026-07') });
    expect(wrong.errors.map((e) => e.column)).toEqual(['编码', '客户编码', '购进数量(条)', '购进金额(元)']);
    const refused = await refusal(call(startClientImport, 'u-business-head', { kind: 'purchases', fileName: 'bad.csv', contentBase64: b64(csv), dryRun: false }));
    expect(refused).toMatchObject({ code: 'invalid-argument', details: { reason: 'clients.import_invalid' } });
    const junk = await refusal(call(startClientImport, 'u-business-head', { kind: 'purchases', fileName: 'junk.xlsx', contentBase64: b64('not a zip'), dryRun: true }));
    expect(junk).toMatchObject({ code: 'invalid-argument', details: { reason: 'clients.import_unreadable' } });
    expect((await db.collection('purchases').get()).size).toBe(0);
    expect((await db.collection('importJobs').get()).size).toBe(0);
    expect(queued).toEqual([]);
  });

  test('an interrupted import leaves its months marked (classification refuses them) and resumes to the end', async () => {
    const csv = quarterCsv();
    const r = await call<{ jobId: string; state: string; rowsOk: number }>(startClientImport, 'u-business-head', { kind: 'purchases', fileName: 'q3.csv', contentBase64: b64(csv), dryRun: false });
    expect(r).toMatchObject({ state: 'pending', rowsOk: 3 * N });
    expect(queued).toEqual([r.jobId]);
    await expect(runImportJob(db, r.jobId, () => clock.now(), { crashAfterChunks: 1 })).rejects.toThrow(/simulated crash/);
    const mid = await call<{ state: string; rowsDone: number; progress: number }>(getClientImport, 'u-business-head', { jobId: r.jobId });
    expect(mid).toMatchObject({ state: 'running', rowsDone: 450, resumed: false });
    clock.advance(10 * 60_000); // nobody has touched it for 10 minutes: looking at it resumes it
    expect(await call(getClientImport, 'u-business-head', { jobId: r.jobId })).toMatchObject({ resumed: true });
    expect(queued).toEqual([r.jobId, r.jobId]);
    expect((await refusal(call(getClientImport, 'u-county', { jobId: r.jobId }))).code).toBe('permission-denied');
    expect(queued).toHaveLength(2);
    expect((await db.doc('purchaseMonths/2026-07').get()).get('importingJobId')).toBe(r.jobId);
    const busy = await refusal(call(previewClassification, 'u-business-head', { quarter: '2026-Q3' }));
    expect(busy).toMatchObject({ code: 'failed-precondition', details: { reason: 'clients.month_importing' } });

    expect(await runImportJob(db, r.jobId, () => clock.now())).toEqual({ state: 'done', chunks: 2 });
    expect((await db.collection('purchases').get()).size).toBe(3 * N);
    expect((await db.doc(`purchases/p7_2026-08`).get()).data()).toMatchObject({ qty: 8, amount: 1200, clientCode: code(7) });
    expect((await db.doc('purchaseMonths/2026-07').get()).get('importingJobId')).toBeNull();
    expect(await runImportJob(db, r.jobId, () => clock.now())).toEqual({ state: 'done', chunks: 0 }); // redelivered task
  });

  test('importing the same file again changes nothing', async () => {
    const before = (await db.doc('purchases/p7_2026-08').get()).updateTime!;
    const r = await call<{ alreadyImported: boolean }>(startClientImport, 'u-business-head', { kind: 'purchases', fileName: 'q3.csv', contentBase64: b64(quarterCsv()), dryRun: false });
    expect(r.alreadyImported).toBe(true);
    expect(queued).toHaveLength(2);
    expect((await db.doc('purchases/p7_2026-08').get()).updateTime!.isEqual(before)).toBe(true);
  });
});

describe('client import (XLSX)', () => {
  const grid = [
    ['客户编码', '客户名称', '许可证号', '业态', '市场类型', '区域', '客户经理', '线路', '联系电话'],
    ['NEW-1', '新开食杂店', '4301001', '食杂店', 'C', '城市A', '马俊', 'R09', '13700000001'],
    ['NEW-2', '村口小卖部', '4301002', 'Z', '乡村', '农村', '', 'R10', ''],
    [code(5), '商户5(改名)', '', 'Z', 'C', '城市B', '', '', ''],
  ];
  test('creates and updates clients with history; the same rows again add no history', async () => {
    const content = (await gridToXlsx(grid)).toString('base64');
    const dry = await call<{ rowsOk: number; errors: unknown[] }>(startClientImport, 'u-business-head', { kind: 'clients', fileName: 'c.xlsx', contentBase64: content });
    expect(dry).toMatchObject({ rowsOk: 3, errors: [] });
    const { jobId } = await call<{ jobId: string }>(startClientImport, 'u-business-head', { kind: 'clients', fileName: 'c.xlsx', contentBase64: content, dryRun: false });
    await runImportJob(db, jobId, () => clock.now());
    const created = await db.collection('clients').where('code', '==', 'NEW-1').get();
    expect(created.docs[0]!.data()).toMatchObject({ name: '新开食杂店', format: 'Z', zone: 'city_a', accountManagerUid: 'u-onsite-2', combinedCode: 'CZ2', tier: 'B', version: 1 });
    expect((await db.doc('clients/p5').get()).data()).toMatchObject({ name: '商户5(改名)', version: 1 });
    expect((await db.collection('clients/p5/history').get()).docs.map((d) => d.get('type'))).toEqual(['imported']);
    // The same rows as CSV: another file (another job), identical data → no new history.
    const csv = grid.map((r) => r.join(',')).join('\n');
    const again = await call<{ jobId: string }>(startClientImport, 'u-business-head', { kind: 'clients', fileName: 'c.csv', contentBase64: b64(csv), dryRun: false });
    await runImportJob(db, again.jobId, () => clock.now());
    expect((await db.collection('clients/p5/history').get()).size).toBe(1);
  });

  test('duplicate codes and unknown formats / managers are named by row', async () => {
    const bad = [grid[0]!, ['D1', 'a', '', 'Z', 'C', '城市A', '', '', ''], ['D1', 'b', '', 'W', 'C', '城郊', '王五', '', '']];
    const r = await call<{ errors: Array<{ row: number; column: string }> }>(startClientImport, 'u-business-head',
      { kind: 'clients', fileName: 'bad.xlsx', contentBase64: (await gridToXlsx(bad)).toString('base64') });
    expect(r.errors.map((e) => `${e.row}:${e.column}`)).toEqual(['3:客户编码', '3:业态', '3:区域', '3:客户经理']);
  });

  test('only the departments that keep client records import', async () => {
    expect((await refusal(call(startClientImport, 'u-onsite', { kind: 'purchases', fileName: 'q3.csv', contentBase64: b64(quarterCsv()) }))).code).toBe('permission-denied');
  });
});

describe('quarterly classification', () => {
  test('preview shows the changes, nothing written', async () => {
    await call(overrideClientTier, 'u-business-head', { clientId: 'p0', tier: 'A', reason: '重点培育' });
    const p = await call<{ clients: number; scales: Record<string, number>; changes: Array<{ clientId: string; to: { scale: number; tier: string; combinedCode: string } }> }>(
      previewClassification, 'u-business-head', { quarter: '2026-Q3' });
    expect(p.scales['1']).toBeGreaterThanOrEqual(80);
    expect(p.changes.find((c) => c.clientId === 'p399')!.to).toMatchObject({ scale: 1, tier: 'A', combinedCode: 'CZ1' });
    expect(p.changes.find((c) => c.clientId === 'p0')!.to).toMatchObject({ scale: 3, tier: 'A', combinedCode: 'CZ3' }); // override kept
    expect((await db.doc('clients/p399').get()).get('scale')).toBe(2);
    expect((await refusal(call(previewClassification, 'u-business-head', { quarter: '2026-Q4' }))).details?.reason).toBe('clients.quarter_not_over');
    expect((await refusal(call(previewClassification, 'u-onsite', { quarter: '2026-Q3' }))).code).toBe('permission-denied');
  });

  test('the schedule ranks the quarter just ended on the first working day of October, once', async () => {
    const run = (at: string) => {
      clock.set(new Date(at));
      return (reclassifyClients as unknown as { run: (e: object) => Promise<void> }).run({});
    };
    await run('2026-10-07T22:30:00Z'); // Oct 8, 06:30 Shanghai: the first working day after the National Day holiday
    expect((await db.doc('classificationRuns/2026-Q3').get()).data()).toMatchObject({ state: 'applied' });
    const p399 = (await db.doc('clients/p399').get()).data()!;
    expect(p399).toMatchObject({ scale: 1, tier: 'A', combinedCode: 'CZ1', computedTier: 'A' });
    const h = (await db.collection('clients/p399/history').get()).docs.map((d) => d.data());
    expect(h.at(-1)).toMatchObject({ type: 'classified', quarter: '2026-Q3', changes: { scale: { from: 2, to: 1 } } });
    expect((await db.doc('clients/p0').get()).data()).toMatchObject({ scale: 3, tier: 'A', computedTier: 'C' });
    const versions = (await db.doc('clients/p399').get()).get('version');
    await run('2026-10-07T22:31:00Z'); // redelivered
    await run('2026-10-08T22:30:00Z'); // Oct 9: not the first working day
    expect((await db.doc('clients/p399').get()).get('version')).toBe(versions);
    expect((await db.collection('clients/p399/history').get()).size).toBe(h.length);
  });
});

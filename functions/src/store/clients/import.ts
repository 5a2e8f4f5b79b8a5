/**
 * Importing clients and monthly purchases.
 *
 * 1. `checkImport`: the file is read and every row checked; nothing is written. The dry run
 *    returns this report; a real import with any error is refused the same way.
 * 2. `startImport`: the job id is a hash of kind, branch and content, so the same file is the
 *    same job: importing it again returns the finished job and writes nothing. The checked rows
 *    are stored in chunks under the job (`importJobs/{id}/chunks/{n}`), the months the file
 *    touches are marked in flight (`purchaseMonths/{YYYY-MM}.importingJobId`), the job document
 *    is created and a task enqueued.
 * 3. `runImportJob` (the task): chunk by chunk from `chunksDone`, each chunk's writes and the
 *    job's progress in one commit; purchases go to `purchases/{clientId}_{YYYY-MM}` (set:
 *    re-running a chunk writes the same values). An interrupted import **resumes**: the task is
 *    retried (and `getImportJob` re-enqueues a stalled job), continuing after the last
 *    committed chunk. Until it finishes, its months stay marked and classification refuses to
 *    read them, so nobody ever ranks on half a month.
 */
import { createHash } from 'node:crypto';
import type { Firestore } from 'firebase-admin/firestore';
import { getFunctions } from 'firebase-admin/functions';
import type { Actor } from '../../domain/actor';
import { CLIENTS_COL, COL } from '../../domain/collections';
import type { StartImportInput } from '../../domain/clients/api';
import { combinedCode, tierOf } from '../../domain/clients/classification';
import { checkClients, checkPurchases, type RowError } from '../../domain/clients/import';
import { canManageClients } from '../../domain/clients/policy';
import { ClientRecord, ClientRow, ImportJob, PurchaseRow, type ImportKind } from '../../domain/clients/schemas';
import { Staff } from '../../domain/documents';
import { REGION } from '../../lib/options';
import { parseData, parseDoc } from '../../lib/firestore';
import { appendHistory, diff, readClient, writeClient } from './archive';
import { loadClientRules, loadFormats } from './config';
import { authorizeClients, refuse } from './errors';
import { readGrid } from './files';

export const IMPORT_TASK = 'clientImportTask';
const CHUNK_ROWS: Record<ImportKind, number> = { purchases: 450, clients: 100 };
/** A running job untouched this long is taken as stalled and re-enqueued when someone looks at it. */
const STALLED_MS = 5 * 60_000;

export const shanghaiMonth = (now: Date) => new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 7);

export interface ImportReport {
  kind: ImportKind;
  rowsOk: number;
  errors: RowError[];
  months: string[];
}

async function clientCodes(db: Firestore): Promise<Map<string, string>> {
  const snap = await db.collection(COL.clients).select('code').get();
  return new Map(snap.docs.map((d) => [String(d.get('code')), d.id]));
}

/** Reads and checks the whole file; writes nothing. */
export async function checkImport(db: Firestore, actor: Actor, input: StartImportInput, now: Date) {
  const branchId = input.branchId ?? actor.branchId;
  authorizeClients(canManageClients(actor, branchId));
  const grid = await readGrid(input.fileName, Buffer.from(input.contentBase64, 'base64'));
  const clientIdByCode = await clientCodes(db);
  if (input.kind === 'purchases') {
    const { rows, errors } = checkPurchases(grid, { clientIdByCode, currentMonth: shanghaiMonth(now) });
    return { branchId, rows, errors, months: [...new Set(rows.map((r) => r.month))].sort() };
  }
  const [formats, staffSnap] = await Promise.all([loadFormats(db), db.collection(COL.staff).where('branchId', '==', branchId).get()]);
  const managerUidByName = new Map<string, string>();
  for (const d of staffSnap.docs) {
    const s = parseDoc(Staff, d);
    if (s.role !== 'onsite' || s.disabled) continue;
    managerUidByName.set(s.displayName, d.id);
    managerUidByName.set(d.id, d.id);
  }
  const active = formats.formats.filter((f) => f.active);
  const { rows, errors } = checkClients(grid, {
    clientIdByCode, branchId, managerUidByName,
    formatCodes: new Set(active.map((f) => f.code)),
    formatCodeByLabel: new Map(active.map((f) => [f.label['zh-CN'], f.code])),
  });
  return { branchId, rows, errors, months: [] as string[] };
}

export type ImportQueue = (jobId: string) => Promise<void>;
let queue: ImportQueue | null = null;

/** Production: the `clientImportTask` queue (task id = job + chunk reached, so a duplicate enqueue is refused). */
function cloudTasksQueue(): ImportQueue {
  return async (jobId) => {
    const q = getFunctions().taskQueue<{ jobId: string }>(`locations/${REGION}/functions/${IMPORT_TASK}`);
    try {
      await q.enqueue({ jobId });
    } catch (e) {
      if ((e as { code?: string }).code !== 'functions/task-already-exists') throw e;
    }
  };
}
export function importQueue(): ImportQueue {
  return (queue ??= cloudTasksQueue());
}
/** Replaces the queue (tests, benchmarks). Returns the previous one. */
export function useImportQueue(next: ImportQueue | null): ImportQueue | null {
  const previous = queue;
  queue = next;
  return previous;
}

export function jobIdOf(kind: ImportKind, branchId: string, content: string): string {
  return createHash('sha256').update(`${kind}\n${branchId}\n`).update(content).digest('hex').slice(0, 32);
}

export interface StartResult extends ImportReport {
  dryRun: boolean;
  jobId: string | null;
  state: ImportJob['state'] | null;
  alreadyImported: boolean;
}

export async function startImport(db: Firestore, actor: Actor, input: StartImportInput, now: Date): Promise<StartResult> {
  const { branchId, rows, errors, months } = await checkImport(db, actor, input, now);
  const report = { kind: input.kind, rowsOk: rows.length, errors, months };
  if (input.dryRun) return { ...report, dryRun: true, jobId: null, state: null, alreadyImported: false };
  if (errors.length) throw refuse('invalid-argument', 'clients.import_invalid', { count: errors.length });
  const jobId = jobIdOf(input.kind, branchId, input.contentBase64);
  const jobRef = db.collection(CLIENTS_COL.importJobs).doc(jobId);
  const existing = await jobRef.get();
  if (existing.exists) {
    const job = parseDoc(ImportJob, existing);
    if (job.state !== 'done') await importQueue()(jobId);
    return { ...report, dryRun: false, jobId, state: job.state, alreadyImported: job.state === 'done' };
  }
  const size = CHUNK_ROWS[input.kind];
  const chunks = Math.ceil(rows.length / size);
  // Chunks first (deterministic ids: a retried start rewrites the same), then the month marks, then the job.
  for (let start = 0; start < chunks; start += 400) {
    const batch = db.batch();
    for (let i = start; i < Math.min(chunks, start + 400); i++) {
      batch.set(jobRef.collection(CLIENTS_COL.importChunks).doc(String(i).padStart(5, '0')), { rows: rows.slice(i * size, (i + 1) * size) });
    }
    await batch.commit();
  }
  const batch = db.batch();
  for (const m of months) batch.set(db.collection(CLIENTS_COL.purchaseMonths).doc(m), { importingJobId: jobId, updatedAt: now });
  const job: ImportJob = {
    kind: input.kind, fileName: input.fileName, branchId, state: 'pending', rowsTotal: rows.length, rowsDone: 0,
    chunksTotal: chunks, chunksDone: 0, months, createdBy: actor.uid, createdAt: now, updatedAt: now, error: null,
  };
  batch.create(jobRef, job);
  await batch.commit();
  await importQueue()(jobId);
  return { ...report, dryRun: false, jobId, state: 'pending', alreadyImported: false };
}

export interface RunOptions {
  /** Tests: stop (throw) after this many chunks in this run, as a crashed instance would. */
  crashAfterChunks?: number;
}

/** The task: continues the job after its last committed chunk; a finished job is left alone. */
export async function runImportJob(db: Firestore, jobId: string, now: () => Date, opts: RunOptions = {}): Promise<{ state: string; chunks: number }> {
  const jobRef = db.collection(CLIENTS_COL.importJobs).doc(jobId);
  const snap = await jobRef.get();
  if (!snap.exists) return { state: 'missing', chunks: 0 };
  let job = parseDoc(ImportJob, snap);
  if (job.state === 'done') return { state: 'done', chunks: 0 };
  const rules = job.kind === 'clients' ? await loadClientRules(db) : null;
  let ran = 0;
  for (let i = job.chunksDone; i < job.chunksTotal; i++) {
    if (opts.crashAfterChunks !== undefined && ran >= opts.crashAfterChunks) throw new Error(`simulated crash in job ${jobId} before chunk ${i}`);
    const chunkSnap = await jobRef.collection(CLIENTS_COL.importChunks).doc(String(i).padStart(5, '0')).get();
    const rows = (chunkSnap.get('rows') as unknown[] | undefined) ?? [];
    const progress = { state: 'running' as const, chunksDone: i + 1, rowsDone: job.rowsDone + rows.length, updatedAt: now() };
    if (job.kind === 'purchases') {
      const batch = db.batch();
      for (const raw of rows) {
        const r = parseData(PurchaseRow, raw, chunkSnap.ref.path);
        batch.set(db.collection(CLIENTS_COL.purchases).doc(`${r.clientId}_${r.month}`), {
          clientId: r.clientId, clientCode: r.clientCode, month: r.month, qty: r.qty, amount: r.amount, jobId,
        });
      }
      batch.update(jobRef, progress);
      await batch.commit();
    } else {
      await importClientChunk(db, jobId, job, rows.map((raw) => parseData(ClientRow, raw, chunkSnap.ref.path)), rules!, progress, now());
    }
    job = { ...job, ...progress };
    ran++;
  }
  // Clear only the marks that are still ours (another file may be importing the same month).
  const marks = job.months.length ? await db.getAll(...job.months.map((m) => db.collection(CLIENTS_COL.purchaseMonths).doc(m))) : [];
  const batch = db.batch();
  for (const mark of marks) if (mark.get('importingJobId') === jobId) batch.set(mark.ref, { importingJobId: null, updatedAt: now() });
  batch.update(jobRef, { state: 'done', updatedAt: now() });
  await batch.commit();
  return { state: 'done', chunks: ran };
}

async function importClientChunk(
  db: Firestore, jobId: string, job: ImportJob, rows: ClientRow[], rules: NonNullable<Awaited<ReturnType<typeof loadClientRules>>>,
  progress: Record<string, unknown>, now: Date,
): Promise<void> {
  await db.runTransaction(async (tx) => {
    const befores = await Promise.all(rows.map((r) => readClient(db, r.clientId, (ref) => tx.get(ref))));
    rows.forEach((r, k) => {
      const before = befores[k] ?? null;
      const fields = {
        code: r.code, name: r.name, licenceNo: r.licenceNo, format: r.format, marketType: r.marketType, zone: r.zone,
        accountManagerUid: r.accountManagerUid, routeId: r.routeId, address: r.address, contactName: r.contactName, contactPhone: r.contactPhone,
      };
      const scale = before?.scale ?? 2;
      const computedTier = before?.computedTier ?? tierOf(scale, rules);
      const after = ClientRecord.parse({
        ...(before ?? { branchId: job.branchId, scale, tier: computedTier, computedTier, active: true }),
        ...fields,
        combinedCode: combinedCode(r.marketType, r.format, scale),
        version: (before?.version ?? 0) + 1,
        updatedAt: now,
      });
      const changes = diff(before, after);
      if (before && Object.keys(changes).length === 0) return; // same data: no write, no history
      appendHistory(tx, db, r.clientId, after.version, {
        type: before ? 'imported' : 'created', at: now, actorUid: job.createdBy, actorName: `导入 ${job.fileName}`,
        changes, reason: `import job ${jobId}, row ${r.row}`, quarter: null,
      });
      writeClient(tx, db, r.clientId, after);
    });
    tx.update(db.collection(CLIENTS_COL.importJobs).doc(jobId), progress);
  });
}

/** A job's progress; a stalled unfinished job is enqueued again (resume). */
export async function readImportJob(db: Firestore, jobId: string, now: Date, authorize: (branchId: string) => void) {
  const snap = await db.collection(CLIENTS_COL.importJobs).doc(jobId).get();
  if (!snap.exists) return null;
  const job = parseDoc(ImportJob, snap);
  authorize(job.branchId); // before anything is re-enqueued
  const stalled = job.state !== 'done' && now.getTime() - job.updatedAt.getTime() > STALLED_MS;
  if (stalled) await importQueue()(jobId);
  return {
    jobId, kind: job.kind, fileName: job.fileName, state: job.state, branchId: job.branchId, rowsTotal: job.rowsTotal, rowsDone: job.rowsDone,
    progress: job.rowsTotal ? job.rowsDone / job.rowsTotal : 1, months: job.months, resumed: stalled, createdBy: job.createdBy,
  };
}

/** Months of the list an import is still writing (classification refuses them). */
export async function monthsInFlight(db: Firestore, months: readonly string[]): Promise<string[]> {
  const snaps = await db.getAll(...months.map((m) => db.collection(CLIENTS_COL.purchaseMonths).doc(m)));
  return snaps.filter((s) => s.exists && s.get('importingJobId')).map((s) => s.id);
}

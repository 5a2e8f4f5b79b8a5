/**
 * Monthly supervision spot checks [001 §20–22]: the draw (one sample document per level and
 * branch, seed recorded, created once), the checker's records, the roll-up per staff member.
 */
import { createHash, randomInt } from 'node:crypto';
import type { Firestore } from 'firebase-admin/firestore';
import type { Actor } from '../../domain/actor';
import { CLIENTS_COL, COL } from '../../domain/collections';
import type { RecordSpotCheckInput } from '../../domain/clients/api';
import { canReadSpotChecks, canRecordSpotCheck } from '../../domain/clients/policy';
import { drawSpotChecks } from '../../domain/clients/sampling';
import { ClientRecord, SpotCheckRecord, SpotCheckSample, type SpotLevel } from '../../domain/clients/schemas';
import { Branch, Staff } from '../../domain/documents';
import { canCreateTicket } from '../../domain/policy';
import { notFound } from '../../lib/errors';
import { parseData, parseDoc } from '../../lib/firestore';
import { createTicket } from '../create-ticket';
import { writeNotification } from '../tickets';
import { authorizeClients, refuse } from './errors';

export const sampleId = (month: string, level: SpotLevel, branchId: string) => `${month}_${level}_${branchId}`;

function halfMonthsBefore(month: string): string[] {
  const y = month.slice(0, 4);
  const m = Number(month.slice(5, 7));
  const first = m <= 6 ? 1 : 7;
  return Array.from({ length: m - first }, (_, i) => `${y}-${String(first + i).padStart(2, '0')}`);
}

/**
 * Draws the month's samples. Idempotent: the samples are created in one batch whose first
 * write is the city sample; when it exists the month was drawn and nothing is written.
 */
export async function drawMonthlySpotChecks(db: Firestore, month: string, now: Date, seed = randomInt(0x7fffffff)) {
  const cityRef = db.collection(CLIENTS_COL.spotCheckSamples).doc(sampleId(month, 'city', 'all'));
  if ((await cityRef.get()).exists) return { drawn: false, seed: (await cityRef.get()).get('seed') as number, samples: 0 };
  const [staffSnap, clientSnap, branchSnap] = await Promise.all([
    db.collection(COL.staff).where('role', '==', 'onsite').get(), db.collection(COL.clients).get(), db.collection(COL.branches).get(),
  ]);
  const staff = staffSnap.docs.map((d) => ({ uid: d.id, s: parseDoc(Staff, d) })).filter(({ s }) => !s.disabled).map(({ uid, s }) => ({ uid, branchId: s.branchId }));
  const clients = clientSnap.docs.map((d) => ({ id: d.id, c: parseData(ClientRecord, d.data(), d.ref.path) }))
    .filter(({ c }) => c.active).map(({ id, c }) => ({ id, managerUid: c.accountManagerUid }));
  const countyBranchIds = branchSnap.docs.filter((d) => parseDoc(Branch, d).level === 'county').map((d) => d.id);
  const earlier = halfMonthsBefore(month).flatMap((m) => countyBranchIds.map((b) => db.collection(CLIENTS_COL.spotCheckSamples).doc(sampleId(m, 'county', b))));
  const earlierSnaps = earlier.length ? await db.getAll(...earlier) : [];
  const covered = new Set(earlierSnaps.filter((s) => s.exists).flatMap((s) => parseDoc(SpotCheckSample, s).entries.map((e) => e.staffUid)));
  const levels = drawSpotChecks({ month, seed, staff, clients, countyBranchIds, countyCoveredThisHalf: covered });
  const ordered = [...levels.filter((l) => l.level === 'city'), ...levels.filter((l) => l.level !== 'city')];
  const batch = db.batch();
  for (const l of ordered) {
    batch.create(db.collection(CLIENTS_COL.spotCheckSamples).doc(sampleId(month, l.level, l.branchId)), {
      month, level: l.level, branchId: l.branchId, seed, entries: l.entries, createdAt: now,
    });
  }
  try {
    await batch.commit();
  } catch (e) {
    if ((e as { code?: number }).code === 6) return { drawn: false, seed, samples: 0 };
    throw e;
  }
  return { drawn: true, seed, samples: ordered.length };
}

export async function listSpotChecks(db: Firestore, actor: Actor, month: string, level?: SpotLevel) {
  const [samples, records] = await Promise.all([
    db.collection(CLIENTS_COL.spotCheckSamples).where('month', '==', month).get(),
    db.collection(CLIENTS_COL.spotCheckRecords).where('month', '==', month).get(),
  ]);
  const done = new Set(records.docs.map((d) => d.id));
  return {
    samples: samples.docs.map((d) => ({ id: d.id, s: parseDoc(SpotCheckSample, d) }))
      .filter(({ s }) => (!level || s.level === level) && canReadSpotChecks(actor, s.branchId).allowed)
      .map(({ id, s }) => ({
        id, level: s.level, branchId: s.branchId, seed: s.seed, createdAt: s.createdAt.toISOString(),
        entries: s.entries.map((e) => ({ staffUid: e.staffUid, clients: e.clientIds.map((c) => ({ clientId: c, recorded: done.has(`${id}_${c}`) })) })),
      })),
  };
}

/** Records one check; a finding may open a complaint ticket through the ordinary createTicket path. */
export async function recordSpotCheck(db: Firestore, actor: Actor, input: RecordSpotCheckInput, now: Date) {
  const sampleSnap = await db.collection(CLIENTS_COL.spotCheckSamples).doc(input.sampleId).get();
  if (!sampleSnap.exists) throw notFound('spotCheckSample', input.sampleId);
  const sample = parseDoc(SpotCheckSample, sampleSnap);
  const entry = sample.entries.find((e) => e.clientIds.includes(input.clientId));
  if (!entry) throw refuse('invalid-argument', 'clients.not_in_sample', { clientId: input.clientId, sampleId: input.sampleId });
  const clientSnap = await db.collection(COL.clients).doc(input.clientId).get();
  if (!clientSnap.exists) throw notFound('client', input.clientId);
  const client = parseData(ClientRecord, clientSnap.data(), clientSnap.ref.path);
  authorizeClients(canRecordSpotCheck(actor, sample.level, sample.level === 'city' ? client.branchId : sample.branchId));
  if (input.openTicket) authorizeClients(canCreateTicket(actor));
  const ref = db.collection(CLIENTS_COL.spotCheckRecords).doc(`${input.sampleId}_${input.clientId}`);
  const record: SpotCheckRecord = {
    sampleId: input.sampleId, month: sample.month, level: sample.level, branchId: client.branchId, staffUid: entry.staffUid, clientId: input.clientId,
    method: input.method, reached: input.reached, questions: input.questions, satisfaction: input.reached ? input.satisfaction : null,
    findings: input.findings, ticketId: null, checkerUid: actor.uid, recordedAt: now,
  };
  try {
    await ref.create(record); // first: a second submission is refused before any ticket is opened
  } catch (e) {
    if ((e as { code?: number }).code === 6) throw refuse('already-exists', 'clients.already_recorded');
    throw e;
  }
  let ticketId: string | null = null;
  if (input.openTicket) {
    ({ ticketId } = await createTicket(db, actor, {
      requestId: `spot-${createHash('sha256').update(ref.id).digest('hex').slice(0, 32)}`, clientId: input.clientId, kind: 'complaint', subject: 'service_improper', channel: input.method === 'call' ? 'hotline' : 'onsite',
      title: `督察发现 ${sample.month}: ${input.findings.slice(0, 150)}`, description: input.findings,
      compensation: false, againstOfficeDirector: false, major: false,
    }, now));
    await ref.update({ ticketId });
  }
  return { recordId: ref.id, ticketId };
}

/** Results per staff member for a month: checked, reached, mean satisfaction, findings. */
export async function spotCheckRollup(db: Firestore, actor: Actor, month: string, branchId?: string) {
  const branch = branchId ?? actor.branchId;
  const records = await db.collection(CLIENTS_COL.spotCheckRecords).where('month', '==', month).get();
  const byStaff = new Map<string, { staffUid: string; checked: number; reached: number; satisfactionSum: number; findings: number; byLevel: Record<string, number> }>();
  for (const d of records.docs) {
    const r = parseDoc(SpotCheckRecord, d);
    if (r.branchId !== branch) continue;
    if (!canReadSpotChecks(actor, r.branchId, r.staffUid).allowed) continue;
    const line = byStaff.get(r.staffUid) ?? { staffUid: r.staffUid, checked: 0, reached: 0, satisfactionSum: 0, findings: 0, byLevel: {} };
    line.checked++;
    if (r.reached) line.reached++;
    line.satisfactionSum += r.satisfaction ?? 0;
    if (r.findings) line.findings++;
    line.byLevel[r.level] = (line.byLevel[r.level] ?? 0) + 1;
    byStaff.set(r.staffUid, line);
  }
  return {
    month, branchId: branch,
    staff: [...byStaff.values()].sort((a, b) => (a.staffUid < b.staffUid ? -1 : 1)).map(({ satisfactionSum, ...l }) => ({
      ...l, meanSatisfaction: l.reached ? Math.round((satisfactionSum / l.reached) * 100) / 100 : null,
    })),
  };
}

/**
 * Publishes the month's results to each staff member checked (one notification each, id per
 * month and person: publishing twice tells nobody twice). Done by those who check the branch.
 */
export async function publishSpotCheckResults(db: Firestore, actor: Actor, month: string, branchId: string | undefined, now: Date) {
  const branch = branchId ?? actor.branchId;
  authorizeClients(canRecordSpotCheck(actor, 'department', branch));
  const { staff } = await spotCheckRollup(db, actor, month, branch);
  let published = 0;
  for (const line of staff) {
    try {
      await db.runTransaction(async (tx) => {
        writeNotification(tx, db, `spot-results-${month}-${line.staffUid}`, {
          uid: line.staffUid, ticketId: `spot-results-${month}`, eventSeq: 1, type: 'spot_check_results',
          title: `${month} 服务质量督察结果`,
          body: `抽查 ${line.checked} 户，联系上 ${line.reached} 户，平均满意度 ${line.meanSatisfaction ?? '—'}，发现问题 ${line.findings} 项`,
          read: false, createdAt: now, deliverAt: null,
        }, null);
      });
      published++;
    } catch (e) {
      if ((e as { code?: number }).code !== 6) throw e;
    }
  }
  return { published };
}

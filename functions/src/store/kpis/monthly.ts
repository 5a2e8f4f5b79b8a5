/**
 * The monthly run: build each branch's and department's snapshot of a closed month (notifying
 * the approvers), approve (frozen and published at once, the staff concerned told), comment a
 * draft, remind on the 3rd and escalate to leadership on the 5th. Every step is a transaction
 * that checks the snapshot's state, with deterministic notification ids: safe to run twice.
 */
import type { Firestore } from 'firebase-admin/firestore';
import type { Actor } from '../../domain/actor';
import { COL } from '../../domain/collections';
import { Staff } from '../../domain/documents';
import { KpiAggregate, KpiSnapshot, snapshotId } from '../../domain/kpis/documents';
import { nestCounters, type Counters } from '../../domain/kpis/delta';
import { staffFlags } from '../../domain/kpis/figures';
import { monthlyMessage, type MonthlyMessage } from '../../domain/kpis/messages';
import { addMonths, dayOfMonth, isMonthClosed, MONTH_RE, monthOf } from '../../domain/kpis/month';
import { approveRefusal } from '../../domain/kpis/policy';
import { correctionsOf, scopeCounters, type Scope } from '../../domain/kpis/snapshot';
import { effectiveTargets } from '../../domain/kpis/targets';
import type { Recipient } from '../../domain/notify';
import type { BranchEntry, DeptEntry } from '../../domain/routing';
import { parseDoc } from '../../lib/firestore';
import { departmentRecipients, loadOrg, loadStaff } from '../org';
import { writeNotification } from '../tickets';
import { KPI_AGGREGATES } from './aggregates';
import { kpiRefusal } from './refuse';

export const KPI_SNAPSHOTS = COL.kpiSnapshots;
export const KPI_TARGETS = COL.kpiTargets;

export async function loadTargets(db: Firestore, year: number): Promise<Record<string, number>> {
  const snap = await db.collection(KPI_TARGETS).doc(String(year)).get();
  return effectiveTargets(snap.exists ? (snap.get('targets') as Record<string, number>) : null);
}

/** The aggregate documents of one month (optionally one branch / department): one query, one read per document. */
export async function readAggregates(db: Firestore, month: string, scope: { branchId?: string | undefined; deptId?: string | undefined } = {}): Promise<KpiAggregate[]> {
  let q = db.collection(KPI_AGGREGATES).where('month', '==', month);
  if (scope.deptId) q = q.where('deptId', '==', scope.deptId);
  else if (scope.branchId) q = q.where('branchId', '==', scope.branchId);
  const snap = await q.get();
  return snap.docs.map((d) => parseDoc(KpiAggregate, d));
}

async function readAggregatesBetween(db: Firestore, from: string, to: string): Promise<KpiAggregate[]> {
  const snap = await db.collection(KPI_AGGREGATES).where('month', '>=', from).where('month', '<=', to).get();
  return snap.docs.map((d) => parseDoc(KpiAggregate, d));
}

async function readSnapshotsBetween(db: Firestore, from: string, to: string): Promise<Array<KpiSnapshot & { id: string }>> {
  const snap = await db.collection(KPI_SNAPSHOTS).where('month', '>=', from).where('month', '<=', to).get();
  return snap.docs.map((d) => ({ id: d.id, ...parseDoc(KpiSnapshot, d) }));
}

function scopeName(s: { scope: 'branch' | 'dept'; scopeId: string }, org: { departments: DeptEntry[]; branches: BranchEntry[] }, locale: 'zh-CN' | 'en'): string {
  const e = s.scope === 'dept' ? org.departments.find((d) => d.id === s.scopeId) : org.branches.find((b) => b.id === s.scopeId);
  if (!e) return s.scopeId;
  return locale === 'en' ? (e.nameEn ?? e.name) : e.name;
}

async function leadership(db: Firestore): Promise<Recipient[]> {
  const snap = await db.collection(COL.staff).where('role', '==', 'leadership').get();
  return snap.docs.map((d) => ({ uid: d.id, ...parseDoc(Staff, d) })).filter((s) => !s.disabled).map((s) => ({ uid: s.uid, email: s.email, locale: s.locale }));
}

async function people(db: Firestore, uids: readonly string[]): Promise<Recipient[]> {
  const all = await Promise.all(uids.map((u) => loadStaff(db, u)));
  return all.filter((s): s is NonNullable<typeof s> => s !== null && !s.disabled).map((s) => ({ uid: s.uid, email: s.email, locale: s.locale }));
}

function notify(
  tx: FirebaseFirestore.Transaction, db: Firestore, snapId: string, kind: MonthlyMessage, recipients: readonly Recipient[],
  p: { month: string; scope: 'branch' | 'dept'; scopeId: string }, org: { departments: DeptEntry[]; branches: BranchEntry[] }, now: Date,
): void {
  const seen = new Set<string>();
  for (const r of recipients) {
    if (seen.has(r.uid)) continue;
    seen.add(r.uid);
    const msg = monthlyMessage(kind, r.locale, { month: p.month, scopeName: scopeName(p, org, r.locale) });
    // Notifications are ticket-shaped (ticketId/eventSeq): the snapshot id stands in for the ticket.
    writeNotification(tx, db, `kpi_${snapId}_${kind}_${r.uid}`, {
      uid: r.uid, ticketId: snapId, eventSeq: 1, type: `kpi_${kind}`, title: msg.title, body: msg.body, read: false, createdAt: now, deliverAt: null,
    }, r.email);
  }
}

/** Every branch and department of the organisation (pseudo-departments aside). */
function allScopes(org: { departments: DeptEntry[]; branches: BranchEntry[] }): Scope[] {
  return [
    ...org.branches.map((b): Scope => ({ scope: 'branch', scopeId: b.id, branchId: b.id, deptId: null })),
    ...org.departments.map((d): Scope => ({ scope: 'dept', scopeId: d.id, branchId: d.branchId, deptId: d.id })),
  ];
}

export interface BuildResult { month: string; created: string[]; existing: string[] }

/** `silent`: backfilling past months (demo data, a migration): the same documents, nobody told. */
export interface Backfill { silent?: boolean }

/**
 * Builds the snapshots of a closed month (drafts); an existing snapshot is left alone, so a
 * second run creates nothing and notifies nobody again.
 */
export async function buildMonth(db: Firestore, month: string, now: Date, opts: Backfill = {}): Promise<BuildResult> {
  if (!isMonthClosed(month, now)) throw kpiRefusal('failed-precondition', { reason: 'kpis.month_not_closed', params: { month } });
  const from = addMonths(month, -12);
  const [aggs, earlier, snaps, targets, org, leaders] = await Promise.all([
    readAggregates(db, month), readAggregatesBetween(db, from, addMonths(month, -1)), readSnapshotsBetween(db, from, addMonths(month, -1)),
    loadTargets(db, Number(month.slice(0, 4))), loadOrg(db), leadership(db),
  ]);
  const result: BuildResult = { month, created: [], existing: [] };
  for (const s of allScopes(org)) {
    const id = snapshotId(month, s.scope, s.scopeId);
    const { c, byDept } = scopeCounters(aggs, s);
    const live: Record<string, Counters> = {};
    for (const m of new Set(earlier.map((a) => a.month))) live[m] = scopeCounters(earlier.filter((a) => a.month === m), s).c;
    const mine = snaps.filter((x) => x.scope === s.scope && x.scopeId === s.scopeId);
    const frozen = Object.fromEntries(mine.filter((x) => x.status === 'approved').map((x) => [x.month, x.c]));
    const previous = mine.find((x) => x.month === addMonths(month, -1));
    const { corrections, cumulative } = correctionsOf(live, frozen, previous?.correctionsCumulative ?? {});
    const headUid = s.deptId ? org.departments.find((d) => d.id === s.deptId)?.headUid ?? null : null;
    const approvers = s.scope === 'dept' && headUid ? await people(db, [headUid]) : leaders;
    const ref = db.collection(KPI_SNAPSHOTS).doc(id);
    const created = await db.runTransaction(async (tx) => {
      if ((await tx.get(ref)).exists) return false;
      const doc: Record<string, unknown> = {
        month, scope: s.scope, scopeId: s.scopeId, branchId: s.branchId, deptId: s.deptId, status: 'draft',
        c: nestCounters(c), byDept: Object.fromEntries(Object.entries(byDept).map(([k, v]) => [k, nestCounters(v)])),
        targets, flags: staffFlags(c), corrections: corrections.map((x) => ({ month: x.month, c: nestCounters(x.c) })),
        correctionsCumulative: Object.fromEntries(Object.entries(cumulative).map(([k, v]) => [k, nestCounters(v)])),
        commentary: '', approverUids: approvers.map((a) => a.uid), builtAt: now,
        approvedBy: null, approvedByName: null, approvedAt: null, publishedAt: null, remindedAt: null, escalatedAt: null,
      };
      tx.create(ref, doc); // first: a concurrent second build fails here before notifying
      if (!opts.silent) notify(tx, db, id, 'built', approvers, { ...s, month }, org, now);
      return true;
    });
    (created ? result.created : result.existing).push(id);
  }
  return result;
}

function monthOfId(id: string): string {
  const m = id.slice(0, 7);
  if (!MONTH_RE.test(m)) throw kpiRefusal('not-found', { reason: 'kpis.snapshot_not_found', params: { snapshot: id } });
  return m;
}

async function readSnapshot(db: Firestore, id: string): Promise<KpiSnapshot> {
  const snap = await db.collection(KPI_SNAPSHOTS).doc(id).get();
  if (!snap.exists) throw kpiRefusal('not-found', { reason: 'kpis.snapshot_not_found', params: { snapshot: id } });
  return parseDoc(KpiSnapshot, snap);
}

/** Who is told when a snapshot is published: the department's staff, or the branch's heads and leadership. */
async function publishAudience(db: Firestore, s: KpiSnapshot, org: { departments: DeptEntry[] }): Promise<Recipient[]> {
  if (s.scope === 'dept') return departmentRecipients(db, s.scopeId);
  const heads = org.departments.filter((d) => d.branchId === s.branchId && d.headUid).map((d) => d.headUid!);
  return [...(await people(db, heads)), ...(await leadership(db))];
}

/** Approves (freezes and publishes) a snapshot; refusals: month not closed, not found, already approved, not an approver. */
export async function approveSnapshot(db: Firestore, actor: Actor, id: string, commentary: string | undefined, now: Date, opts: Backfill = {}): Promise<KpiSnapshot> {
  const month = monthOfId(id);
  if (!isMonthClosed(month, now)) throw kpiRefusal('failed-precondition', { reason: 'kpis.month_not_closed', params: { month } });
  const org = await loadOrg(db);
  const first = await readSnapshot(db, id);
  const audience = (await publishAudience(db, first, org)).filter((r) => r.uid !== actor.uid);
  const ref = db.collection(KPI_SNAPSHOTS).doc(id);
  return db.runTransaction(async (tx) => {
    const snap = await tx.get(ref);
    const s = parseDoc(KpiSnapshot, snap);
    if (s.status === 'approved') {
      throw kpiRefusal('failed-precondition', { reason: 'kpis.already_approved', params: { snapshot: id, approvedAt: s.approvedAt?.toISOString() ?? '' } });
    }
    const headUid = s.deptId ? org.departments.find((d) => d.id === s.deptId)?.headUid ?? null : null;
    const denied = approveRefusal(actor, s, headUid, id);
    if (denied) throw kpiRefusal('permission-denied', denied);
    const patch = {
      status: 'approved' as const, approvedBy: actor.uid, approvedByName: actor.displayName, approvedAt: now, publishedAt: now,
      ...(commentary !== undefined ? { commentary } : {}),
    };
    // The marker first: of two concurrent approvals the loser fails here (ALREADY_EXISTS) before it
    // writes anything — the npm emulator neither isolates transactions nor rolls back (NOTES.md).
    tx.create(ref.collection('marks').doc('approved'), { by: actor.uid, at: now });
    tx.update(ref, patch);
    if (!opts.silent) notify(tx, db, id, 'published', audience, s, org, now);
    return { ...s, ...patch };
  });
}

/** Sets the commentary of a draft; a frozen (approved) snapshot is refused. */
export async function commentSnapshot(db: Firestore, actor: Actor, id: string, commentary: string): Promise<void> {
  monthOfId(id);
  const org = await loadOrg(db);
  const ref = db.collection(KPI_SNAPSHOTS).doc(id);
  await db.runTransaction(async (tx) => {
    const snap = await tx.get(ref);
    if (!snap.exists) throw kpiRefusal('not-found', { reason: 'kpis.snapshot_not_found', params: { snapshot: id } });
    const s = parseDoc(KpiSnapshot, snap);
    if (s.status === 'approved') throw kpiRefusal('failed-precondition', { reason: 'kpis.snapshot_frozen', params: { snapshot: id } });
    const headUid = s.deptId ? org.departments.find((d) => d.id === s.deptId)?.headUid ?? null : null;
    const denied = approveRefusal(actor, s, headUid, id);
    if (denied) throw kpiRefusal('permission-denied', denied);
    tx.update(ref, { commentary });
  });
}

export interface ChaseResult { month: string; built: number; reminded: string[]; escalated: string[] }

/**
 * The daily chase of the previous month: builds it if the run on the 1st was missed; from the
 * 3rd, reminds the approvers of every draft (once); from the 5th, tells leadership of every draft
 * still not published (once). Safe to run any number of times a day.
 */
export async function chaseMonth(db: Firestore, now: Date): Promise<ChaseResult> {
  const month = addMonths(monthOf(now), -1);
  const day = dayOfMonth(now);
  const result: ChaseResult = { month, built: 0, reminded: [], escalated: [] };
  const any = await db.collection(KPI_SNAPSHOTS).where('month', '==', month).limit(1).get();
  if (any.empty) result.built = (await buildMonth(db, month, now)).created.length;
  if (day < 3) return result;
  const drafts = (await db.collection(KPI_SNAPSHOTS).where('month', '==', month).where('status', '==', 'draft').get()).docs;
  if (!drafts.length) return result;
  const [org, leaders] = await Promise.all([loadOrg(db), leadership(db)]);
  for (const d of drafts) {
    const first = parseDoc(KpiSnapshot, d);
    const approvers = await people(db, first.approverUids);
    const done = await db.runTransaction(async (tx) => {
      const s = parseDoc(KpiSnapshot, await tx.get(d.ref));
      const out = { reminded: false, escalated: false };
      if (s.status !== 'draft') return out;
      const patch: Record<string, Date> = {};
      if (!s.remindedAt) {
        patch.remindedAt = now;
        out.reminded = true;
      }
      if (day >= 5 && !s.escalatedAt) {
        patch.escalatedAt = now;
        out.escalated = true;
      }
      if (!out.reminded && !out.escalated) return out;
      // Markers first (deterministic ids): a concurrent second run fails before writing anything.
      if (out.reminded) tx.create(d.ref.collection('marks').doc('reminded'), { at: now });
      if (out.escalated) tx.create(d.ref.collection('marks').doc('escalated'), { at: now });
      tx.update(d.ref, patch);
      if (out.reminded) notify(tx, db, d.id, 'reminder', approvers, s, org, now);
      if (out.escalated) notify(tx, db, d.id, 'escalation', leaders, s, org, now);
      return out;
    });
    if (done.reminded) result.reminded.push(d.id);
    if (done.escalated) result.escalated.push(d.id);
  }
  return result;
}

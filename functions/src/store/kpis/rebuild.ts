/**
 * The rebuild job: recomputes a month's ticket-derived counters from the source documents (every
 * ticket changed since the month began — only those can have deltas in the month — and its
 * events, replayed by domain/kpis/replay.ts) and records the differences from the maintained
 * aggregates in `kpiRebuilds/{id}`, status `pending`. Nothing else changes until an admin
 * confirms (`decideRebuild`): then the ticket-derived counters of the month's aggregates are set
 * to the recomputed values (facts recorded by other areas are kept as maintained). An approved
 * snapshot is never touched: a confirmed rebuild of a published month shows in the next
 * snapshot's corrections.
 *
 * Cost: reads every ticket changed since the month began and its events; it is an admin's repair
 * tool, not a dashboard path.
 */
import { FieldValue, type Firestore } from 'firebase-admin/firestore';
import type { Actor } from '../../domain/actor';
import { COL } from '../../domain/collections';
import { Ticket, TicketEvent } from '../../domain/documents';
import { KpiRebuild } from '../../domain/kpis/documents';
import { aggregateId, counterFields, diffCounters, nestCounters, ticketCounters, type Counters } from '../../domain/kpis/delta';
import { monthStart } from '../../domain/kpis/month';
import { aggregateDeltas, replayDeltas } from '../../domain/kpis/replay';
import { parseDoc } from '../../lib/firestore';
import { KPI_AGGREGATES } from './aggregates';
import { readAggregates } from './monthly';
import { kpiRefusal } from './refuse';

export const KPI_REBUILDS = COL.kpiRebuilds;

/** Recomputes the month from tickets + events; records the differences. Returns the report's id and the differences. */
export async function requestRebuild(db: Firestore, actor: Actor, month: string, now: Date): Promise<{ rebuildId: string; differences: Record<string, Counters>; ticketsScanned: number }> {
  // Every delta of the month comes from an event at or after the month's start (a received-basis
  // delta from an event after receivedAt, itself in the month), and every event sets updatedAt.
  const touched = await db.collection(COL.tickets).where('updatedAt', '>=', monthStart(month)).select().get();
  const ticketIds = touched.docs.map((d) => d.id);
  const recomputed: Record<string, Counters> = {};
  const docs: Record<string, { month: string; branchId: string; deptId: string }> = {};
  for (let i = 0; i < ticketIds.length; i += 100) {
    const chunk = ticketIds.slice(i, i + 100);
    const snaps = await db.getAll(...chunk.map((id) => db.collection(COL.tickets).doc(id)));
    await Promise.all(snaps.filter((s) => s.exists).map(async (s) => {
      const history = (await s.ref.collection(COL.events).get()).docs.map((e) => parseDoc(TicketEvent, e));
      const deltas = replayDeltas(parseDoc(Ticket, s), history).filter((d) => d.month === month);
      for (const d of deltas) docs[aggregateId(d)] = { month: d.month, branchId: d.branchId, deptId: d.deptId };
      for (const [key, c] of Object.entries(aggregateDeltas(deltas))) {
        recomputed[key] = { ...(recomputed[key] ?? {}) };
        for (const [k, v] of Object.entries(c)) recomputed[key][k] = (recomputed[key][k] ?? 0) + v;
      }
    }));
  }
  const aggs = await readAggregates(db, month);
  for (const a of aggs) docs[aggregateId(a)] = { month: a.month, branchId: a.branchId, deptId: a.deptId };
  const maintained = Object.fromEntries(aggs.map((a) => [aggregateId(a), ticketCounters(a.c)]));
  const differences: Record<string, Counters> = {};
  for (const key of new Set([...Object.keys(recomputed), ...Object.keys(maintained)])) {
    const d = diffCounters(recomputed[key] ?? {}, maintained[key] ?? {});
    if (Object.keys(d).length) differences[key] = d;
  }
  const ref = db.collection(KPI_REBUILDS).doc();
  await ref.create({
    month, status: 'pending', requestedBy: actor.uid, requestedAt: now, ticketsScanned: ticketIds.length,
    differences: Object.fromEntries(Object.entries(differences).map(([k, v]) => [k, nestCounters(v)])),
    recomputed: Object.fromEntries(Object.entries(recomputed).map(([k, v]) => [k, nestCounters(v)])),
    docs,
    decidedBy: null, decidedAt: null,
  });
  return { rebuildId: ref.id, differences, ticketsScanned: ticketIds.length };
}

/** An admin applies or discards a pending rebuild. Applying sets the differing counters (only those). */
export async function decideRebuild(db: Firestore, actor: Actor, rebuildId: string, apply: boolean, now: Date): Promise<{ status: string; changed: number }> {
  const ref = db.collection(KPI_REBUILDS).doc(rebuildId);
  return db.runTransaction(async (tx) => {
    const snap = await tx.get(ref);
    if (!snap.exists) throw kpiRefusal('not-found', { reason: 'kpis.rebuild_not_found', params: { rebuild: rebuildId } });
    const r = parseDoc(KpiRebuild, snap);
    if (r.status !== 'pending') throw kpiRefusal('failed-precondition', { reason: 'kpis.rebuild_not_pending', params: { rebuild: rebuildId, status: r.status } });
    tx.update(ref, { status: apply ? 'applied' : 'discarded', decidedBy: actor.uid, decidedAt: now });
    if (!apply) return { status: 'discarded', changed: 0 };
    let changed = 0;
    for (const [key, diff] of Object.entries(r.differences)) {
      // The difference is added (increment), so counts that moved since the report are kept.
      tx.set(db.collection(KPI_AGGREGATES).doc(key), { ...r.docs[key], ...counterFields(diff, (n) => FieldValue.increment(n)) }, { merge: true });
      changed += Object.keys(diff).length;
    }
    return { status: 'applied', changed };
  });
}

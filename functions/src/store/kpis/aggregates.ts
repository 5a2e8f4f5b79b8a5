/**
 * The aggregate writer: a KPI delta becomes ONE `set(…, { merge: true })` of FieldValue.increment
 * values (top-level `c_…` fields, delta.ts counterField) on `kpiAggregates/{month}_{branchId}_{deptId}`, in the caller's transaction. It reads
 * nothing, so it may be called after the transaction's writes have started; increments commute,
 * so concurrent transitions on different tickets never contend on a read of the aggregate.
 *
 * Call it AFTER the change's history event is created (see NOTES.md: the npm emulator applies a
 * commit's writes in order and does not roll back, so a losing concurrent transition fails at the
 * event's create before it reaches the increment; real Firestore commits atomically anyway).
 *
 * Other areas (visits, surveys, spot checks, sampled callbacks) record their facts with
 * `recordKpiFact(tx, db, fact)` in the transaction that writes their own document:
 *
 *   await db.runTransaction(async (tx) => {
 *     …reads…; tx.create(visitRef, visit);
 *     recordKpiFact(tx, db, { kind: 'visit', at: visit.at, branchId, deptId, staffUid, planned: true, done: true });
 *   });
 *
 * Make the surrounding write idempotent (create a document with a deterministic id first): the
 * increment itself is not.
 */
import { COL } from '../../domain/collections';
import { FieldValue, type Firestore, type Transaction, type WriteBatch } from 'firebase-admin/firestore';
import { aggregateId, counterFields, kpiFactDelta, type KpiDelta, type KpiFact } from '../../domain/kpis/delta';

export const KPI_AGGREGATES = COL.kpiAggregates;

/** Writes one delta (no-op for null / empty). At most one write. */
export function applyKpiDelta(tx: Transaction | WriteBatch, db: Firestore, delta: KpiDelta | null): void {
  if (!delta || Object.keys(delta.inc).length === 0) return;
  const ref = db.collection(KPI_AGGREGATES).doc(aggregateId(delta));
  const data = {
    month: delta.month, branchId: delta.branchId, deptId: delta.deptId,
    ...counterFields(delta.inc, (n) => FieldValue.increment(n)),
  };
  (tx as Transaction).set(ref, data, { merge: true });
}

/** A fact from another area (validated by the domain's KpiFact schema). One write. */
export function recordKpiFact(tx: Transaction | WriteBatch, db: Firestore, fact: KpiFact): void {
  applyKpiDelta(tx, db, kpiFactDelta(fact));
}

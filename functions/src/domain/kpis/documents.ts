/**
 * Documents of the KPI area. Counters are stored as nested maps (`{ kind: { complaint: 3 } }`)
 * and read back flat (`kind.complaint`); see delta.ts.
 *
 * - `kpiAggregates/{month}_{branchId}_{deptId}`: live counters (top-level `c_…` fields), incremented as work happens.
 * - `kpiSnapshots/{month}_{branch|dept}_{id}`: the monthly snapshot; frozen once approved.
 * - `kpiTargets/{year}`: targets in percent (targets.ts).
 * - `kpiRebuilds/{id}`: a recomputation from tickets + events and its differences, pending an admin.
 */
import { z } from 'zod';
import { countersOfFields, flattenCounters } from './delta';
import { MONTH_RE } from './month';

const id = z.string().min(1).max(128);
export const Month = z.string().regex(MONTH_RE, 'a month YYYY-MM');

/** Nested counter maps in Firestore, flat in code. */
export const StoredCounters = z.record(z.string(), z.unknown()).default({}).transform((v) => flattenCounters(v));

/** Counters are top-level `c_…` fields (delta.ts counterField); parsed into `c`. */
export const KpiAggregate = z.object({
  month: Month,
  branchId: id,
  deptId: id,
}).catchall(z.unknown()).transform(({ month, branchId, deptId, ...rest }) => ({ month, branchId, deptId, c: countersOfFields(rest) }));
export type KpiAggregate = z.infer<typeof KpiAggregate>;

export const SnapshotScope = z.enum(['branch', 'dept']);
export type SnapshotScope = z.infer<typeof SnapshotScope>;

export const SnapshotStatus = z.enum(['draft', 'approved']);

export const KpiSnapshot = z.object({
  month: Month,
  scope: SnapshotScope,
  scopeId: id,
  branchId: id,
  deptId: id.nullable(),
  status: SnapshotStatus,
  c: StoredCounters,
  /** Branch snapshots: each department's counters. */
  byDept: z.record(z.string(), StoredCounters).default({}),
  targets: z.record(z.string(), z.number()),
  flags: z.array(z.object({ uid: id, confirmedComplaints: z.number().int() })).default([]),
  /** Changes to earlier, already published months found since the previous snapshot. */
  corrections: z.array(z.object({ month: Month, c: StoredCounters })).default([]),
  /** Everything reported as corrections so far, per earlier month (live − frozen at build time). */
  correctionsCumulative: z.record(z.string(), StoredCounters).default({}),
  commentary: z.string().max(4000).default(''),
  approverUids: z.array(id).default([]),
  builtAt: z.date(),
  approvedBy: id.nullable().default(null),
  approvedByName: z.string().nullable().default(null),
  approvedAt: z.date().nullable().default(null),
  publishedAt: z.date().nullable().default(null),
  remindedAt: z.date().nullable().default(null),
  escalatedAt: z.date().nullable().default(null),
});
export type KpiSnapshot = z.infer<typeof KpiSnapshot>;

export function snapshotId(month: string, scope: SnapshotScope, scopeId: string): string {
  return `${month}_${scope}_${scopeId}`;
}

export const KpiRebuild = z.object({
  month: Month,
  status: z.enum(['pending', 'applied', 'discarded']),
  requestedBy: id,
  requestedAt: z.date(),
  ticketsScanned: z.number().int(),
  /** Per aggregate document: recomputed − maintained, ticket-derived counters only; empty = none. */
  differences: z.record(z.string(), StoredCounters).default({}),
  /** The recomputed ticket-derived counters per aggregate document (applied on confirmation). */
  recomputed: z.record(z.string(), StoredCounters).default({}),
  /** Branch and department of each aggregate document named above. */
  docs: z.record(z.string(), z.object({ month: Month, branchId: id, deptId: id })).default({}),
  decidedBy: id.nullable().default(null),
  decidedAt: z.date().nullable().default(null),
});
export type KpiRebuild = z.infer<typeof KpiRebuild>;

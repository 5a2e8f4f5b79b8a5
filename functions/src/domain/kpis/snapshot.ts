/**
 * The monthly snapshot, pure: figures of a closed month for one branch or department, and the
 * corrections line (changes to months already published, found since the previous snapshot).
 */
import { addCounters, diffCounters, sumCounters, type Counters } from './delta';
import { staffFlags } from './figures';
import type { KpiAggregate } from './documents';

export interface Scope {
  scope: 'branch' | 'dept';
  scopeId: string;
  branchId: string;
  deptId: string | null;
}

/** The scopes a month's aggregates call for: every branch, every department (pseudo ones aside). */
export function scopesOf(aggregates: readonly KpiAggregate[]): Scope[] {
  const out = new Map<string, Scope>();
  for (const a of aggregates) {
    out.set(`branch_${a.branchId}`, { scope: 'branch', scopeId: a.branchId, branchId: a.branchId, deptId: null });
    if (!a.deptId.startsWith('_')) out.set(`dept_${a.deptId}`, { scope: 'dept', scopeId: a.deptId, branchId: a.branchId, deptId: a.deptId });
  }
  return [...out.values()].sort((x, y) => `${x.scope}_${x.scopeId}`.localeCompare(`${y.scope}_${y.scopeId}`));
}

export function inScope(a: KpiAggregate, s: Scope): boolean {
  return s.scope === 'branch' ? a.branchId === s.branchId : a.deptId === s.deptId;
}

/** The scope's counters and, for a branch, each department's. */
export function scopeCounters(aggregates: readonly KpiAggregate[], s: Scope): { c: Counters; byDept: Record<string, Counters> } {
  const mine = aggregates.filter((a) => inScope(a, s));
  const byDept: Record<string, Counters> = {};
  if (s.scope === 'branch') for (const a of mine) byDept[a.deptId] = addCounters(byDept[a.deptId] ?? {}, a.c);
  return { c: sumCounters(mine.map((a) => a.c)), byDept };
}

export interface CorrectionsResult {
  corrections: Array<{ month: string; c: Counters }>;
  cumulative: Record<string, Counters>;
}

/**
 * For each earlier month with a frozen (approved) snapshot: drift = live counters now − frozen
 * counters; what the previous snapshot already reported is subtracted, so each change is
 * reported once, in the first snapshot built after it.
 */
export function correctionsOf(
  live: Record<string, Counters>,
  frozen: Record<string, Counters>,
  previousCumulative: Record<string, Counters>,
): CorrectionsResult {
  const corrections: CorrectionsResult['corrections'] = [];
  const cumulative: Record<string, Counters> = {};
  for (const month of Object.keys(frozen).sort()) {
    const drift = diffCounters(live[month] ?? {}, frozen[month]!);
    if (Object.keys(drift).length) cumulative[month] = drift;
    const fresh = diffCounters(drift, previousCumulative[month] ?? {});
    if (Object.keys(fresh).length) corrections.push({ month, c: fresh });
  }
  return { corrections, cumulative };
}

export { staffFlags };

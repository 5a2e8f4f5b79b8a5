/** The JSON the dashboard callables return for a month's figures. Pure. */
import type { Counters } from './delta';
import { breakdownOf, figuresOf, staffFlags, type Figure, type StaffFlag } from './figures';
import type { KpiSnapshot } from './documents';

export interface KpiMonthView {
  month: string;
  source: 'live' | 'published' | 'draft';
  scope: { branchId: string | null; deptId: string | null };
  figures: Figure[];
  counters: Counters;
  breakdowns: { kind: Array<{ key: string; count: number }>; subject: Array<{ key: string; count: number }>; channel: Array<{ key: string; count: number }> };
  byDept: Record<string, Figure[]>;
  flags: StaffFlag[];
  corrections: Array<{ month: string; c: Counters }>;
  commentary: string;
  approvedAt: string | null;
  approvedByName: string | null;
}

export function monthView(
  month: string, scope: KpiMonthView['scope'], c: Counters, byDept: Record<string, Counters>, targets: Record<string, number>,
  snap: KpiSnapshot | null,
): KpiMonthView {
  const source = snap ? (snap.status === 'approved' ? 'published' : 'draft') : 'live';
  return {
    month, source, scope,
    figures: figuresOf(c, targets),
    counters: Object.fromEntries(Object.entries(c).filter(([k]) => !k.startsWith('staff.'))),
    breakdowns: { kind: breakdownOf(c, 'kind'), subject: breakdownOf(c, 'subject'), channel: breakdownOf(c, 'channel') },
    byDept: Object.fromEntries(Object.entries(byDept).map(([d, dc]) => [d, figuresOf(dc, targets)])),
    flags: staffFlags(c),
    corrections: snap?.corrections ?? [],
    commentary: snap?.commentary ?? '',
    approvedAt: snap?.approvedAt?.toISOString() ?? null,
    approvedByName: snap?.approvedByName ?? null,
  };
}

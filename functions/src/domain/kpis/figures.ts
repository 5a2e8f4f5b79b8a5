/** KPI values from counters, attainment against targets, staff flags. Pure. */
import { FLAG_THRESHOLD, KPI_IDS, KPIS, STAFF_COUNTERS, type KpiId, type StaffCounter } from './definitions';
import { counter, type Counters } from './delta';

export type Attainment = 'met' | 'missed' | 'no_data';

export interface Figure {
  kpi: KpiId;
  /** Rates 0–1, averages as is, counts as counts; null when the denominator is 0. */
  value: number | null;
  numerator: number;
  denominator: number | null;
  /** Target in percent, for rates that have one. */
  target: number | null;
  attainment: Attainment | null;
}

export function figuresOf(c: Counters, targets: Record<string, number>): Figure[] {
  return KPI_IDS.map((kpi) => {
    const def = KPIS[kpi];
    const numerator = counter(c, def.numerator);
    const denominator = def.denominator ? counter(c, def.denominator) : null;
    const value = denominator === null ? numerator : denominator === 0 ? null : numerator / denominator;
    const target = def.type === 'rate' ? (targets[kpi] ?? null) : null;
    const attainment: Attainment | null = target === null ? null
      : value === null ? 'no_data'
        : value * 100 + 1e-9 >= target ? 'met' : 'missed';
    return { kpi, value, numerator, denominator, target, attainment };
  });
}

/** One staff member's counters from `staff.<uid>.<name>` keys. */
export function staffFigures(c: Counters, uid: string): Record<StaffCounter, number> {
  return Object.fromEntries(STAFF_COUNTERS.map((n) => [n, c[`staff.${uid}.${n}`] ?? 0])) as Record<StaffCounter, number>;
}

export interface StaffFlag {
  uid: string;
  confirmedComplaints: number;
}

/** Staff with FLAG_THRESHOLD or more confirmed complaints, most first [001 商场 三(四)]. */
export function staffFlags(c: Counters): StaffFlag[] {
  const out: StaffFlag[] = [];
  for (const [key, n] of Object.entries(c)) {
    const m = /^staff\.([^.]+)\.confirmedComplaints$/.exec(key);
    if (m && n >= FLAG_THRESHOLD) out.push({ uid: m[1]!, confirmedComplaints: n });
  }
  return out.sort((a, b) => b.confirmedComplaints - a.confirmedComplaints || a.uid.localeCompare(b.uid));
}

/** A breakdown (`kind`, `subject`, `channel`) as rows, largest first. */
export function breakdownOf(c: Counters, prefix: 'kind' | 'subject' | 'channel'): Array<{ key: string; count: number }> {
  return Object.entries(c)
    .filter(([k, n]) => k.startsWith(`${prefix}.`) && n !== 0)
    .map(([k, count]) => ({ key: k.slice(prefix.length + 1), count }))
    .sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
}

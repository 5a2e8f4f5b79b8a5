/**
 * KPI targets: configuration per organisation and per year (`kpiTargets/{year}`), in percent,
 * 0–100. Missing targets take the rules' defaults (definitions.ts KPIS.defaultTarget).
 */
import { z } from 'zod';
import type { Refusal } from '../refusal';
import { KPIS, TARGETABLE, type KpiId } from './definitions';

export type Targets = Partial<Record<KpiId, number>>;

export const KpiTargetsDoc = z.object({
  year: z.number().int().min(2000).max(2100),
  targets: z.record(z.string(), z.number().min(0).max(100)),
  updatedBy: z.string().min(1),
  updatedAt: z.date(),
});
export type KpiTargetsDoc = z.infer<typeof KpiTargetsDoc>;

/** The refusal for the first bad target (unknown KPI, outside 0–100 %), or null. */
export function targetRefusal(targets: Record<string, number>): Refusal | null {
  for (const [kpi, value] of Object.entries(targets)) {
    if (!(TARGETABLE as readonly string[]).includes(kpi)) return { reason: 'kpis.unknown_target', params: { kpi } };
    if (!Number.isFinite(value) || value < 0 || value > 100) return { reason: 'kpis.target_out_of_range', params: { kpi, value } };
  }
  return null;
}

/** The targets in force: configured ones over the defaults. */
export function effectiveTargets(configured: Record<string, number> | null): Record<string, number> {
  const out: Record<string, number> = {};
  for (const k of TARGETABLE) {
    const t = configured?.[k] ?? KPIS[k].defaultTarget;
    if (t !== null && t !== undefined) out[k] = t;
  }
  return out;
}

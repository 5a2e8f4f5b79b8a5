import type { Firestore } from 'firebase-admin/firestore';
import type { Actor } from '../../domain/actor';
import { targetRefusal, effectiveTargets } from '../../domain/kpis/targets';
import { KPI_TARGETS } from './monthly';
import { kpiRefusal } from './refuse';

/** Sets a year's targets (percent, 0–100, rates only); refused whole when one is out of range. */
export async function saveTargets(db: Firestore, actor: Actor, year: number, targets: Record<string, number>, now: Date): Promise<Record<string, number>> {
  const bad = targetRefusal(targets);
  if (bad) throw kpiRefusal('invalid-argument', bad, { fields: { [`targets.${String(bad.params.kpi)}`]: bad.reason } });
  await db.collection(KPI_TARGETS).doc(String(year)).set({ year, targets, updatedBy: actor.uid, updatedAt: now });
  return effectiveTargets(targets);
}

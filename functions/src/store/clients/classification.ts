/**
 * The quarterly re-ranking: preview (nothing written) and apply (idempotent). The run document
 * `classificationRuns/{quarter}` is created first; a second delivery finds it applied and does
 * nothing; an interrupted run is resumed by the next delivery: the plan is recomputed and
 * clients already changed no longer differ, so nothing is applied twice. Each change is one
 * history entry on the client with the quarter and the reason.
 */
import { FieldValue, type Firestore } from 'firebase-admin/firestore';
import { CLIENTS_COL, COL, eventId } from '../../domain/collections';
import { monthsOfQuarter, planClassification, type ClassificationChange } from '../../domain/clients/classification';
import { ClassificationRun, ClientHistoryEntry, ClientRecord, Purchase } from '../../domain/clients/schemas';
import type { WorkCalendar } from '../../domain/calendar';
import { parseData, parseDoc } from '../../lib/firestore';
import { loadClientRules } from './config';
import { refuse } from './errors';
import { monthsInFlight, shanghaiMonth } from './import';

export interface ClassificationPreview {
  quarter: string;
  clients: number;
  changes: Array<ClassificationChange & { name: string; code: string }>;
  scales: Record<'1' | '2' | '3', number>;
}

async function plan(db: Firestore, quarter: string, now: Date) {
  const months = monthsOfQuarter(quarter);
  if (months[2] >= shanghaiMonth(now)) throw refuse('failed-precondition', 'clients.quarter_not_over', { quarter });
  const busy = await monthsInFlight(db, months);
  if (busy.length) throw refuse('failed-precondition', 'clients.month_importing', { month: busy.join(', ') });
  const [clientSnap, purchaseSnap, rules] = await Promise.all([
    db.collection(COL.clients).get(), // clients written before the archive have no `active` field: filtered below
    db.collection(CLIENTS_COL.purchases).where('month', 'in', months).get(),
    loadClientRules(db),
  ]);
  const clients = clientSnap.docs.map((d) => ({ id: d.id, c: parseData(ClientRecord, d.data(), d.ref.path) })).filter(({ c }) => c.active);
  const totals = new Map<string, { qty: number; amount: number }>();
  for (const d of purchaseSnap.docs) {
    const p = parseDoc(Purchase, d);
    const t = totals.get(p.clientId) ?? { qty: 0, amount: 0 };
    t.qty += p.qty;
    t.amount += p.amount;
    totals.set(p.clientId, t);
  }
  const { ranked, changes } = planClassification(quarter, clients.map(({ id, c }) => ({
    id, format: c.format, marketType: c.marketType, scale: c.scale, tier: c.tier, combinedCode: c.combinedCode,
    computedTier: c.computedTier, tierOverride: c.tierOverride,
  })), totals, rules);
  return { clients: new Map(clients.map(({ id, c }) => [id, c])), ranked, changes };
}

export async function previewClassification(db: Firestore, quarter: string, now: Date): Promise<ClassificationPreview> {
  const { clients, ranked, changes } = await plan(db, quarter, now);
  const scales = { '1': 0, '2': 0, '3': 0 };
  for (const r of ranked) scales[String(r.scale) as '1' | '2' | '3']++;
  return {
    quarter, clients: ranked.length, scales,
    changes: changes.map((c) => ({ ...c, name: clients.get(c.clientId)!.name, code: clients.get(c.clientId)!.code })),
  };
}

/** Applies the quarter's ranking once. Returns what it changed (0 when already applied). */
export async function applyClassification(db: Firestore, quarter: string, actor: { uid: string; name: string }, now: Date): Promise<{ applied: boolean; changed: number }> {
  const runRef = db.collection(CLIENTS_COL.classificationRuns).doc(quarter);
  const existing = await runRef.get();
  if (existing.exists && parseDoc(ClassificationRun, existing).state === 'applied') return { applied: false, changed: 0 };
  const { clients, changes } = await plan(db, quarter, now);
  if (!existing.exists) {
    await runRef.create({ quarter, state: 'running', startedAt: now, appliedAt: null, clients: clients.size, changed: 0, actorUid: actor.uid });
  }
  for (let i = 0; i < changes.length; i += 200) {
    const batch = db.batch();
    for (const ch of changes.slice(i, i + 200)) {
      const c = clients.get(ch.clientId)!;
      const version = c.version + 1;
      const ref = db.collection(COL.clients).doc(ch.clientId);
      // History first (created: a concurrent edit of the same version makes the batch fail rather than overwrite).
      batch.create(ref.collection(CLIENTS_COL.clientHistory).doc(eventId(version)), ClientHistoryEntry.parse({
        type: 'classified', at: now, actorUid: actor.uid, actorName: actor.name, quarter, reason: ch.reason,
        changes: {
          scale: { from: ch.from.scale, to: ch.to.scale }, tier: { from: ch.from.tier, to: ch.to.tier },
          combinedCode: { from: ch.from.combinedCode, to: ch.to.combinedCode },
        },
      }));
      batch.update(ref, { scale: ch.to.scale, tier: ch.to.tier, computedTier: ch.to.computedTier, combinedCode: ch.to.combinedCode, version, updatedAt: now });
    }
    await batch.commit();
  }
  await runRef.update({ state: 'applied', appliedAt: now, changed: FieldValue.increment(changes.length) });
  return { applied: true, changed: changes.length };
}

/** Is `now` (Shanghai) the first working day of January, April, July or October? */
export function isFirstWorkingDayOfQuarter(calendar: WorkCalendar, now: Date): boolean {
  const local = calendar.localDate(now); // YYYY-MM-DD
  const month = Number(local.slice(5, 7));
  if ((month - 1) % 3 !== 0 || !calendar.isWorkingDay(now)) return false;
  for (let d = 1; d < Number(local.slice(8, 10)); d++) {
    const earlier = new Date(`${local.slice(0, 8)}${String(d).padStart(2, '0')}T04:00:00Z`); // noon in Shanghai
    if (calendar.isWorkingDay(earlier)) return false;
  }
  return true;
}

/**
 * What the dashboards read. A month's figures come from its aggregate documents (one per
 * branch × department: the cost does not grow with the number of tickets) or, once approved,
 * from its frozen snapshot (one document).
 */
import type { Firestore } from 'firebase-admin/firestore';
import type { Actor } from '../../domain/actor';
import { COL } from '../../domain/collections';
import { Ticket } from '../../domain/documents';
import { KpiSnapshot, snapshotId } from '../../domain/kpis/documents';
import { addCounters, sumCounters, type Counters } from '../../domain/kpis/delta';
import { isResolvedOnTime } from '../../domain/kpis/definitions';
import { staffFigures } from '../../domain/kpis/figures';
import { monthStart, addMonths, monthsEnding } from '../../domain/kpis/month';
import { kpiReadRefusal } from '../../domain/kpis/policy';
import { monthView, type KpiMonthView } from '../../domain/kpis/views';
import type { KpiTicketsInput } from '../../domain/kpis/api';
import { canReadTicket } from '../../domain/policy';
import { TicketKind } from '../../domain/vocabulary';
import { parseDoc } from '../../lib/firestore';
import { loadTargets, readAggregates, KPI_SNAPSHOTS } from './monthly';
import { kpiRefusal } from './refuse';

export interface ScopeInput { branchId?: string | undefined; deptId?: string | undefined }

function snapshotRefId(month: string, s: ScopeInput): string | null {
  if (s.deptId) return snapshotId(month, 'dept', s.deptId);
  if (s.branchId) return snapshotId(month, 'branch', s.branchId);
  return null; // the whole organisation has no snapshot of its own
}

/** A department's branch (for the policy) from its aggregates or, failing that, the departments collection. */
async function scopeRef(db: Firestore, s: ScopeInput): Promise<{ branchId: string | null; deptId: string | null }> {
  if (!s.deptId) return { branchId: s.branchId ?? null, deptId: null };
  const d = await db.collection(COL.departments).doc(s.deptId).get();
  return { branchId: (d.get('branchId') as string | undefined) ?? s.branchId ?? null, deptId: s.deptId };
}

/** A month's figures for a scope: the approved snapshot when there is one, else live from the aggregates. */
export async function readMonth(db: Firestore, actor: Actor, month: string, s: ScopeInput): Promise<KpiMonthView> {
  const ref = await scopeRef(db, s);
  const snapId = snapshotRefId(month, s);
  const snapDoc = snapId ? await db.collection(KPI_SNAPSHOTS).doc(snapId).get() : null;
  const snap = snapDoc?.exists ? parseDoc(KpiSnapshot, snapDoc) : null;
  const published = snap?.status === 'approved';
  const denied = kpiReadRefusal(actor, ref, published);
  if (denied) throw kpiRefusal('permission-denied', denied);
  if (snap && published) return monthView(month, ref, snap.c, snap.byDept, snap.targets, snap);
  const [aggs, targets] = await Promise.all([readAggregates(db, month, s), loadTargets(db, Number(month.slice(0, 4)))]);
  const byDept: Record<string, Counters> = {};
  for (const a of aggs) byDept[a.deptId] = addCounters(byDept[a.deptId] ?? {}, a.c);
  return monthView(month, ref, sumCounters(aggs.map((a) => a.c)), s.deptId ? {} : byDept, targets, snap);
}

/** Figures month by month (published months from their frozen snapshots). */
export async function readTrend(db: Firestore, actor: Actor, endMonth: string, months: number, s: ScopeInput): Promise<KpiMonthView[]> {
  const ref = await scopeRef(db, s);
  const list = monthsEnding(endMonth, months);
  const ids = list.map((m) => snapshotRefId(m, s));
  const snaps = ids[0] ? await db.getAll(...ids.map((id) => db.collection(KPI_SNAPSHOTS).doc(id!))) : [];
  const frozen = new Map(snaps.filter((d) => d.exists).map((d) => parseDoc(KpiSnapshot, d)).filter((x) => x.status === 'approved').map((x) => [x.month, x]));
  // Staff without live rights see the published months only.
  const liveDenied = kpiReadRefusal(actor, ref, false);
  if (liveDenied && frozen.size === 0 && kpiReadRefusal(actor, ref, true)) throw kpiRefusal('permission-denied', liveDenied);
  const years = [...new Set(list.map((m) => Number(m.slice(0, 4))))];
  const targets = new Map(await Promise.all(years.map(async (y) => [y, await loadTargets(db, y)] as const)));
  return Promise.all(list.map(async (m) => {
    const snap = frozen.get(m);
    if (snap) return monthView(m, ref, snap.c, {}, snap.targets, snap);
    if (liveDenied) return monthView(m, ref, {}, {}, targets.get(Number(m.slice(0, 4)))!, null);
    const aggs = await readAggregates(db, m, s);
    return monthView(m, ref, sumCounters(aggs.map((a) => a.c)), {}, targets.get(Number(m.slice(0, 4)))!, null);
  }));
}

/** One staff member's own figures for a month (confirmed complaints, visits, spot checks, resolutions). */
export async function readMyFigures(db: Firestore, actor: Actor, month: string) {
  const aggs = await readAggregates(db, month);
  return { month, uid: actor.uid, ...staffFigures(sumCounters(aggs.map((a) => a.c)), actor.uid) };
}

/**
 * Drill-down: tickets RECEIVED in the month in the scope, narrowed by a breakdown or a measure,
 * each checked with canReadTicket (rows the caller may not read are left out, and counted).
 * Queries use the ticket lists' indexes: (ownerDeptId, receivedAt) for a department (tickets it
 * owns now), (branchId, kind, receivedAt) for a branch.
 */
export async function drillDown(db: Firestore, actor: Actor, input: KpiTicketsInput): Promise<{ tickets: Array<{ id: string; ticket: Ticket }>; hidden: number }> {
  const from = monthStart(input.month);
  const to = monthStart(addMonths(input.month, 1));
  const tickets = db.collection(COL.tickets);
  const base = input.deptId
    ? [tickets.where('ownerDeptId', '==', input.deptId)]
    : (input.kind ? [input.kind] : TicketKind.options).map((k) => {
      const q = tickets.where('kind', '==', k);
      return input.branchId ? q.where('branchId', '==', input.branchId) : q;
    });
  const snaps = await Promise.all(base.map((q) => q.where('receivedAt', '>=', from).where('receivedAt', '<', to).orderBy('receivedAt', 'desc').limit(input.limit * 4).get()));
  let hidden = 0;
  const rows: Array<{ id: string; ticket: Ticket }> = [];
  for (const snap of snaps) {
    for (const d of snap.docs) {
      const t = parseDoc(Ticket, d);
      if (input.kind && t.kind !== input.kind) continue;
      if (input.subject && t.subject !== input.subject) continue;
      if (input.channel && t.channel !== input.channel) continue;
      if (input.branchId && t.branchId !== input.branchId) continue;
      if (input.measure && !measured(input.measure, t)) continue;
      if (!canReadTicket(actor, t).allowed) {
        hidden++;
        continue;
      }
      rows.push({ id: d.id, ticket: t });
    }
  }
  rows.sort((a, b) => b.ticket.receivedAt.getTime() - a.ticket.receivedAt.getTime());
  return { tickets: rows.slice(0, input.limit), hidden };
}

function measured(m: NonNullable<KpiTicketsInput['measure']>, t: Ticket): boolean {
  switch (m) {
    case 'late': {
      const resolvedAt = t.resolution?.signedOffAt ?? null;
      return resolvedAt ? !isResolvedOnTime({ dueAt: t.dueAt, escalationLevel: t.escalationLevel, reopenCount: t.reopenCount ?? 0 }, resolvedAt) : t.escalationLevel > Math.min(t.reopenCount ?? 0, 2);
    }
    case 'reopened': return (t.reopenCount ?? 0) > 0;
    case 'escalated': return t.escalationLevel > Math.min(t.reopenCount ?? 0, 2);
    case 'cancelled': return t.state === 'cancelled';
    case 'open': return !['closed', 'cancelled'].includes(t.state);
  }
}

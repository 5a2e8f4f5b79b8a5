/**
 * Visit plans and coverage [001 §13]: every client visited every month (100 %), A and B weekly,
 * C every two weeks (configurable days per tier). No Firebase.
 *
 * A month is cut into periods of the tier's length from the 1st; a last piece shorter than half
 * a period joins the one before (a 30-day month has four weekly periods: 1–7, 8–14, 15–21,
 * 22–30; fortnightly: 1–14, 15–30). One visit in each period fulfils the plan.
 */
import type { ClientTier } from '../vocabulary';
import type { ClientRulesConfig } from './schemas';

export interface Period {
  from: string; // YYYY-MM-DD
  to: string;
}

export function daysInMonth(month: string): number {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

const day = (month: string, d: number) => `${month}-${String(d).padStart(2, '0')}`;

export function periodsOf(month: string, everyDays: number): Period[] {
  const days = daysInMonth(month);
  const bounds: Array<[number, number]> = [];
  for (let start = 1; start <= days; start += everyDays) bounds.push([start, Math.min(days, start + everyDays - 1)]);
  const last = bounds[bounds.length - 1]!;
  if (bounds.length > 1 && last[1] - last[0] + 1 < everyDays / 2) {
    bounds.pop();
    bounds[bounds.length - 1]![1] = days;
  }
  return bounds.map(([a, b]) => ({ from: day(month, a), to: day(month, b) }));
}

export interface PlanClient {
  id: string;
  name: string;
  tier: ClientTier;
  routeId: string;
}

export function planMonth(month: string, clients: readonly PlanClient[], rules: Pick<ClientRulesConfig, 'visitEveryDays'>) {
  return clients.map((c) => ({ clientId: c.id, clientName: c.name, tier: c.tier, routeId: c.routeId, periods: periodsOf(month, rules.visitEveryDays[c.tier]) }));
}

export interface PlannedItem {
  clientId: string;
  clientName: string;
  routeId: string;
  periods: readonly Period[];
}
export interface CoverageLine {
  key: string;
  clients: number;
  visitedClients: number;
  /** visited clients / clients (target 1.0). */
  coverage: number;
  periods: number;
  periodsMet: number;
}
export interface MissedVisit {
  managerUid: string;
  clientId: string;
  clientName: string;
  routeId: string;
  period: Period;
}

/**
 * Coverage of a month's plans by its visits: per manager, route and branch; missed periods are
 * those that ended before `today` (YYYY-MM-DD) with no visit to the client.
 */
export function coverage(
  plans: ReadonlyArray<{ managerUid: string; branchId: string; items: readonly PlannedItem[] }>,
  visits: ReadonlyArray<{ clientId: string; date: string }>,
  today: string,
): { byManager: CoverageLine[]; byRoute: CoverageLine[]; byBranch: CoverageLine[]; missed: MissedVisit[] } {
  const datesOf = new Map<string, string[]>();
  for (const v of visits) {
    const l = datesOf.get(v.clientId);
    if (l) l.push(v.date);
    else datesOf.set(v.clientId, [v.date]);
  }
  const acc = { manager: new Map<string, CoverageLine>(), route: new Map<string, CoverageLine>(), branch: new Map<string, CoverageLine>() };
  const add = (map: Map<string, CoverageLine>, key: string, visited: boolean, periods: number, met: number) => {
    const line = map.get(key) ?? { key, clients: 0, visitedClients: 0, coverage: 0, periods: 0, periodsMet: 0 };
    line.clients++;
    if (visited) line.visitedClients++;
    line.periods += periods;
    line.periodsMet += met;
    map.set(key, line);
  };
  const missed: MissedVisit[] = [];
  for (const plan of plans) {
    for (const item of plan.items) {
      const dates = datesOf.get(item.clientId) ?? [];
      let met = 0;
      for (const p of item.periods) {
        if (dates.some((d) => d >= p.from && d <= p.to)) met++;
        else if (p.to < today) missed.push({ managerUid: plan.managerUid, clientId: item.clientId, clientName: item.clientName, routeId: item.routeId, period: p });
      }
      const visited = dates.length > 0;
      add(acc.manager, plan.managerUid, visited, item.periods.length, met);
      add(acc.route, item.routeId || '(none)', visited, item.periods.length, met);
      add(acc.branch, plan.branchId, visited, item.periods.length, met);
    }
  }
  const done = (m: Map<string, CoverageLine>) =>
    [...m.values()].map((l) => ({ ...l, coverage: l.clients ? l.visitedClients / l.clients : 1 })).sort((a, b) => (a.key < b.key ? -1 : 1));
  return { byManager: done(acc.manager), byRoute: done(acc.route), byBranch: done(acc.branch), missed };
}

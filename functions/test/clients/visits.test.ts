import { coverage, periodsOf, planMonth } from '../../src/domain/clients/visits';
import { DEFAULT_CLIENT_RULES } from '../../src/domain/clients/schemas';

test('weekly periods: a short last piece joins the one before', () => {
  expect(periodsOf('2026-11', 7).map((p) => `${p.from.slice(8)}-${p.to.slice(8)}`)).toEqual(['01-07', '08-14', '15-21', '22-30']);
  expect(periodsOf('2026-02', 7)).toHaveLength(4);
  expect(periodsOf('2026-11', 14).map((p) => p.to.slice(8))).toEqual(['14', '30']);
});

test('plan: A and B weekly, C fortnightly', () => {
  const plan = planMonth('2026-11', [
    { id: 'a', name: 'A', tier: 'A', routeId: 'r1' }, { id: 'c', name: 'C', tier: 'C', routeId: 'r1' },
  ], DEFAULT_CLIENT_RULES);
  expect(plan.map((p) => p.periods.length)).toEqual([4, 2]);
});

test('coverage per manager, route and branch; missed periods only once they are over', () => {
  const items = planMonth('2026-11', [
    { id: 'a', name: 'A', tier: 'A', routeId: 'r1' }, { id: 'c', name: 'C', tier: 'C', routeId: 'r2' },
  ], DEFAULT_CLIENT_RULES);
  const result = coverage([{ managerUid: 'm1', branchId: 'b1', items }], [
    { clientId: 'a', date: '2026-11-03' }, { clientId: 'a', date: '2026-11-10' },
  ], '2026-11-16');
  expect(result.byManager).toEqual([{ key: 'm1', clients: 2, visitedClients: 1, coverage: 0.5, periods: 6, periodsMet: 2 }]);
  expect(result.byRoute.map((l) => [l.key, l.coverage])).toEqual([['r1', 1], ['r2', 0]]);
  expect(result.missed.map((m) => `${m.clientId} ${m.period.from}`)).toEqual(['c 2026-11-01']);
});

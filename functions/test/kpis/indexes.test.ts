/**
 * The KPI area's queries, recorded on a fake Firestore: each needs either no composite index
 * (equality-only, or one field) or one that firestore.indexes.json already declares (the
 * drill-down reuses the ticket lists' indexes). Nothing to add to the file.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Firestore } from 'firebase-admin/firestore';
import type { Actor } from '../../src/domain/actor';
import { KpiTicketsInput } from '../../src/domain/kpis/api';
import { drillDown } from '../../src/store/kpis/read';
import { readAggregates } from '../../src/store/kpis/monthly';

interface Recorded { collection: string; filters: Array<{ field: string; op: string }>; orders: Array<{ field: string; dir: string }> }

function recordingDb(log: Recorded[]): Firestore {
  const query = (q: Recorded): unknown => ({
    where: (field: string, op: string) => query({ ...q, filters: [...q.filters, { field, op }] }),
    orderBy: (field: string, dir = 'asc') => query({ ...q, orders: [...q.orders, { field, dir }] }),
    limit: () => query(q),
    select: () => query(q),
    get: async () => (log.push(q), { docs: [], size: 0, empty: true }),
  });
  return { collection: (c: string) => query({ collection: c, filters: [], orders: [] }) } as unknown as Firestore;
}

const RANGE = new Set(['<', '<=', '>', '>=', '!=', 'not-in']);
const declared = (JSON.parse(readFileSync(join(__dirname, '../../../firestore.indexes.json'), 'utf8')) as {
  indexes: Array<{ collectionGroup: string; fields: Array<{ fieldPath: string; order?: string }> }>;
}).indexes;

/** The composite index a query needs, as `collection: eq1,eq2 | order DIR`, or null. */
function needed(q: Recorded): string | null {
  const eq = [...new Set(q.filters.filter((f) => !RANGE.has(f.op)).map((f) => f.field))].sort();
  const orders = [...q.orders];
  for (const r of new Set(q.filters.filter((f) => RANGE.has(f.op)).map((f) => f.field))) if (!orders.some((o) => o.field === r)) orders.unshift({ field: r, dir: 'asc' });
  if (orders.length === 0 || (eq.length === 0 && orders.length === 1)) return null;
  return `${q.collection}: ${eq.join(',')} | ${orders.map((o) => `${o.field} ${o.dir === 'desc' ? 'DESCENDING' : 'ASCENDING'}`).join(',')}`;
}

function isDeclared(want: string): boolean {
  return declared.some((i) => {
    const orderCount = want.split(' | ')[1]!.split(',').length;
    const eq = i.fields.slice(0, i.fields.length - orderCount).map((f) => f.fieldPath).sort().join(',');
    const tail = i.fields.slice(i.fields.length - orderCount).map((f) => `${f.fieldPath} ${f.order}`).join(',');
    return `${i.collectionGroup}: ${eq} | ${tail}` === want;
  });
}

const leader: Actor = { uid: 'u', role: 'leadership', deptId: 'd', deptKind: 'leadership', branchId: 'b', displayName: 'U', locale: 'zh-CN' };

test('every KPI query is served by single-field indexes or a declared composite index', async () => {
  const log: Recorded[] = [];
  const db = recordingDb(log);
  for (const scope of [{ deptId: 'd' }, { branchId: 'b' }, { branchId: 'b', kind: 'complaint' }, { deptId: 'd', kind: 'repair', measure: 'late' }]) {
    await drillDown(db, leader, KpiTicketsInput.parse({ month: '2026-10', ...scope }));
  }
  for (const scope of [{}, { branchId: 'b' }, { deptId: 'd' }]) await readAggregates(db, '2026-10', scope);
  // By hand (need config or a transaction): buildMonth's month ranges, chaseMonth's drafts, the rebuild's scan.
  log.push(
    { collection: 'kpiAggregates', filters: [{ field: 'month', op: '>=' }, { field: 'month', op: '<=' }], orders: [] },
    { collection: 'kpiSnapshots', filters: [{ field: 'month', op: '>=' }, { field: 'month', op: '<=' }], orders: [] },
    { collection: 'kpiSnapshots', filters: [{ field: 'month', op: '==' }, { field: 'status', op: '==' }], orders: [] },
    { collection: 'tickets', filters: [{ field: 'updatedAt', op: '>=' }], orders: [] },
  );
  expect(log.length).toBeGreaterThan(10);
  const composite = [...new Set(log.map(needed).filter((n): n is string => n !== null))];
  expect(composite.length).toBeGreaterThan(0); // the drill-down needs some: they must be the declared ones
  expect(composite.filter((n) => !isDeclared(n))).toEqual([]);
  expect(composite).toContain('tickets: ownerDeptId | receivedAt DESCENDING');
  expect(isDeclared('tickets: channel | receivedAt DESCENDING')).toBe(false); // the check can fail
});

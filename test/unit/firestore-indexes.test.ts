/**
 * Offline checks of firestore.indexes.json: valid `firebase` shape, no duplicates, every index
 * on a known collection and on fields its zod schema has; and every composite index the store's
 * queries need in production is there — the ticket lists and the inbox are run against a fake
 * Firestore that records each query (every role, department kind and queue), the sweeper's and
 * the audit log's queries are listed by hand.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Firestore } from 'firebase-admin/firestore';
import type { z } from 'zod';
import type { Actor } from '../../functions/src/domain/actor';
import { TicketQueue, ListTicketsInput } from '../../functions/src/domain/api';
import { createCalendar, defaultCalendarConfig } from '../../functions/src/domain/calendar';
import { COL } from '../../functions/src/domain/collections';
import {
  Branch, Client, DeferredMail, DeferredMessage, Department, Notification, Staff, Ticket, TicketEvent,
} from '../../functions/src/domain/documents';
import { AuditEntry } from '../../functions/src/domain/org/audit';
import { DeptKind, Role } from '../../functions/src/domain/vocabulary';
import { readInbox } from '../../functions/src/store/inbox';
import { listTicketRows } from '../../functions/src/store/tickets/list';
import { clientTickets, searchClients, ticketByNumber } from '../../functions/src/store/tickets/pickers';
import { BRANCHES, DEPARTMENTS } from '../support/fixtures';
import { Campaign, SurveyResponse } from '../../functions/src/domain/surveys/campaign';
import { CallbackTask, WorkOrder } from '../../functions/src/domain/workorders/documents';
import { listCallbackTasks } from '../../functions/src/store/workorders/callbacks';
import { listOrders } from '../../functions/src/store/workorders/orders';
import { KpiTicketsInput } from '../../functions/src/domain/kpis/api';
import { drillDown } from '../../functions/src/store/kpis/read';

interface IndexField { fieldPath: string; order?: 'ASCENDING' | 'DESCENDING'; arrayConfig?: 'CONTAINS' }
interface Index { collectionGroup: string; queryScope: 'COLLECTION' | 'COLLECTION_GROUP'; fields: IndexField[] }

const raw: unknown = JSON.parse(readFileSync(join(__dirname, '../../firestore.indexes.json'), 'utf8'));
const file = raw as { indexes: Index[]; fieldOverrides: unknown[] };

/** The schema of each collection that may carry an index. */
const SCHEMAS: Record<string, z.ZodType> = {
  [COL.tickets]: Ticket,
  [COL.events]: TicketEvent,
  [COL.notifications]: Notification,
  [COL.auditLog]: AuditEntry,
  [COL.deferredMail]: DeferredMail,
  [COL.deferredMessages]: DeferredMessage,
  [COL.staff]: Staff,
  [COL.departments]: Department,
  [COL.branches]: Branch,
  [COL.clients]: Client,
  [COL.surveyCampaigns]: Campaign,
  [COL.surveyResponses]: SurveyResponse,
  [COL.workOrders]: WorkOrder,
  [COL.callbackTasks]: CallbackTask,
};

/** Whether a (dotted) field path exists on an object schema, looking through optional/nullable/default. */
function hasField(schema: z.ZodType, path: string): boolean {
  let s: unknown = schema;
  for (const segment of path.split('.')) {
    for (let def = (s as { def?: { innerType?: unknown } }).def; def?.innerType; def = (s as { def?: { innerType?: unknown } }).def) s = def.innerType;
    const shape = (s as { shape?: Record<string, z.ZodType> }).shape;
    if (!shape || !(segment in shape)) return false;
    s = shape[segment];
  }
  return true;
}

const key = (i: Index) => `${i.collectionGroup}/${i.queryScope}:${i.fields.map((f) => `${f.fieldPath} ${f.order ?? f.arrayConfig}`).join(',')}`;

describe('firestore.indexes.json', () => {
  test('has the firebase shape: indexes and fieldOverrides, nothing else', () => {
    expect(Object.keys(raw as object).sort()).toEqual(['fieldOverrides', 'indexes']);
    expect(Array.isArray(file.indexes)).toBe(true);
    expect(Array.isArray(file.fieldOverrides)).toBe(true);
    for (const i of file.indexes) {
      expect(Object.keys(i).sort()).toEqual(['collectionGroup', 'fields', 'queryScope']);
      expect(['COLLECTION', 'COLLECTION_GROUP']).toContain(i.queryScope);
      // A one-field index is a single-field index: automatic, and refused in this file on deploy.
      expect(i.fields.length).toBeGreaterThanOrEqual(2);
      for (const f of i.fields) {
        const modes = [f.order !== undefined, f.arrayConfig !== undefined].filter(Boolean);
        expect(modes).toHaveLength(1);
        if (f.order !== undefined) expect(['ASCENDING', 'DESCENDING']).toContain(f.order);
        if (f.arrayConfig !== undefined) expect(f.arrayConfig).toBe('CONTAINS');
      }
      expect(new Set(i.fields.map((f) => f.fieldPath)).size).toBe(i.fields.length);
    }
  });

  test('no index is listed twice', () => {
    const keys = file.indexes.map(key);
    expect(keys.filter((k, n) => keys.indexOf(k) !== n)).toEqual([]);
  });

  test('every index names a known collection and fields of its schema', () => {
    const problems: string[] = [];
    for (const i of file.indexes) {
      const schema = SCHEMAS[i.collectionGroup];
      if (!schema || !(Object.values(COL) as string[]).includes(i.collectionGroup)) {
        problems.push(`${key(i)}: unknown collection`);
        continue;
      }
      for (const f of i.fields) if (!hasField(schema, f.fieldPath)) problems.push(`${key(i)}: no field ${f.fieldPath}`);
    }
    expect(problems).toEqual([]);
  });
});

// ── the queries the store runs ──────────────────────────────────────────────────────────────

interface Recorded { collection: string; filters: Array<{ field: string; op: string }>; orders: Array<{ field: string; dir: 'asc' | 'desc' }> }

/** A Firestore that answers every query with nothing and records its shape. */
function recordingDb(log: Recorded[]): Firestore {
  const query = (q: Recorded): unknown => ({
    where: (field: string, op: string) => query({ ...q, filters: [...q.filters, { field, op }] }),
    orderBy: (field: string, dir: 'asc' | 'desc' = 'asc') => query({ ...q, orders: [...q.orders, { field, dir }] }),
    limit: () => query(q),
    startAfter: () => query(q),
    get: async () => (log.push(q), { docs: [], size: 0, empty: true }),
    count: () => ({ get: async () => (log.push(q), { data: () => ({ count: 0 }) }) }),
  });
  return {
    collection: (c: string) => query({ collection: c, filters: [], orders: [] }),
    getAll: async () => [],
  } as unknown as Firestore;
}

const RANGE = new Set(['<', '<=', '>', '>=', '!=', 'not-in']);
/** Array membership filters are served by an index field with arrayConfig CONTAINS. */
const ARRAY = new Set(['array-contains', 'array-contains-any']);

/** The composite index a query needs (equality fields, then the order), or null when single-field indexes serve it. */
function needed(q: Recorded): Index | null {
  const equality = [...new Set(q.filters.filter((f) => !RANGE.has(f.op)).map((f) => f.field))].sort();
  const isArray = (field: string) => q.filters.some((f) => f.field === field && ARRAY.has(f.op));
  const ranged = [...new Set(q.filters.filter((f) => RANGE.has(f.op)).map((f) => f.field))];
  const orders = [...q.orders];
  for (const r of ranged) if (!orders.some((o) => o.field === r)) orders.unshift({ field: r, dir: 'asc' });
  const fields: IndexField[] = [...equality.map((fieldPath) => isArray(fieldPath)
    ? { fieldPath, arrayConfig: 'CONTAINS' as const }
    : { fieldPath, order: 'ASCENDING' as const }),
    ...orders.map((o) => ({ fieldPath: o.field, order: o.dir === 'desc' ? 'DESCENDING' as const : 'ASCENDING' as const }))];
  if (orders.length === 0 || (equality.length === 0 && orders.length === 1)) return null; // merge join / single-field
  return { collectionGroup: q.collection, queryScope: 'COLLECTION', fields };
}

const mode = (f: IndexField) => `${f.fieldPath} ${f.order ?? f.arrayConfig}`;

/** Whether the file has the index: same collection, the equality fields in any order, then the same order. */
function covered(want: Index): boolean {
  const eq = want.fields.filter((f, n) => n < want.fields.length - 1 && (f.order === 'ASCENDING' || f.arrayConfig === 'CONTAINS'));
  return file.indexes.some((i) => {
    if (i.collectionGroup !== want.collectionGroup || i.queryScope !== want.queryScope || i.fields.length !== want.fields.length) return false;
    const head = i.fields.slice(0, eq.length).map(mode).sort();
    const wantHead = eq.map(mode).sort();
    const tail = i.fields.slice(eq.length).map(mode);
    const wantTail = want.fields.slice(eq.length).map(mode);
    return JSON.stringify(head) === JSON.stringify(wantHead) && JSON.stringify(tail) === JSON.stringify(wantTail);
  });
}

const describeIndex = (i: Index) => `${i.collectionGroup}: ${i.fields.map(mode).join(', ')}`;

/** Queries the recorder cannot run offline (they need config and a calendar), listed by hand. */
const BY_HAND: Recorded[] = [
  // store/deadlines.ts sweepDeadlines: open tickets whose deadline is within the horizon.
  { collection: COL.tickets, filters: [{ field: 'state', op: 'in' }, { field: 'dueAt', op: '<=' }], orders: [] },
  // store/deadlines.ts sweepDeadlines: tickets stuck in `received` since before a bound.
  { collection: COL.tickets, filters: [{ field: 'state', op: '==' }, { field: 'receivedAt', op: '<=' }], orders: [] },
  // store/audit.ts listAuditLog filtered by action, newest first, older than a cursor.
  { collection: COL.auditLog, filters: [{ field: 'action', op: '==' }, { field: 'at', op: '<' }], orders: [{ field: 'at', dir: 'desc' }] },
  // store/surveys: drafts due to open, open campaigns past their deadline, reminders due,
  // complaints per client in the complainers rule's lookback window.
  { collection: COL.surveyCampaigns, filters: [{ field: 'state', op: '==' }, { field: 'opensAt', op: '<=' }], orders: [] },
  { collection: COL.surveyCampaigns, filters: [{ field: 'state', op: '==' }, { field: 'deadline', op: '<=' }], orders: [] },
  { collection: COL.surveyResponses, filters: [{ field: 'status', op: '==' }, { field: 'remindersSent', op: '<' }], orders: [] },
  { collection: COL.tickets, filters: [{ field: 'kind', op: '==' }, { field: 'receivedAt', op: '>=' }], orders: [] },
];

/** The ticket list's shapes: each sort and order, a state filter, received days, a search, a cursor. */
const LIST_REQUESTS: Record<string, unknown>[] = [
  ...(['receivedAt', 'dueAt'] as const).flatMap((sort) => (['asc', 'desc'] as const).map((order) => ({ sort, order }))),
  ...(['receivedAt', 'dueAt'] as const).flatMap((sort) => (['asc', 'desc'] as const).map((order) => ({ sort, order, search: '过期 牛奶' }))),
  { filters: { state: 'closed', kind: 'complaint', receivedFrom: '2025-11-01', receivedTo: '2025-11-30' } },
  { filters: { state: 'closed' }, sort: 'dueAt', order: 'asc' },
  { filters: { state: 'closed' }, sort: 'dueAt', order: 'desc' },
  { filters: { state: 'closed' }, order: 'asc' },
  { search: '13900000009' },
  { cursor: Buffer.from(JSON.stringify({ v: 1, k: '2025-11-17T02:00:00.000Z|t1' })).toString('base64url') },
];
const LIST_CONTEXT = {
  org: {
    departments: Object.entries(DEPARTMENTS).map(([id, d]) => ({ id, ...d })),
    branches: Object.entries(BRANCHES).map(([id, b]) => ({ id, ...b })),
  },
  calendar: createCalendar(defaultCalendarConfig(2024, 2026)),
  now: new Date('2025-11-17T02:00:00Z'),
};

test('every composite index the ticket lists and the inbox need is declared, and no other', async () => {
  const log: Recorded[] = [];
  const db = recordingDb(log);
  for (const role of Role.options) {
    for (const deptKind of DeptKind.options) {
      const actor: Actor = { uid: 'u', role, deptId: 'd', deptKind, branchId: 'b', displayName: 'U', locale: 'zh-CN' };
      for (const queue of TicketQueue.options) {
        await listTicketRows(db, actor, ListTicketsInput.parse({ queue }), LIST_CONTEXT);
        // Scope keys depend on the role and on being quality: the other shapes once per role and side.
        if (deptKind !== 'quality' && deptKind !== 'business') continue;
        for (const request of LIST_REQUESTS) {
          await listTicketRows(db, actor, ListTicketsInput.parse({ queue, withCounts: false, ...request }), LIST_CONTEXT);
        }
      }
    }
  }
  for (const unreadOnly of [false, true]) await readInbox(db, 'u', unreadOnly, 20);
  // The pickers (store/tickets/pickers.ts).
  const someone: Actor = { uid: 'u', role: 'intake', deptId: 'd', deptKind: 'customer_service', branchId: 'b', displayName: 'U', locale: 'zh-CN' };
  await clientTickets(db, someone, LIST_CONTEXT.org, 'c-1', LIST_CONTEXT.now);
  await searchClients(db, someone, LIST_CONTEXT.org, '万家', 10);
  await searchClients(db, someone, LIST_CONTEXT.org, '13800000001', 10);
  await ticketByNumber(db, someone, 'HX-20251117-0001');
  // Work orders: the technician's, the office's and a ticket's lists; the CS centre's callback tasks.
  for (const field of ['technicianUid', 'branchId', 'ticketId'] as const) {
    for (const openOnly of [false, true]) await listOrders(db, { field, value: 'v' }, openOnly, 20);
  }
  for (const state of ['open', 'done'] as const) await listCallbackTasks(db, 'b', state);
  // KPIs: the tickets behind a figure (store/kpis/read.ts drillDown).
  const leader: Actor = { uid: 'u', role: 'leadership', deptId: 'd', deptKind: 'leadership', branchId: 'b', displayName: 'U', locale: 'zh-CN' };
  for (const scope of [{ deptId: 'd' }, { branchId: 'b' }, { branchId: 'b', kind: 'complaint' }, { deptId: 'd', kind: 'repair', measure: 'late' }]) {
    await drillDown(db, leader, KpiTicketsInput.parse({ month: '2026-10', ...scope }));
  }
  expect(log.length).toBeGreaterThan(50); // the recorder saw the queries

  const missing = [...new Set(log.map(needed).filter((i): i is Index => i !== null && !covered(i)).map(describeIndex))];
  expect(missing).toEqual([]);

  // Every declared index serves one of the queries (an unused index costs writes and storage).
  const wanted = [...log, ...BY_HAND].map(needed).filter((i): i is Index => i !== null);
  const unused = file.indexes.filter((i) => !wanted.some((w) => covered(w) && sameIndex(i, w))).map(describeIndex);
  expect(unused).toEqual([]);
});

/** Same collection and fields, the equality prefix in any order. */
function sameIndex(i: Index, w: Index): boolean {
  const n = w.fields.length;
  if (i.collectionGroup !== w.collectionGroup || i.fields.length !== n) return false;
  const f = (x: Index) => [x.fields.slice(0, n - 1).map(mode).sort(), mode(x.fields[n - 1]!)];
  return JSON.stringify(f(i)) === JSON.stringify(f(w));
}

test("the sweeper's and the audit log's queries have their indexes", () => {
  for (const q of BY_HAND) {
    const want = needed(q)!;
    expect(want).not.toBeNull();
    expect(covered(want) ? 'declared' : describeIndex(want)).toBe('declared');
  }
  // Single-field queries (deferred mail/SMS and notifications by deliverAt, staff by role or
  // department, events by seq, clients by code) need nothing in the file.
  expect(needed({ collection: COL.deferredMail, filters: [{ field: 'deliverAt', op: '<=' }], orders: [] })).toBeNull();
});

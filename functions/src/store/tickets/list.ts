/**
 * The ticket list a department runs on (issue 8.2, 9.1): one Firestore query per page, scoped to
 * what the caller may read, open-state filtering in the query, sort keys that are their own
 * cursors, counts by aggregation. Rows are checked by policy (canReadTicket) and by the filters
 * the query could not apply; the store fetches further batches until the page is full or its
 * read budget is spent (then the page is short and `nextCursor` continues after the last ticket
 * read, so nothing is skipped).
 */
import { HttpsError } from 'firebase-functions/v2/https';
import type { Firestore, Query } from 'firebase-admin/firestore';
import type { Actor } from '../../domain/actor';
import { COL } from '../../domain/collections';
import { Ticket, type LifecycleTicket } from '../../domain/documents';
import { canExportPersonalData, canReadTicket, canSeeReporter } from '../../domain/policy';
import type { WorkCalendar } from '../../domain/calendar';
import type { ListTicketsInput, ListTicketsResult, TicketQueue, TicketRowView } from '../../domain/tickets/list-api';
import { TicketQueue as Queues } from '../../domain/tickets/list-api';
import { branchesBelow, listFieldsOf, phoneKey, readerKeys, searchQuery } from '../../domain/tickets/list-fields';
import { passesResidual, planList, queueBase, ticketInQueue, type ListPlan, type PlanContext } from '../../domain/tickets/list-plan';
import { DUE_SOON_WORKING_MS, PAUSED_STATE, timeLeft } from '../../domain/tickets/time-left';
import { TICKETS_REFUSALS } from '../../domain/tickets/refusals';
import type { BranchEntry, DeptEntry } from '../../domain/routing';
import type { TicketNames } from '../../domain/views';
import { parseDoc } from '../../lib/firestore';
import { ticketNames } from './names';
import { ticketIdsByPhone } from './reporter-phones';

/** At most this many batches per page (each at most BATCH_MAX tickets): the read budget (≤ 26+52+104+200+200 for 25 rows). */
const MAX_BATCHES = 5;
const BATCH_MAX = 200;
const PHONE_LIMIT = 100;

export interface ListContext {
  org: { departments: readonly DeptEntry[]; branches: readonly BranchEntry[] };
  calendar: WorkCalendar;
  now: Date;
}

export function planContext(actor: Actor, ctx: ListContext): PlanContext {
  // The policy's branch tree (lifecycle: actor.branchScope, from the cached org); the tree from the list's org otherwise.
  const branchIds = actor.branchScope ?? [actor.branchId, ...branchesBelow(actor.branchId, ctx.org.branches)];
  return {
    actor,
    readerKeys: readerKeys(actor, branchIds),
    now: ctx.now,
    dueSoonUntil: ctx.calendar.addWorkingTime(ctx.now, DUE_SOON_WORKING_MS),
  };
}

/** A plan as a Firestore query (the cursor as a range on the sort key). */
export function planQuery(db: Firestore, plan: Pick<ListPlan, 'scopeKeys' | 'searchToken' | 'equalities' | 'sortField' | 'order' | 'gte' | 'lt'>, after: string | null): Query {
  let q: Query = db.collection(COL.tickets);
  if (plan.scopeKeys) q = q.where('scopeKeys', 'array-contains-any', plan.scopeKeys);
  if (plan.searchToken) q = q.where('searchTokens', 'array-contains', plan.searchToken);
  for (const [field, value] of plan.equalities) q = q.where(field, '==', value);
  if (plan.gte !== null) q = q.where(plan.sortField, '>=', plan.gte);
  if (plan.lt !== null) q = q.where(plan.sortField, '<', plan.lt);
  if (after !== null) q = q.where(plan.sortField, plan.order === 'asc' ? '>' : '<', after);
  return q.orderBy(plan.sortField, plan.order);
}

export function encodeCursor(sortKey: string): string {
  return Buffer.from(JSON.stringify({ v: 1, k: sortKey }), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string): string {
  let k: unknown = null;
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (parsed && typeof parsed === 'object' && (parsed as { v?: unknown }).v === 1) k = (parsed as { k?: unknown }).k;
  } catch {
    k = null;
  }
  if (typeof k === 'string' && k.length > 0 && k.length <= 300 && k.includes('|')) return k;
  const reason = 'tickets.bad_cursor';
  throw new HttpsError('invalid-argument', TICKETS_REFUSALS[reason].en, { reason, params: {}, fields: { cursor: 'not a cursor of this list' } });
}

type Found = { id: string; ticket: LifecycleTicket };

/** The page of tickets (documents) and the cursor after it. */
export async function listTicketPage(db: Firestore, actor: Actor, input: ListTicketsInput, ctx: ListContext): Promise<{ items: Found[]; nextCursor: string | null }> {
  const pctx = planContext(actor, ctx);
  const search = input.search?.trim() ? input.search.trim() : null;
  if (search) {
    const phone = phoneKey(search);
    if (phone && canExportPersonalData(actor).allowed) return { items: await byPhone(db, actor, input, pctx, phone), nextCursor: null };
  }
  const tokens = search ? searchQuery(search) : null;
  if (search && !tokens) return { items: [], nextCursor: null };
  const plan = planList(input, pctx, tokens);
  const inQueue = (id: string, t: LifecycleTicket) => (queue: TicketQueue) => ticketInQueue(queue, id, t, pctx);
  const keep = (id: string, t: LifecycleTicket) => canReadTicket(actor, t).allowed && passesResidual(plan.residual, t, inQueue(id, t));

  const items: Found[] = [];
  let after = input.cursor ? decodeCursor(input.cursor) : null;
  // The first batch is the page and one more (usually every row passes); each further batch doubles.
  let batch = input.limit + 1;
  for (let n = 0; n < MAX_BATCHES; n++, batch = Math.min(BATCH_MAX, batch * 2)) {
    const snap = await planQuery(db, plan, after).limit(batch).get();
    for (const [i, d] of snap.docs.entries()) {
      const ticket = parseDoc(Ticket, d);
      after = sortKeyOf(plan.sortField, d.id, ticket);
      if (keep(d.id, ticket)) items.push({ id: d.id, ticket });
      if (items.length === input.limit) {
        const lastOfAll = i === snap.docs.length - 1 && snap.size < batch;
        return { items, nextCursor: lastOfAll ? null : encodeCursor(after) };
      }
    }
    if (snap.size < batch) return { items, nextCursor: null }; // nothing more to read
  }
  return { items, nextCursor: after ? encodeCursor(after) : null };
}

function sortKeyOf(field: ListPlan['sortField'], id: string, t: LifecycleTicket): string {
  return t[field] ?? listFieldsOf(id, t)[field];
}

/** Quality and leadership: tickets whose complainant has this phone (only those they may see the complainant of). */
async function byPhone(db: Firestore, actor: Actor, input: ListTicketsInput, pctx: PlanContext, phone: string): Promise<Found[]> {
  const ids = await ticketIdsByPhone(db, phone, PHONE_LIMIT);
  if (!ids.length) return [];
  const snaps = await db.getAll(...ids.map((id) => db.collection(COL.tickets).doc(id)));
  const residual = { filters: input.filters, receivedInQuery: false, stateInQuery: false, tokens: null, queue: input.queue };
  return snaps
    .filter((s) => s.exists)
    .map((s) => ({ id: s.id, ticket: parseDoc(Ticket, s) }))
    .filter(({ id, ticket }) =>
      canSeeReporter(actor, ticket).allowed &&
      passesResidual(residual, ticket, (queue) => ticketInQueue(queue, id, ticket, pctx)))
    .slice(0, input.limit);
}

/** Open tickets per queue the caller may read: one count() aggregation per queue. */
export async function queueCounts(db: Firestore, actor: Actor, ctx: ListContext): Promise<Record<TicketQueue, number>> {
  const pctx = planContext(actor, ctx);
  const entries = await Promise.all(Queues.options.map(async (queue) => {
    const base = queueBase(queue, pctx);
    const q = planQuery(db, { ...base, searchToken: null, sortField: 'sortDue', order: 'asc' }, null);
    const snap = await q.count().get();
    return [queue, snap.data().count] as const;
  }));
  return Object.fromEntries(entries) as Record<TicketQueue, number>;
}

/** One row of the list: the fields the table shows, names in both languages, time left by state. */
export function ticketRowView(id: string, t: LifecycleTicket, names: TicketNames, cal: WorkCalendar, now: Date): TicketRowView {
  return {
    id, number: t.number, kind: t.kind, subject: t.subject, channel: t.channel, clientId: t.clientId, clientName: t.clientName,
    branchId: t.branchId, branchName: names.branch, title: t.title, state: t.state, paused: t.state === PAUSED_STATE,
    ownerDeptId: t.ownerDeptId, ownerDeptName: names.ownerDept, assigneeUid: t.assigneeUid, assigneeName: names.assigneeName,
    receivedAt: t.receivedAt.toISOString(), dueAt: t.dueAt?.toISOString() ?? null, escalationLevel: t.escalationLevel, major: t.major,
    timeLeft: timeLeft(t, now, cal),
  };
}

/** The whole answer of listTickets. */
export async function listTicketRows(db: Firestore, actor: Actor, input: ListTicketsInput, ctx: ListContext): Promise<ListTicketsResult> {
  const [page, counts] = await Promise.all([
    listTicketPage(db, actor, input, ctx),
    input.withCounts ? queueCounts(db, actor, ctx) : Promise.resolve(null),
  ]);
  const names = await ticketNames(db, ctx.org, page.items.map((i) => i.ticket));
  return {
    rows: page.items.map(({ id, ticket }) => ticketRowView(id, ticket, names(ticket), ctx.calendar, ctx.now)),
    nextCursor: page.nextCursor,
    counts,
  };
}

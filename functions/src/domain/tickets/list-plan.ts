/**
 * How a ticket list is asked of Firestore (issue 9.1), as plain data: which scope keys, which
 * equality filters, which range on the sort key, in which order, and what is checked on each
 * fetched ticket afterwards. Open-state filtering is always in the query; the optional filters
 * are in the query where an index serves them and checked afterwards otherwise (the store keeps
 * fetching until the page is full). No Firebase import.
 */
import type { Actor } from '../actor';
import type { LifecycleTicket } from '../documents';
import type { ListTicketsInput, TicketListFilters, TicketQueue } from './list-api';
import { listFieldsOf } from './list-fields';

export type SortField = 'sortReceived' | 'sortDue';
export type Equality = readonly [field: 'open' | 'state' | 'deadlineRunning' | 'awaitingSignoff', value: string | boolean];

export interface ListPlan {
  /** array-contains-any on `scopeKeys`; null = no scope filter (roles that read everything). */
  scopeKeys: string[] | null;
  /** array-contains on `searchTokens` (text search; then no scope filter: rows are checked instead). */
  searchToken: string | null;
  equalities: Equality[];
  sortField: SortField;
  order: 'asc' | 'desc';
  /** Range on the sort key (strings compare like the instants they start with). */
  gte: string | null;
  lt: string | null;
  /** Fields still to check on each fetched ticket. */
  residual: ResidualCheck;
}

export interface ResidualCheck {
  filters: TicketListFilters;
  /** The received-day range is in the query (sorting by received time): skip it here. */
  receivedInQuery: boolean;
  /** The state filter is in the query. */
  stateInQuery: boolean;
  /** Search: every token must be on the ticket; the queue is checked here too. */
  tokens: string[] | null;
  queue: TicketQueue | null;
}

/** Midnight of a Shanghai day (UTC+8, no daylight saving) as an instant. */
export function shanghaiMidnight(day: string): Date {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d) - 8 * 3600_000);
}

const DAY_MS = 86_400_000;

export interface PlanContext {
  actor: Actor;
  /** readerKeys(actor, …): null = reads everything. */
  readerKeys: string[] | null;
  now: Date;
  /** now + 4 working hours (the due_soon window), from the calendar. */
  dueSoonUntil: Date;
}

/** The queue's own query: scope keys and equality/range filters, without the optional filters. */
export function queueBase(queue: TicketQueue, ctx: PlanContext, stateFilter?: string): Pick<ListPlan, 'scopeKeys' | 'equalities' | 'gte' | 'lt'> & { dueOnly: boolean } {
  const { actor, readerKeys, now, dueSoonUntil } = ctx;
  const base = { scopeKeys: readerKeys, gte: null as string | null, lt: null as string | null, dueOnly: false };
  switch (queue) {
    case 'all':
      return { ...base, equalities: stateFilter ? [['state', stateFilter]] : [['open', true]] };
    case 'mine':
      return { ...base, scopeKeys: [`a:${actor.uid}`, `u:${actor.uid}`], equalities: [['open', true]] };
    case 'department':
      return { ...base, scopeKeys: [`d:${actor.deptId}`], equalities: [['open', true]] };
    case 'overdue':
      return { ...base, equalities: [['deadlineRunning', true]], lt: now.toISOString(), dueOnly: true };
    case 'due_soon':
      return { ...base, equalities: [['deadlineRunning', true]], gte: now.toISOString(), lt: dueSoonUntil.toISOString(), dueOnly: true };
    case 'awaiting_callback':
      return { ...base, equalities: [['state', 'callback']] };
    case 'awaiting_verification':
      return { ...base, equalities: [['state', 'verification']] };
    case 'awaiting_signoff':
      return { ...base, scopeKeys: [`d:${actor.deptId}`], equalities: [['awaitingSignoff', true]] };
  }
}

/** The plan of one list request (without the cursor, which the store adds on the sort key). */
export function planList(input: ListTicketsInput, ctx: PlanContext, searchTokens: { queryToken: string; all: string[] } | null): ListPlan {
  const f = input.filters;
  const base = queueBase(input.queue, ctx, f.state);
  const sortField: SortField = base.dueOnly || input.sort === 'dueAt' ? 'sortDue' : 'sortReceived';
  const order = base.dueOnly ? 'asc' : input.order;
  if (searchTokens) {
    // Firestore allows one array filter per query: search on the tokens, check the rest per row.
    return {
      scopeKeys: null, searchToken: searchTokens.queryToken, equalities: [], sortField, order, gte: null, lt: null,
      residual: { filters: f, receivedInQuery: false, stateInQuery: false, tokens: searchTokens.all, queue: input.queue },
    };
  }
  let { gte, lt } = base;
  const receivedInQuery = sortField === 'sortReceived';
  if (receivedInQuery && f.receivedFrom) gte = shanghaiMidnight(f.receivedFrom).toISOString();
  if (receivedInQuery && f.receivedTo) lt = new Date(shanghaiMidnight(f.receivedTo).getTime() + DAY_MS).toISOString();
  return {
    scopeKeys: base.scopeKeys, searchToken: null, equalities: base.equalities, sortField, order, gte, lt,
    residual: { filters: f, receivedInQuery, stateInQuery: input.queue === 'all' && !!f.state, tokens: null, queue: null },
  };
}

/** Whether a ticket fetched by the plan's query passes what the query could not check. */
export function passesResidual(r: ResidualCheck, t: LifecycleTicket, inQueue: (queue: TicketQueue) => boolean): boolean {
  const f = r.filters;
  if (f.state && !r.stateInQuery && t.state !== f.state) return false;
  if (f.kind && t.kind !== f.kind) return false;
  if (f.subject && t.subject !== f.subject) return false;
  if (f.channel && t.channel !== f.channel) return false;
  if (f.deptId && t.ownerDeptId !== f.deptId) return false;
  if (f.branchId && t.branchId !== f.branchId) return false;
  if (f.escalated !== undefined && (t.escalationLevel > 0) !== f.escalated) return false;
  if (f.major !== undefined && t.major !== f.major) return false;
  if (!r.receivedInQuery) {
    if (f.receivedFrom && t.receivedAt.getTime() < shanghaiMidnight(f.receivedFrom).getTime()) return false;
    if (f.receivedTo && t.receivedAt.getTime() >= shanghaiMidnight(f.receivedTo).getTime() + DAY_MS) return false;
  }
  if (r.tokens) {
    const have = new Set(t.searchTokens ?? []);
    if (!r.tokens.every((tok) => have.has(tok))) return false;
  }
  if (r.queue) {
    // A search in `all` spans every state (closed ones too) unless a state is chosen.
    if (r.queue !== 'all' && !inQueue(r.queue)) return false;
  }
  return true;
}

/**
 * Whether a ticket is in a queue right now: the same conditions the queue's query asks, on the
 * derived list fields (used where rows are checked one by one: search).
 */
export function ticketInQueue(queue: TicketQueue, id: string, t: LifecycleTicket, ctx: PlanContext): boolean {
  const lf = listFieldsOf(id, t);
  const due = lf.sortDue;
  const base = queueBase(queue, ctx);
  if (base.scopeKeys && (queue === 'mine' || queue === 'department' || queue === 'awaiting_signoff')) {
    if (!base.scopeKeys.some((k) => lf.scopeKeys.includes(k))) return false;
  }
  for (const [field, value] of base.equalities) if ((field === 'state' ? t.state : lf[field]) !== value) return false;
  if (base.gte !== null && due < base.gte) return false;
  if (base.lt !== null && due >= base.lt) return false;
  return true;
}

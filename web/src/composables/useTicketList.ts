/**
 * The ticket list a department runs on: queue, server-side filters, search, sort, cursor paging
 * and queue counts (listTickets). Refetches the first page when the change marker moves.
 */
import { reactive, watch } from 'vue';
import { listTickets } from '../api/tickets';
import type { ListTicketsRequest, TicketListFilters, TicketQueue, TicketRowView, TicketSort } from '../api/pending';
import { changes } from './useChanges';

export const PAGE_SIZE = 25;

export interface TicketListState {
  queue: TicketQueue;
  filters: TicketListFilters;
  search: string;
  sort: TicketSort | null;
  order: 'asc' | 'desc';
  rows: TicketRowView[];
  nextCursor: string | null;
  counts: Partial<Record<TicketQueue, number>> | null;
  loading: boolean;
  error: unknown;
  loadedOnce: boolean;
}

/** Only what differs from the server's defaults is sent (an older server refuses unknown keys). */
function request(s: TicketListState, cursor: string | null, limit: number): ListTicketsRequest {
  const filters = Object.fromEntries(Object.entries(s.filters).filter(([, v]) => v !== undefined && v !== '' && v !== null));
  const req: ListTicketsRequest = { queue: s.queue, limit };
  if (Object.keys(filters).length > 0) req.filters = filters;
  if (s.search.trim() !== '') req.search = s.search.trim();
  if (s.sort) { req.sort = s.sort; req.order = s.order; }
  if (cursor) { req.cursor = cursor; req.withCounts = false; }
  return req;
}

export function useTicketList(initialQueue: TicketQueue) {
  const state = reactive<TicketListState>({
    queue: initialQueue, filters: {}, search: '', sort: null, order: 'asc',
    rows: [], nextCursor: null, counts: null, loading: false, error: null, loadedOnce: false,
  });
  let generation = 0;

  /** First page (or as many rows as are shown, to keep the place on a refresh). */
  async function reload(keepLength = false): Promise<void> {
    const gen = ++generation;
    state.loading = true;
    try {
      const limit = keepLength ? Math.min(100, Math.max(PAGE_SIZE, state.rows.length)) : PAGE_SIZE;
      const res = await listTickets(request(state, null, limit));
      if (gen !== generation) return;
      state.rows = res.rows;
      state.nextCursor = res.nextCursor;
      if (res.counts) state.counts = res.counts;
      state.error = null;
    } catch (err) {
      if (gen !== generation) return;
      state.error = err;
    } finally {
      if (gen === generation) { state.loading = false; state.loadedOnce = true; }
    }
  }

  async function loadMore(): Promise<void> {
    if (!state.nextCursor || state.loading) return;
    const gen = ++generation;
    state.loading = true;
    try {
      const res = await listTickets(request(state, state.nextCursor, PAGE_SIZE));
      if (gen !== generation) return;
      const seen = new Set(state.rows.map((r) => r.id));
      state.rows = [...state.rows, ...res.rows.filter((r) => !seen.has(r.id))];
      state.nextCursor = res.nextCursor;
      state.error = null;
    } catch (err) {
      if (gen === generation) state.error = err;
    } finally {
      if (gen === generation) state.loading = false;
    }
  }

  watch(() => changes.version, () => void reload(true));
  return { state, reload, loadMore };
}

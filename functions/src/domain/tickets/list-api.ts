/**
 * Contracts of the ticket list a department runs on (issue 8.2, 9.1): queues, filters, search,
 * sort, cursor paging and queue counts. Shared with the web client, which imports these types.
 * No Firebase import.
 */
import { z } from 'zod';
import { Channel, ComplaintSubject, TicketKind, TicketState, type Label } from '../vocabulary';

const id = z.string().trim().min(1, 'required').max(128).regex(/^[^/]+$/, 'an id has no "/"');

/**
 * Work queues. Every queue but `all` holds open tickets only (never closed or cancelled);
 * `all` holds open tickets too unless `filters.state` names a state, or `search` is given
 * (a search in `all` also finds closed tickets). `awaiting_signoff`: resolutions the caller's
 * department head has to sign off.
 */
export const TicketQueue = z.enum([
  'all', 'mine', 'department', 'overdue', 'due_soon', 'awaiting_callback', 'awaiting_verification', 'awaiting_signoff',
]);
export type TicketQueue = z.infer<typeof TicketQueue>;

/** A calendar day in the organisation's time zone (Asia/Shanghai), e.g. 2026-11-23. */
export const ShanghaiDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD')
  .refine((s) => {
    const [y, m, d] = s.split('-').map(Number) as [number, number, number];
    const date = new Date(Date.UTC(y, m - 1, d));
    return y >= 2000 && y <= 2100 && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
  }, 'not a date between 2000 and 2100');

export const TicketListFilters = z
  .object({
    state: TicketState.optional(),
    kind: TicketKind.optional(),
    subject: ComplaintSubject.optional(),
    channel: Channel.optional(),
    /** Owning department. */
    deptId: id.optional(),
    branchId: id.optional(),
    /** First and last received day, inclusive (Shanghai days). */
    receivedFrom: ShanghaiDate.optional(),
    receivedTo: ShanghaiDate.optional(),
    /** true: escalated at least once (escalationLevel > 0); false: never escalated. */
    escalated: z.boolean().optional(),
    major: z.boolean().optional(),
  })
  .strict()
  .refine((f) => !f.receivedFrom || !f.receivedTo || f.receivedFrom <= f.receivedTo, {
    path: ['receivedTo'], message: 'must not be before receivedFrom',
  });
export type TicketListFilters = z.infer<typeof TicketListFilters>;

export const TicketSort = z.enum(['dueAt', 'receivedAt']);
export type TicketSort = z.infer<typeof TicketSort>;

export const ListTicketsInput = z
  .object({
    queue: TicketQueue.default('all'),
    filters: TicketListFilters.default({}),
    /**
     * Ticket number (or its last digits), client name or code, words of the title; a phone
     * number finds complainants' tickets only for quality and leadership.
     */
    search: z.string().trim().max(100).optional(),
    /** `overdue` and `due_soon` always sort by due time, most urgent first. */
    sort: TicketSort.default('receivedAt'),
    order: z.enum(['asc', 'desc']).default('desc'),
    /** `nextCursor` of the previous page (opaque). */
    cursor: z.string().min(1).max(600).optional(),
    limit: z.number().int().min(1).max(100).default(25),
    /** Counts of every queue (one aggregation per queue); the web asks for them with the first page only. */
    withCounts: z.boolean().default(true),
  })
  .strict();
export type ListTicketsInput = z.infer<typeof ListTicketsInput>;

/**
 * Time left by state, in working time of the organisation's calendar (ms):
 * running / due_soon: left until due (due_soon: under 4 working hours); overdue: negative, late by;
 * paused: left when the pause began (the clock stands still); closed_on_time / closed_late: due
 * minus closing (negative = late by); no_deadline: workingMs null.
 */
export type TimeLeftStatus = 'running' | 'due_soon' | 'overdue' | 'paused' | 'closed_on_time' | 'closed_late' | 'no_deadline';
export interface TimeLeft {
  status: TimeLeftStatus;
  workingMs: number | null;
}

/** One row of a ticket list. Instants as ISO strings; names in both languages. */
export interface TicketRowView {
  id: string;
  number: string;
  kind: TicketKind;
  subject: ComplaintSubject | null;
  channel: Channel;
  clientId: string;
  clientName: string;
  branchId: string;
  branchName: Label | null;
  title: string;
  state: TicketState;
  /** Waiting on the client: the deadline clock stands still. */
  paused: boolean;
  ownerDeptId: string | null;
  ownerDeptName: Label | null;
  assigneeUid: string | null;
  assigneeName: string | null;
  receivedAt: string;
  dueAt: string | null;
  escalationLevel: number;
  major: boolean;
  timeLeft: TimeLeft;
}

export interface ListTicketsResult {
  rows: TicketRowView[];
  /** Pass as `cursor` for the next page; null on the last page. */
  nextCursor: string | null;
  /** Open tickets per queue the caller may read (filters and search not applied); null when withCounts was false. */
  counts: Record<TicketQueue, number> | null;
}

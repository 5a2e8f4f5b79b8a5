/** Tickets: list (queues, filters, search, paging, counts), detail, intake, lifecycle actions, pickers. */
import type { z } from 'zod';
import type {
  CreateTicketInput, GetTicketInput, TicketDetailView, TicketView, TransitionTicketInput, TransitionTicketResult,
} from '../../../functions/src/domain/api';
import { callable } from './call';
import type {
  FindTicketByNumberResult, ListAssignableStaffResult, ListTicketsRequest, ListTicketsResult, TicketRowView,
} from './pending';

export type CreateTicketRequest = z.input<typeof CreateTicketInput> & { requestId?: string };
/** The envelope plus the action's own fields (validated by the action's schema in the lifecycle table). */
export type TransitionTicketRequest = z.input<typeof TransitionTicketInput> & Record<string, unknown>;

const listCall = callable<ListTicketsRequest, Partial<ListTicketsResult> & { tickets?: TicketView[] }>('listTickets');

/** An older server answered `{ tickets }` without time left by state: shown without it. */
function legacyRow(t: TicketView): TicketRowView {
  return {
    ...t, subject: null, paused: t.state === 'waiting_on_client', branchName: null,
    ownerDeptName: typeof t.ownerDeptName === 'string' ? { 'zh-CN': t.ownerDeptName, en: t.ownerDeptName } : t.ownerDeptName,
    assigneeName: null, timeLeft: null,
  } as TicketRowView;
}

export async function listTickets(req: ListTicketsRequest): Promise<ListTicketsResult> {
  const res = await listCall(req);
  return {
    rows: res.rows ?? (res.tickets ?? []).map(legacyRow),
    nextCursor: res.nextCursor ?? null,
    counts: res.counts ?? null,
  };
}

export const getTicket = callable<z.input<typeof GetTicketInput>, TicketDetailView>('getTicket');
export const createTicket = callable<CreateTicketRequest, { ticketId: string; number?: string }>('createTicket');
export const transitionTicket = callable<TransitionTicketRequest, TransitionTicketResult>('transitionTicket');
export const listAssignableStaff = callable<{ deptId: string }, ListAssignableStaffResult>('listAssignableStaff');
export const findTicketByNumber = callable<{ number: string }, FindTicketByNumberResult>('findTicketByNumber');

/** Tickets: list (queues, filters, search, paging, counts), detail, intake, lifecycle actions, pickers. */
import type { z } from 'zod';
import type {
  CreateTicketInput, GetTicketInput, TicketDetailView, TransitionTicketInput, TransitionTicketResult,
} from '../../../functions/src/domain/api';
import { callable } from './call';
import type {
  FindTicketByNumberResult, ListAssignableStaffResult, ListTicketsRequest, ListTicketsResult,
} from './pending';

export type CreateTicketRequest = z.input<typeof CreateTicketInput>;
/** The envelope plus the action's own fields (validated by the action's schema in the lifecycle table). */
export type TransitionTicketRequest = z.input<typeof TransitionTicketInput> & Record<string, unknown>;

export const listTickets = callable<ListTicketsRequest, ListTicketsResult>('listTickets');

export const getTicket = callable<z.input<typeof GetTicketInput>, TicketDetailView>('getTicket');
export const createTicket = callable<CreateTicketRequest, { ticketId: string; number?: string }>('createTicket');
export const transitionTicket = callable<TransitionTicketRequest, TransitionTicketResult>('transitionTicket');
export const listAssignableStaff = callable<{ deptId: string }, ListAssignableStaffResult>('listAssignableStaff');
export const findTicketByNumber = callable<{ number: string }, FindTicketByNumberResult>('findTicketByNumber');

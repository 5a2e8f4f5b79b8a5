/**
 * Contracts of the web API (issue 8) the client uses, re-exported from functions/src/domain so
 * views import them from one place. Types only: nothing here decides anything.
 */
import { TicketQueue } from '../../../functions/src/domain/api';

export type {
  AdminSaveConfigResult, ChangeMarkerView, ClientOptionView, ClientTicketView, ConfigName, FindTicketByNumberResult,
  ListAssignableStaffResult, ListClientTicketsResult, ListTicketsResult, StaffOption, TicketListFilters, TicketQueue,
  TicketRowView, TicketSort, TimeLeft, TimeLeftStatus,
} from '../../../functions/src/domain/api';
export type { ConfigView } from '../../../functions/src/domain/api';
import type { z } from 'zod';
import type { ListTicketsInput } from '../../../functions/src/domain/api';

export const TICKET_QUEUES = TicketQueue.options;
/** What the list sends: every field optional (the server fills the defaults). */
export type ListTicketsRequest = z.input<typeof ListTicketsInput>;

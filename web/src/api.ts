/**
 * Typed wrappers of the callable functions. The browser talks to nothing else.
 * Request and response types come from the shared contracts in functions/src/domain/api.ts.
 */
import { httpsCallable, type Functions } from 'firebase/functions';
import type { z } from 'zod';
import type {
  ClientOption, CreateTicketInput, GetTicketInput, ListNotificationsInput, ListTicketsInput, MarkNotificationsReadInput,
  MeView, NotificationView, TicketDetailView, TicketView, TransitionTicketInput, TransitionTicketResult,
} from '../../functions/src/domain/api';
import type { DepartmentView } from '../../functions/src/domain/org/api';

export type CreateTicketRequest = z.input<typeof CreateTicketInput>;
export type ListTicketsRequest = z.input<typeof ListTicketsInput>;
export type ListNotificationsRequest = z.input<typeof ListNotificationsInput>;
/** The envelope plus the action's own fields (validated by the action's schema in the lifecycle table). */
export type TransitionTicketRequest = z.input<typeof TransitionTicketInput> & Record<string, unknown>;

export interface Api {
  whoAmI(): Promise<MeView>;
  listClients(): Promise<{ clients: ClientOption[] }>;
  createTicket(input: CreateTicketRequest): Promise<{ ticketId: string }>;
  listTickets(input: ListTicketsRequest): Promise<{ tickets: TicketView[] }>;
  getTicket(input: z.input<typeof GetTicketInput>): Promise<TicketDetailView>;
  listNotifications(input: ListNotificationsRequest): Promise<{ notifications: NotificationView[]; unreadCount: number }>;
  markNotificationsRead(input: z.input<typeof MarkNotificationsReadInput>): Promise<unknown>;
  transitionTicket(input: TransitionTicketRequest): Promise<TransitionTicketResult>;
  listOrg(): Promise<{ departments: DepartmentView[] }>;
}

export function createApi(functions: Functions): Api {
  function call<I, O>(name: string): (input: I) => Promise<O> {
    const fn = httpsCallable<I, O>(functions, name);
    return async (input: I) => (await fn(input)).data;
  }
  const whoAmI = call<Record<string, never>, MeView>('whoAmI');
  const listClients = call<Record<string, never>, { clients: ClientOption[] }>('listClients');
  const listOrg = call<Record<string, never>, { departments: DepartmentView[] }>('listOrg');
  return {
    whoAmI: () => whoAmI({}),
    listClients: () => listClients({}),
    createTicket: call('createTicket'),
    listTickets: call('listTickets'),
    getTicket: call('getTicket'),
    listNotifications: call('listNotifications'),
    markNotificationsRead: call('markNotificationsRead'),
    transitionTicket: call('transitionTicket'),
    listOrg: () => listOrg({}),
  };
}

/**
 * Typed wrappers of the callable functions. The browser talks to nothing else.
 * Request and response types come from the shared contracts in functions/src/domain/api.ts.
 */
import { httpsCallable, type Functions } from 'firebase/functions';
import type { z } from 'zod';
import type {
  ClientOption, CreateTicketInput, GetTicketInput, ListNotificationsInput, ListTicketsInput, MarkNotificationsReadInput,
  MeView, NotificationView, TicketDetailView, TicketView,
} from '../../functions/src/domain/api';

export type CreateTicketRequest = z.input<typeof CreateTicketInput>;
export type ListTicketsRequest = z.input<typeof ListTicketsInput>;
export type ListNotificationsRequest = z.input<typeof ListNotificationsInput>;

export interface Api {
  whoAmI(): Promise<MeView>;
  listClients(): Promise<{ clients: ClientOption[] }>;
  createTicket(input: CreateTicketRequest): Promise<{ ticketId: string }>;
  listTickets(input: ListTicketsRequest): Promise<{ tickets: TicketView[] }>;
  getTicket(input: z.input<typeof GetTicketInput>): Promise<TicketDetailView>;
  listNotifications(input: ListNotificationsRequest): Promise<{ notifications: NotificationView[]; unreadCount: number }>;
  markNotificationsRead(input: z.input<typeof MarkNotificationsReadInput>): Promise<unknown>;
}

export function createApi(functions: Functions): Api {
  function call<I, O>(name: string): (input: I) => Promise<O> {
    const fn = httpsCallable<I, O>(functions, name);
    return async (input: I) => (await fn(input)).data;
  }
  const whoAmI = call<Record<string, never>, MeView>('whoAmI');
  const listClients = call<Record<string, never>, { clients: ClientOption[] }>('listClients');
  return {
    whoAmI: () => whoAmI({}),
    listClients: () => listClients({}),
    createTicket: call('createTicket'),
    listTickets: call('listTickets'),
    getTicket: call('getTicket'),
    listNotifications: call('listNotifications'),
    markNotificationsRead: call('markNotificationsRead'),
  };
}

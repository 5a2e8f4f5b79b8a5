/** Clients: type-ahead for intake and the client's open and recent tickets. */
import type { ClientOption } from '../../../functions/src/domain/api';
import { callable } from './call';
import type { ClientOptionView, ListClientTicketsResult } from './pending';

type Empty = Record<string, never>;
const listClientsCall = callable<Empty, { clients: ClientOption[] }>('listClients');
export const listClients = (): Promise<{ clients: ClientOption[] }> => listClientsCall({});
export const searchClients = callable<{ query: string; limit?: number }, { clients: ClientOptionView[] }>('searchClients');
export const listClientTickets = callable<{ clientId: string }, ListClientTicketsResult>('listClientTickets');

import { TicketKind } from '../../domain/vocabulary';

export const TICKET_KINDS = TicketKind.options;

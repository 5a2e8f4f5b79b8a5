import { onDocumentCreated } from 'firebase-functions/v2/firestore';
import { logger } from 'firebase-functions';
import { COL } from '../domain/collections';
import { clock } from '../lib/clock';
import { db } from '../lib/firestore';
import { routeNewTicket } from '../store/route-ticket';

/** A new ticket is routed to its owning department, with its deadline, and that department is told. */
export const onTicketCreated = onDocumentCreated(`${COL.tickets}/{ticketId}`, async (event) => {
  const outcome = await routeNewTicket(db(), event.params.ticketId, clock().now());
  logger.info('ticket routing', { ticketId: event.params.ticketId, outcome, eventId: event.id });
});

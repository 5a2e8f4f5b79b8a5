import { onCall } from 'firebase-functions/v2/https';
import { PublicTicketStatusInput } from '../../domain/surveys/api';
import { parseInput } from '../../lib/errors';
import { db } from '../../lib/firestore';
import { publicTicketStatus as status } from '../../store/surveys/feedback';

/** Public: the public status of a ticket by number and follow code (received, being handled, resolved, closed). */
export const publicTicketStatus = onCall(async (request) => {
  const { number, code } = parseInput(PublicTicketStatusInput, request.data);
  return status(db(), number, code);
});

import { onCall } from 'firebase-functions/v2/https';
import { PublicFileFeedbackInput } from '../../domain/surveys/api';
import { clock } from '../../lib/clock';
import { parseInput } from '../../lib/errors';
import { db } from '../../lib/firestore';
import { fileFeedback } from '../../store/surveys/feedback';
import { callerIp } from './guard';

/** Public: a client files feedback (channel web); gets the ticket number, and a follow code by SMS / e-mail. */
export const publicFileFeedback = onCall(async (request) => {
  const input = parseInput(PublicFileFeedbackInput, request.data);
  return fileFeedback(db(), input, callerIp(request), clock().now());
});

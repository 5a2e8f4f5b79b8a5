import { onCall } from 'firebase-functions/v2/https';
import { SurveyTokenInput } from '../../domain/surveys/api';
import { clock } from '../../lib/clock';
import { parseInput } from '../../lib/errors';
import { db } from '../../lib/firestore';
import { openByToken } from '../../store/surveys/responses';

/** Public (no login; the token is the key): the questionnaire of a personal link and its saved draft. */
export const surveyOpen = onCall(async (request) => {
  const { token } = parseInput(SurveyTokenInput, request.data);
  return openByToken(db(), token, clock().now());
});

import { onCall } from 'firebase-functions/v2/https';
import { SurveyAnswersInput } from '../../domain/surveys/api';
import { clock } from '../../lib/clock';
import { parseInput } from '../../lib/errors';
import { db } from '../../lib/firestore';
import { submitByToken } from '../../store/surveys/responses';

/** Public: submits the answers of a personal link, once. */
export const surveySubmit = onCall(async (request) => {
  const { token, answers } = parseInput(SurveyAnswersInput, request.data);
  return submitByToken(db(), token, answers, clock().now());
});

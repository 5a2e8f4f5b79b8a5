import { onCall } from 'firebase-functions/v2/https';
import { SurveyAnswersInput } from '../../domain/surveys/api';
import { clock } from '../../lib/clock';
import { parseInput } from '../../lib/errors';
import { db } from '../../lib/firestore';
import { saveDraftByToken } from '../../store/surveys/responses';

/** Public: saves the answers so far under a personal link. */
export const surveySaveDraft = onCall(async (request) => {
  const { token, answers } = parseInput(SurveyAnswersInput, request.data);
  return saveDraftByToken(db(), token, answers, clock().now());
});

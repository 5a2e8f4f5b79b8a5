import { onCall } from 'firebase-functions/v2/https';
import { GetQuestionnaireInput } from '../../domain/surveys/api';
import { canManageSurveys } from '../../domain/surveys/policy';
import { parseInput } from '../../lib/errors';
import { db } from '../../lib/firestore';
import { loadVersion } from '../../store/surveys/questionnaires';
import { surveyActor } from './guard';

/** One questionnaire version (the current one unless `version` is given). */
export const surveyGetQuestionnaire = onCall(async (request) => {
  await surveyActor(request, canManageSurveys, 'read questionnaires');
  const input = parseInput(GetQuestionnaireInput, request.data);
  const v = await loadVersion(db(), input.questionnaireId, input.version);
  return { ...v, createdAt: v.createdAt.toISOString() };
});

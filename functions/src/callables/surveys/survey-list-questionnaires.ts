import { onCall } from 'firebase-functions/v2/https';
import { EmptyInput } from '../../domain/api';
import { canManageSurveys } from '../../domain/surveys/policy';
import { parseInput } from '../../lib/errors';
import { db } from '../../lib/firestore';
import { listQuestionnaires } from '../../store/surveys/questionnaires';
import { surveyActor } from './guard';

/** Questionnaires and their current versions. */
export const surveyListQuestionnaires = onCall(async (request) => {
  await surveyActor(request, canManageSurveys, 'read questionnaires');
  parseInput(EmptyInput, request.data);
  const list = await listQuestionnaires(db());
  return list.map((q) => ({ ...q, updatedAt: q.updatedAt.toISOString() }));
});

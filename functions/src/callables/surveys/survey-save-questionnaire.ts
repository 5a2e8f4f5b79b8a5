import { onCall } from 'firebase-functions/v2/https';
import { SaveQuestionnaireInput } from '../../domain/surveys/api';
import { canManageSurveys } from '../../domain/surveys/policy';
import { clock } from '../../lib/clock';
import { parseInput } from '../../lib/errors';
import { db } from '../../lib/firestore';
import { saveQuestionnaire } from '../../store/surveys/questionnaires';
import { surveyActor } from './guard';

/** Creates or edits a questionnaire; editing one a campaign has used creates a new version. */
export const surveySaveQuestionnaire = onCall(async (request) => {
  const actor = await surveyActor(request, canManageSurveys, 'edit questionnaires');
  const input = parseInput(SaveQuestionnaireInput, request.data);
  return saveQuestionnaire(db(), actor.uid, input, clock().now());
});

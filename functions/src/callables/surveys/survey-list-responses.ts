import { onCall } from 'firebase-functions/v2/https';
import { ListResponsesInput } from '../../domain/surveys/api';
import { canReadAnswers, canSeeRespondent } from '../../domain/surveys/policy';
import { parseInput } from '../../lib/errors';
import { db } from '../../lib/firestore';
import { listResponses } from '../../store/surveys/responses';
import { surveyActor } from './guard';

/** Answers of a campaign; who answered is shown to quality and leadership only (complainant rule). */
export const surveyListResponses = onCall(async (request) => {
  const actor = await surveyActor(request, canReadAnswers, 'read survey answers');
  const input = parseInput(ListResponsesInput, request.data);
  return listResponses(db(), input.campaignId, {
    limit: input.limit, showRespondent: canSeeRespondent(actor).allowed, ...(input.status ? { status: input.status } : {}),
  });
});

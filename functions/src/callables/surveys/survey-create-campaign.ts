import { onCall } from 'firebase-functions/v2/https';
import { CreateCampaignInput } from '../../domain/surveys/api';
import { canManageSurveys } from '../../domain/surveys/policy';
import { clock } from '../../lib/clock';
import { parseInput } from '../../lib/errors';
import { db } from '../../lib/firestore';
import { createCampaign } from '../../store/surveys/campaigns';
import { surveyActor } from './guard';

/** A draft campaign (seed recorded); preview it, then it opens on its date (or by surveyOpenCampaign). */
export const surveyCreateCampaign = onCall(async (request) => {
  const actor = await surveyActor(request, canManageSurveys, 'create campaigns');
  const input = parseInput(CreateCampaignInput, request.data);
  return createCampaign(db(), actor.uid, input, clock().now());
});

import { onCall } from 'firebase-functions/v2/https';
import { CampaignRef } from '../../domain/surveys/api';
import { canManageSurveys } from '../../domain/surveys/policy';
import { clock } from '../../lib/clock';
import { parseInput } from '../../lib/errors';
import { db } from '../../lib/firestore';
import { previewSample } from '../../store/surveys/campaigns';
import { surveyActor } from './guard';

/** The sample a draft would draw now: size against target, per stratum, and the strata it cannot cover. */
export const surveyPreviewCampaign = onCall(async (request) => {
  await surveyActor(request, canManageSurveys, 'preview campaigns');
  const { campaignId } = parseInput(CampaignRef, request.data);
  const s = await previewSample(db(), campaignId, clock().now());
  return { seed: s.seed, population: s.population, target: s.target, size: s.clientIds.length, focus: s.focusIds.length, strata: s.strata, problems: s.problems };
});

import { onCall } from 'firebase-functions/v2/https';
import { CampaignRef } from '../../domain/surveys/api';
import { canManageSurveys } from '../../domain/surveys/policy';
import { clock } from '../../lib/clock';
import { parseInput } from '../../lib/errors';
import { db } from '../../lib/firestore';
import { closeCampaign, loadCampaign } from '../../store/surveys/campaigns';
import { openFollowUps } from '../../store/surveys/follow-ups';
import { refuse } from '../../store/surveys/refuse';
import { buildAndStoreReport } from '../../store/surveys/report';
import { surveyActor } from './guard';

/** Closes an open campaign before its deadline: report and follow-up tickets as at the deadline. */
export const surveyCloseCampaign = onCall(async (request) => {
  await surveyActor(request, canManageSurveys, 'close campaigns');
  const { campaignId } = parseInput(CampaignRef, request.data);
  const now = clock().now();
  if ((await closeCampaign(db(), campaignId, now)) === 'not-open') {
    throw refuse('failed-precondition', 'survey.campaign_not_open', { state: (await loadCampaign(db(), campaignId)).state });
  }
  while ((await openFollowUps(db(), campaignId, now)) > 0);
  const report = await buildAndStoreReport(db(), campaignId, now);
  return { answered: report.answered, returnRate: report.returnRate, followUps: report.followUps };
});

import { onCall } from 'firebase-functions/v2/https';
import { CampaignRef } from '../../domain/surveys/api';
import { canReadSurveyReport } from '../../domain/surveys/policy';
import { progressOf } from '../../domain/surveys/report';
import { parseInput } from '../../lib/errors';
import { db } from '../../lib/firestore';
import { decodeStats, loadCampaign, statsRef } from '../../store/surveys/campaigns';
import { surveyActor } from './guard';

/** Live return rate overall and per stratum (two reads: the campaign and its counters). */
export const surveyProgress = onCall(async (request) => {
  await surveyActor(request, canReadSurveyReport, 'read survey progress');
  const { campaignId } = parseInput(CampaignRef, request.data);
  const [c, stats] = await Promise.all([loadCampaign(db(), campaignId), statsRef(db(), campaignId).get()]);
  return progressOf(campaignId, c, decodeStats(stats.data()));
});

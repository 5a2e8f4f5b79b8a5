import { onCall } from 'firebase-functions/v2/https';
import { CampaignRef } from '../../domain/surveys/api';
import { canManageSurveys } from '../../domain/surveys/policy';
import { clock } from '../../lib/clock';
import { parseInput } from '../../lib/errors';
import { db } from '../../lib/firestore';
import { dispatchCampaign } from '../../store/surveys/distribution';
import { loadSurveyConfig } from '../../store/surveys/config';
import { loadCalendar } from '../../store/config';
import { loadCampaign, openCampaign } from '../../store/surveys/campaigns';
import { refuse } from '../../store/surveys/refuse';
import { surveyActor } from './guard';

/** Opens a draft now: the sample is drawn and frozen; invitations go at once in working time (else at the next working instant). */
export const surveyOpenCampaign = onCall(async (request) => {
  await surveyActor(request, canManageSurveys, 'open campaigns');
  const { campaignId } = parseInput(CampaignRef, request.data);
  const c = await loadCampaign(db(), campaignId);
  if (c.state !== 'draft') throw refuse('failed-precondition', 'survey.campaign_not_draft', { state: c.state });
  const now = clock().now();
  const opened = await openCampaign(db(), campaignId, now);
  // In working time the first invitations go now; otherwise the dispatch schedule sends them at opening time.
  if (!(await loadCalendar(db())).isWorkingTime(now)) return { ...opened, invited: 0, unreachable: 0 };
  const [config, campaign] = await Promise.all([loadSurveyConfig(db()), loadCampaign(db(), campaignId)]);
  const sent = await dispatchCampaign(db(), { id: campaignId, ...campaign }, config, now);
  return { ...opened, invited: sent.invited, unreachable: sent.unreachable };
});

import { onCall } from 'firebase-functions/v2/https';
import { CampaignRef } from '../../domain/surveys/api';
import { canManageSurveys } from '../../domain/surveys/policy';
import { clock } from '../../lib/clock';
import { parseInput } from '../../lib/errors';
import { db } from '../../lib/firestore';
import { dispatchDue } from '../../store/surveys/distribution';
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
  const sent = await dispatchDue(db(), now);
  return { ...opened, invited: sent.invited, unreachable: sent.unreachable };
});

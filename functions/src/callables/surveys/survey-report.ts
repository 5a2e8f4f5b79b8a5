import { onCall } from 'firebase-functions/v2/https';
import { CampaignRef } from '../../domain/surveys/api';
import { canReadSurveyReport } from '../../domain/surveys/policy';
import { parseInput } from '../../lib/errors';
import { db } from '../../lib/firestore';
import { loadReport } from '../../store/surveys/report';
import { surveyActor } from './guard';

/** The report of a closed campaign (figures and free text, no respondent names). */
export const surveyReport = onCall(async (request) => {
  await surveyActor(request, canReadSurveyReport, 'read survey reports');
  const { campaignId } = parseInput(CampaignRef, request.data);
  const r = await loadReport(db(), campaignId);
  return { ...r, builtAt: r.builtAt.toISOString(), opensAt: r.opensAt.toISOString(), deadline: r.deadline.toISOString() };
});

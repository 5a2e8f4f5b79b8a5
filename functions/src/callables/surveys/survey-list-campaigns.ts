import { onCall } from 'firebase-functions/v2/https';
import { ListCampaignsInput } from '../../domain/surveys/api';
import { canReadSurveyReport } from '../../domain/surveys/policy';
import { parseInput } from '../../lib/errors';
import { db } from '../../lib/firestore';
import { listCampaigns } from '../../store/surveys/campaigns';
import { surveyActor } from './guard';

/** Campaigns, newest first. */
export const surveyListCampaigns = onCall(async (request) => {
  await surveyActor(request, canReadSurveyReport, 'read survey campaigns');
  const { limit } = parseInput(ListCampaignsInput, request.data);
  const list = await listCampaigns(db(), limit);
  return list.map((c) => ({
    id: c.id, title: c.title, state: c.state, slotKey: c.slotKey, rule: c.rule, seed: c.seed,
    questionnaireId: c.questionnaireId, questionnaireVersion: c.questionnaireVersion,
    opensAt: c.opensAt.toISOString(), deadline: c.deadline.toISOString(), sampleSize: c.sampleSize, population: c.population,
    targetReturnRate: c.targetReturnRate, reportBuiltAt: c.reportBuiltAt?.toISOString() ?? null,
  }));
});

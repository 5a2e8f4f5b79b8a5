import { onCall } from 'firebase-functions/v2/https';
import { CampaignRef } from '../../domain/surveys/api';
import { canReadSurveyReport } from '../../domain/surveys/policy';
import { parseInput } from '../../lib/errors';
import { db } from '../../lib/firestore';
import { loadReport, reportXlsx } from '../../store/surveys/report';
import { surveyActor } from './guard';

/** The report as an XLSX file (base64): summary, topics, questions, breakdowns, strata, opinions. */
export const surveyExportReport = onCall(async (request) => {
  await surveyActor(request, canReadSurveyReport, 'export survey reports');
  const { campaignId } = parseInput(CampaignRef, request.data);
  const base64 = await reportXlsx(await loadReport(db(), campaignId));
  return { fileName: `survey-report-${campaignId}.xlsx`, mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', base64 };
});

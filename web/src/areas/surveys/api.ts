/** The survey callables for staff (functions/src/callables/surveys/): campaigns, preview, open/close, progress, report. */
import type { z } from 'zod';
import type { CampaignRef, CreateCampaignInput, ListCampaignsInput } from '../../../../functions/src/domain/surveys/api';
import type { ProgressView, SurveyReport } from '../../../../functions/src/domain/surveys/report';
import type { CoverageProblem, Sample, SamplingRule } from '../../../../functions/src/domain/surveys/sampling';
import type { Label } from '../../../../functions/src/domain/vocabulary';
import { callable } from '../../api/call';

export interface CampaignRow {
  id: string;
  title: Label;
  state: 'draft' | 'open' | 'closed';
  slotKey: string | null;
  rule: SamplingRule;
  seed: number;
  questionnaireId: string;
  questionnaireVersion: number | null;
  opensAt: string;
  deadline: string;
  sampleSize: number;
  population: number;
  targetReturnRate: number | null;
  reportBuiltAt: string | null;
}
export interface PreviewView {
  seed: number; population: number; target: number; size: number; focus: number;
  strata: Sample['strata'];
  problems: CoverageProblem[];
}
export type ReportView = Omit<SurveyReport, 'builtAt' | 'opensAt' | 'deadline'> & { builtAt: string; opensAt: string; deadline: string };
export interface QuestionnaireRow { id: string; title: Label; orgType: string; currentVersion: number; updatedAt: string }

type Ref = z.input<typeof CampaignRef>;
export const surveyListCampaigns = callable<z.input<typeof ListCampaignsInput>, CampaignRow[]>('surveyListCampaigns');
export const surveyListQuestionnaires = callable<Record<string, never>, QuestionnaireRow[]>('surveyListQuestionnaires');
export const surveyCreateCampaign = callable<z.input<typeof CreateCampaignInput>, { campaignId: string }>('surveyCreateCampaign');
export const surveyPreviewCampaign = callable<Ref, PreviewView>('surveyPreviewCampaign');
export const surveyOpenCampaign = callable<Ref, { invited?: number; unreachable?: number; sampleSize?: number }>('surveyOpenCampaign');
export const surveyCloseCampaign = callable<Ref, { answered: number; returnRate: number; followUps: number }>('surveyCloseCampaign');
export const surveyProgress = callable<Ref, ProgressView>('surveyProgress');
export const surveyReport = callable<Ref, ReportView>('surveyReport');
export const surveyExportReport = callable<Ref, { fileName: string; mimeType: string; base64: string }>('surveyExportReport');

/**
 * Contracts of the survey and public-feedback callables: input schemas (validated on the server,
 * `.strict()`) and the views they return. Shared with the web client.
 */
import { z } from 'zod';
import { ComplaintSubject } from '../vocabulary';
import { Answers, LabelText, QuestionList } from './questionnaire';
import { SamplingRule, Seed } from './sampling';
import { OrgType, ResponseMode } from './vocabulary';
import { TOKEN_PATTERN } from './token-pattern';

const id = z.string().trim().min(1, 'required').max(128);
const docId = z.string().trim().regex(/^[A-Za-z0-9_-]{1,100}$/, 'letters, digits, - and _ only');
const token = z.string().regex(TOKEN_PATTERN, 'not a survey token');

export const SaveQuestionnaireInput = z.object({
  questionnaireId: docId,
  orgType: OrgType,
  title: LabelText,
  intro: z.object({ 'zh-CN': z.string().max(2000), en: z.string().max(2000) }).default({ 'zh-CN': '', en: '' }),
  questions: QuestionList,
}).strict();
export type SaveQuestionnaireInput = z.infer<typeof SaveQuestionnaireInput>;

export const GetQuestionnaireInput = z.object({ questionnaireId: id, version: z.number().int().min(1).optional() }).strict();

export const CreateCampaignInput = z.object({
  campaignId: docId.optional(),
  title: LabelText,
  questionnaireId: id,
  rule: SamplingRule,
  opensAt: z.iso.datetime({ offset: true }),
  deadline: z.iso.datetime({ offset: true }),
  targetReturnRate: z.number().gt(0).max(1).nullable().default(null),
  /** Omitted: a fresh random seed (recorded on the campaign). */
  seed: Seed.optional(),
}).strict();
export type CreateCampaignInput = z.infer<typeof CreateCampaignInput>;

export const CampaignRef = z.object({ campaignId: id }).strict();
export const ListCampaignsInput = z.object({ limit: z.number().int().min(1).max(100).default(20) }).strict();

export const RecordResponseInput = z.object({
  campaignId: id,
  clientId: id,
  mode: ResponseMode.exclude(['link']),
  answers: Answers,
}).strict();
export type RecordResponseInput = z.infer<typeof RecordResponseInput>;

export const ListResponsesInput = z.object({
  campaignId: id,
  status: z.enum(['pending', 'submitted']).optional(),
  limit: z.number().int().min(1).max(500).default(100),
}).strict();

export const SurveyTokenInput = z.object({ token }).strict();
export const SurveyAnswersInput = z.object({ token, answers: Answers }).strict();

const phone = z.string().trim().regex(/^\+?[0-9][0-9\s-]{5,24}$/, 'not a phone number').or(z.literal(''));

export const PublicFeedbackKind = z.enum(['complaint', 'suggestion', 'inquiry', 'praise', 'repair']);

export const PublicFileFeedbackInput = z.object({
  kind: PublicFeedbackKind,
  /** Complaints: what about (goods, service, safety…); required for complaints only. */
  subject: ComplaintSubject.optional(),
  title: z.string().trim().min(1, 'required').max(200),
  description: z.string().trim().max(5000).default(''),
  contact: z.object({
    name: z.string().trim().min(1, 'required').max(100),
    phone: phone.default(''),
    email: z.union([z.email(), z.literal('')]).default(''),
  }).strict(),
  consent: z.boolean(),
  clientCode: z.string().trim().min(1).max(64).optional(),
  locale: z.enum(['zh-CN', 'en']).default('zh-CN'),
}).strict().superRefine((v, ctx) => {
  if (v.kind === 'complaint' && !v.subject) ctx.addIssue({ code: 'custom', path: ['subject'], message: 'a complaint needs a subject' });
  if (v.kind !== 'complaint' && v.subject) ctx.addIssue({ code: 'custom', path: ['subject'], message: 'only complaints have a subject' });
});
export type PublicFileFeedbackInput = z.infer<typeof PublicFileFeedbackInput>;

export const PublicTicketStatusInput = z.object({
  number: z.string().trim().regex(/^HX-\d{8}-\d{4,}$/, 'expected a ticket number like HX-20261123-0001'),
  code: z.string().trim().regex(/^\d{6}$/, 'expected the 6-digit code'),
}).strict();

// ── views ──────────────────────────────────────────────────────────────────────────────────

export interface SurveyPageView {
  campaignTitle: { 'zh-CN': string; en: string };
  deadline: string;
  questionnaire: {
    id: string; version: number; title: { 'zh-CN': string; en: string }; intro: { 'zh-CN': string; en: string };
    questions: z.infer<typeof QuestionList>;
  };
  draft: z.infer<typeof Answers>;
}

export interface PublicTicketStatusView {
  number: string;
  kind: string;
  title: string;
  status: 'received' | 'being_handled' | 'resolved' | 'closed';
  receivedAt: string;
  updatedAt: string;
}

/**
 * Questionnaires as configuration: versioned lists of questions (single choice, multiple choice,
 * 1–5 rating, free text), each required or optional, in zh-CN and English, each on a topic.
 * A version that a campaign has used is locked: editing it creates the next version, so every
 * answer stays readable against the exact questions it answered. No Firebase import.
 */
import { z } from 'zod';
import type { FieldErrors } from '../validation';
import { OrgType, QuestionType, SurveyTopic } from './vocabulary';

const text = (max: number) => z.string().trim().min(1, 'required').max(max);
export const LabelText = z.object({ 'zh-CN': text(500), en: text(500) }).strict();

/** Question and option ids: short, stable keys (answers and statistics are keyed by them). */
export const QuestionKey = z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, 'lower-case letters, digits and _ (max 40)');

export const QuestionOption = z.object({ id: QuestionKey, label: LabelText }).strict();
export type QuestionOption = z.infer<typeof QuestionOption>;

export const Question = z
  .object({
    id: QuestionKey,
    topic: SurveyTopic,
    type: QuestionType,
    required: z.boolean().default(true),
    text: LabelText,
    /** Choices of single/multiple questions; none for ratings and free text. */
    options: z.array(QuestionOption).max(20).default([]),
  })
  .strict()
  .superRefine((q, ctx) => {
    const choice = q.type === 'single' || q.type === 'multiple';
    if (choice && q.options.length < 2) ctx.addIssue({ code: 'custom', path: ['options'], message: 'a choice question needs at least 2 options' });
    if (!choice && q.options.length) ctx.addIssue({ code: 'custom', path: ['options'], message: `a ${q.type} question has no options` });
    const ids = q.options.map((o) => o.id);
    if (new Set(ids).size !== ids.length) ctx.addIssue({ code: 'custom', path: ['options'], message: 'option ids must be unique' });
  });
export type Question = z.infer<typeof Question>;

export const QuestionList = z
  .array(Question)
  .min(1)
  .max(60)
  .superRefine((qs, ctx) => {
    const ids = qs.map((q) => q.id);
    ids.forEach((id, i) => {
      if (ids.indexOf(id) !== i) ctx.addIssue({ code: 'custom', path: [i, 'id'], message: `question id ${id} is used twice` });
    });
  });

/** `surveyQuestionnaires/{id}`: the questionnaire and its current version. */
export const QuestionnaireDoc = z.object({
  title: LabelText,
  orgType: OrgType,
  currentVersion: z.number().int().min(1),
  updatedAt: z.date(),
  updatedBy: z.string().min(1),
});
export type QuestionnaireDoc = z.infer<typeof QuestionnaireDoc>;

/** `surveyQuestionnaires/{id}/versions/{version}`: the questions as asked. */
export const QuestionnaireVersion = z.object({
  version: z.number().int().min(1),
  title: LabelText,
  intro: z.object({ 'zh-CN': z.string().max(2000), en: z.string().max(2000) }).default({ 'zh-CN': '', en: '' }),
  questions: QuestionList,
  /** Set when a campaign opens with this version: from then on an edit makes a new version. */
  locked: z.boolean().default(false),
  createdAt: z.date(),
  createdBy: z.string().min(1),
});
export type QuestionnaireVersion = z.infer<typeof QuestionnaireVersion>;

/** One answer: an option id, option ids, a 1–5 rating or text. Validated per question below. */
export const AnswerValue = z.union([z.string().max(2000), z.array(z.string().max(40)).max(20), z.number()]);
export type AnswerValue = z.infer<typeof AnswerValue>;
export const Answers = z.record(z.string().max(40), AnswerValue).refine((a) => Object.keys(a).length <= 60, 'too many answers');
export type Answers = z.infer<typeof Answers>;

function empty(v: AnswerValue | undefined): boolean {
  return v === undefined || (typeof v === 'string' && v.trim() === '') || (Array.isArray(v) && v.length === 0);
}

/**
 * Checks answers against one questionnaire version: one message per question that does not fit
 * (`answers.<questionId>`). A draft may leave required questions open; a submission may not.
 */
export function validateAnswers(version: Pick<QuestionnaireVersion, 'questions'>, answers: Answers, opts: { draft: boolean }): FieldErrors {
  const errors: FieldErrors = {};
  const byId = new Map(version.questions.map((q) => [q.id, q]));
  for (const key of Object.keys(answers)) if (!byId.has(key)) errors[`answers.${key}`] = 'no such question in this questionnaire';
  for (const q of version.questions) {
    const v = answers[q.id];
    const path = `answers.${q.id}`;
    if (empty(v)) {
      if (q.required && !opts.draft) errors[path] = 'required';
      continue;
    }
    const options = new Set(q.options.map((o) => o.id));
    switch (q.type) {
      case 'single':
        if (typeof v !== 'string' || !options.has(v)) errors[path] = `expected one of ${[...options].join(', ')}`;
        break;
      case 'multiple':
        if (!Array.isArray(v) || v.some((o) => !options.has(o)) || new Set(v).size !== v.length) {
          errors[path] = `expected distinct options among ${[...options].join(', ')}`;
        }
        break;
      case 'rating':
        if (typeof v !== 'number' || !Number.isInteger(v) || v < 1 || v > 5) errors[path] = 'expected a whole number from 1 to 5';
        break;
      case 'text':
        if (typeof v !== 'string') errors[path] = 'expected text';
        else if (v.length > 2000) errors[path] = 'at most 2000 characters';
        break;
    }
  }
  return errors;
}

/** Answers without empty entries (an empty optional answer is not an answer). */
export function compactAnswers(answers: Answers): Answers {
  return Object.fromEntries(
    Object.entries(answers)
      .filter(([, v]) => !empty(v))
      .map(([k, v]) => [k, typeof v === 'string' ? v.trim() : v]),
  );
}

/** What in an answer asks for a callback [003]: an opinion written down, or a rating of 2 or less. */
export interface FollowUpCause {
  lowRatings: Array<{ questionId: string; rating: number }>;
  opinions: Array<{ questionId: string; text: string }>;
}

export function followUpCause(version: Pick<QuestionnaireVersion, 'questions'>, answers: Answers): FollowUpCause | null {
  const lowRatings: FollowUpCause['lowRatings'] = [];
  const opinions: FollowUpCause['opinions'] = [];
  for (const q of version.questions) {
    const v = answers[q.id];
    if (q.type === 'rating' && typeof v === 'number' && v <= 2) lowRatings.push({ questionId: q.id, rating: v });
    if (q.type === 'text' && typeof v === 'string' && v.trim()) opinions.push({ questionId: q.id, text: v.trim() });
  }
  return lowRatings.length || opinions.length ? { lowRatings, opinions } : null;
}

/** Whether saving `next` over a version must create a new version (it is locked) or may replace it. */
export function editCreatesVersion(current: Pick<QuestionnaireVersion, 'locked'> | null): boolean {
  return current?.locked ?? false;
}

/**
 * The campaign report [001 §25], [003]: return rate overall and per stratum, satisfaction per
 * topic and per question, per branch / format / zone / tier, the comparison with the previous
 * campaign, and free-text answers grouped by what they are about. Built from the counter
 * document (stats.ts) and the answers that carry text; no Firebase import.
 */
import { z } from 'zod';
import type { Label } from '../vocabulary';
import type { QuestionnaireVersion } from './questionnaire';
import { countAt, keysAt, round, scoreAt } from './stats';
import { REPORT_DIMENSIONS } from './strata';
import { SURVEY_TOPIC_LABELS, SurveyTopic } from './vocabulary';

const LabelSchema = z.object({ 'zh-CN': z.string(), en: z.string() });
const ScoreSchema = z.object({ n: z.number(), mean: z.number().nullable(), satisfied: z.number().nullable() });

export const SurveyReport = z.object({
  campaignId: z.string(),
  title: LabelSchema,
  builtAt: z.date(),
  opensAt: z.date(),
  deadline: z.date(),
  population: z.number(),
  sampleSize: z.number(),
  answered: z.number(),
  returnRate: z.number(),
  targetReturnRate: z.number().nullable(),
  strata: z.array(z.object({ stratum: z.string(), drawn: z.number(), answered: z.number(), returnRate: z.number() })),
  overall: ScoreSchema,
  topics: z.array(z.object({
    topic: SurveyTopic, label: LabelSchema, score: ScoreSchema,
    previous: ScoreSchema.nullable(), deltaSatisfied: z.number().nullable(),
  })),
  questions: z.array(z.object({
    id: z.string(), topic: SurveyTopic, type: z.string(), text: LabelSchema, score: ScoreSchema.nullable(),
    options: z.array(z.object({ id: z.string(), label: LabelSchema, count: z.number(), share: z.number() })),
    answered: z.number(),
  })),
  breakdowns: z.record(z.string(), z.array(z.object({
    value: z.string(), label: z.string(), answered: z.number(), overall: ScoreSchema,
    topics: z.record(z.string(), ScoreSchema),
  }))),
  freeText: z.array(z.object({
    group: z.string(), label: LabelSchema,
    items: z.array(z.object({ questionId: z.string(), text: z.string(), branchId: z.string(), format: z.string() })),
  })),
  previousCampaignId: z.string().nullable(),
  followUps: z.number(),
});
export type SurveyReport = z.infer<typeof SurveyReport>;

/** Keywords that place a free-text answer in a group (first match wins; otherwise "other"). */
const TEXT_GROUPS: Array<{ group: string; label: Label; words: string[] }> = [
  { group: 'supply', label: SURVEY_TOPIC_LABELS.supply, words: ['货源', '缺货', '断货', '供应', '到货', 'supply', 'stock'] },
  { group: 'price', label: SURVEY_TOPIC_LABELS.price, words: ['价格', '涨价', '价钱', '贵', 'price'] },
  { group: 'fees', label: SURVEY_TOPIC_LABELS.fees, words: ['收费', '物业费', '费用', 'fee'] },
  { group: 'repairs', label: SURVEY_TOPIC_LABELS.repairs, words: ['维修', '报修', '漏水', '坏了', 'repair'] },
  { group: 'cleaning', label: SURVEY_TOPIC_LABELS.cleaning, words: ['卫生', '清洁', '垃圾', 'clean'] },
  { group: 'security', label: SURVEY_TOPIC_LABELS.security, words: ['保安', '安全', '门岗', '巡逻', 'security'] },
  { group: 'service_quality', label: SURVEY_TOPIC_LABELS.service_quality, words: ['服务', '态度', '客户经理', '送货', '配送', 'service', 'delivery'] },
];
const OTHER: Label = { 'zh-CN': '其他意见', en: 'Other opinions' };

export interface TextAnswer {
  questionId: string;
  text: string;
  branchId: string;
  format: string;
}

/** Free-text answers grouped by subject (keywords), groups in a fixed order, "other" last. */
export function groupFreeText(items: readonly TextAnswer[]): SurveyReport['freeText'] {
  const groups = new Map<string, SurveyReport['freeText'][number]>();
  for (const item of items) {
    const lower = item.text.toLowerCase();
    const hit = TEXT_GROUPS.find((g) => g.words.some((w) => lower.includes(w)));
    const key = hit?.group ?? 'other';
    const g = groups.get(key) ?? { group: key, label: { ...(hit?.label ?? OTHER) }, items: [] };
    g.items.push(item);
    groups.set(key, g);
  }
  const order = [...TEXT_GROUPS.map((g) => g.group), 'other'];
  return order.flatMap((k) => (groups.has(k) ? [groups.get(k)!] : []));
}

export interface ReportInput {
  campaignId: string;
  campaign: {
    title: Label; opensAt: Date; deadline: Date; population: number; sampleSize: number;
    targetReturnRate: number | null; strataDrawn: Record<string, number>;
  };
  version: Pick<QuestionnaireVersion, 'questions'>;
  stats: unknown;
  texts: readonly TextAnswer[];
  previous: Pick<SurveyReport, 'campaignId' | 'topics'> | null;
  /** Display names of dimension values (branch names); the code itself when absent. */
  names: Record<string, string>;
  followUps: number;
  builtAt: Date;
}

/** The report of a campaign from its counters, its text answers and the previous report. */
export function buildReport(input: ReportInput): SurveyReport {
  const { stats, version, campaign } = input;
  const answered = countAt(stats, 'answered');
  const rate = (a: number, d: number) => (d ? round(a / d, 4) : 0);
  const topicsUsed = [...new Set(version.questions.filter((q) => q.type === 'rating').map((q) => q.topic))];
  const overallOf = (path: string[]) => {
    let n = 0, sum = 0, sat = 0;
    for (const t of topicsUsed) {
      n += countAt(stats, ...path, t, 'n');
      sum += countAt(stats, ...path, t, 'sum');
      sat += countAt(stats, ...path, t, 'sat');
    }
    return n ? { n, mean: round(sum / n, 2), satisfied: round(sat / n, 4) } : { n: 0, mean: null, satisfied: null };
  };
  const topics = topicsUsed.map((topic) => {
    const score = scoreAt(stats, 't', topic);
    const prev = input.previous?.topics.find((t) => t.topic === topic)?.score ?? null;
    return {
      topic, label: { ...SURVEY_TOPIC_LABELS[topic] }, score, previous: prev,
      deltaSatisfied: prev?.satisfied != null && score.satisfied != null ? round(score.satisfied - prev.satisfied, 4) : null,
    };
  });
  const questions = version.questions.map((q) => {
    const n = countAt(stats, 'q', q.id, 'n');
    return {
      id: q.id, topic: q.topic, type: q.type, text: { ...q.text },
      score: q.type === 'rating' ? scoreAt(stats, 'q', q.id) : null,
      options: q.options.map((o) => {
        const count = countAt(stats, 'q', q.id, 'opt', o.id);
        return { id: o.id, label: { ...o.label }, count, share: rate(count, n) };
      }),
      answered: n,
    };
  });
  const breakdowns: SurveyReport['breakdowns'] = {};
  for (const dim of REPORT_DIMENSIONS) {
    breakdowns[dim] = keysAt(stats, 'dim', dim).map((value) => ({
      value,
      label: input.names[value] ?? value,
      answered: countAt(stats, 'dim', dim, value, 'answered'),
      overall: overallOf(['dim', dim, value, 't']),
      topics: Object.fromEntries(topicsUsed.map((t) => [t, scoreAt(stats, 'dim', dim, value, 't', t)])),
    }));
  }
  return {
    campaignId: input.campaignId,
    title: { ...campaign.title },
    builtAt: input.builtAt,
    opensAt: campaign.opensAt,
    deadline: campaign.deadline,
    population: campaign.population,
    sampleSize: campaign.sampleSize,
    answered,
    returnRate: rate(answered, campaign.sampleSize),
    targetReturnRate: campaign.targetReturnRate,
    strata: Object.keys(campaign.strataDrawn).sort().map((stratum) => {
      const drawn = campaign.strataDrawn[stratum] ?? 0;
      const a = countAt(stats, 'byStratum', stratum);
      return { stratum, drawn, answered: a, returnRate: rate(a, drawn) };
    }),
    overall: overallOf(['t']),
    topics,
    questions,
    breakdowns,
    freeText: groupFreeText(input.texts),
    previousCampaignId: input.previous?.campaignId ?? null,
    followUps: input.followUps,
  };
}

/** Live progress: return rate overall and per stratum against the target. */
export interface ProgressView {
  campaignId: string;
  state: string;
  sampleSize: number;
  answered: number;
  returnRate: number;
  targetReturnRate: number | null;
  deadline: string;
  strata: Array<{ stratum: string; drawn: number; answered: number; returnRate: number }>;
}

export function progressOf(
  campaignId: string,
  c: { state: string; sampleSize: number; targetReturnRate: number | null; deadline: Date; strataDrawn: Record<string, number> },
  stats: unknown,
): ProgressView {
  const answered = countAt(stats, 'answered');
  const rate = (a: number, d: number) => (d ? round(a / d, 4) : 0);
  return {
    campaignId, state: c.state, sampleSize: c.sampleSize, answered, returnRate: rate(answered, c.sampleSize),
    targetReturnRate: c.targetReturnRate, deadline: c.deadline.toISOString(),
    strata: Object.keys(c.strataDrawn).sort().map((stratum) => {
      const drawn = c.strataDrawn[stratum] ?? 0;
      const a = countAt(stats, 'byStratum', stratum);
      return { stratum, drawn, answered: a, returnRate: rate(a, drawn) };
    }),
  };
}

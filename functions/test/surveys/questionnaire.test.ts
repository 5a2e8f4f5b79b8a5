import { defaultQuestionnaire } from '../../src/domain/surveys/defaults';
import { compactAnswers, editCreatesVersion, followUpCause, Question, QuestionList, validateAnswers } from '../../src/domain/surveys/questionnaire';
import { answerIncrements, applyIncrements, countAt, type Increments } from '../../src/domain/surveys/stats';
import { buildReport, groupFreeText } from '../../src/domain/surveys/report';
import type { Answers } from '../../src/domain/surveys/questionnaire';

const tobacco = defaultQuestionnaire('tobacco');
const property = defaultQuestionnaire('property');

test('default questionnaires cover the sources’ topics and are valid configuration', () => {
  expect(QuestionList.safeParse(tobacco.questions).success).toBe(true);
  expect(QuestionList.safeParse(property.questions).success).toBe(true);
  expect(new Set(tobacco.questions.map((q) => q.topic))).toEqual(new Set(['supply', 'price', 'service_quality', 'needs', 'overall']));
  expect(new Set(property.questions.map((q) => q.topic))).toEqual(new Set(['cleaning', 'security', 'repairs', 'customer_service', 'fees', 'overall']));
  for (const q of [...tobacco.questions, ...property.questions]) {
    expect(q.text['zh-CN']).toBeTruthy();
    expect(q.text.en).toBeTruthy();
  }
});

test('question configuration is checked: choices need options, ratings have none, ids unique', () => {
  const r = Question.safeParse({ id: 'q', topic: 'price', type: 'single', text: { 'zh-CN': '价', en: 'Price' }, options: [] });
  expect(r.success).toBe(false);
  const rating = Question.safeParse({ id: 'q', topic: 'price', type: 'rating', text: { 'zh-CN': '价', en: 'P' }, options: [{ id: 'a', label: { 'zh-CN': 'a', en: 'a' } }] });
  expect(rating.success).toBe(false);
  const dup = QuestionList.safeParse([tobacco.questions[0], tobacco.questions[0]]);
  expect(dup.success).toBe(false);
});

describe('answers are validated against the questionnaire version, per question', () => {
  const complete = { supply_sufficiency: 4, price_stability: 5, service_manager: 3, service_delivery: 4, needs_priority: 'price', overall: 4 };

  test('a complete answer passes; optional questions may stay empty', () => {
    expect(validateAnswers(tobacco, complete, { draft: false })).toEqual({});
    expect(validateAnswers(tobacco, { ...complete, opinion: '', supply_shortage: [] }, { draft: false })).toEqual({});
  });

  test('each wrong answer is named by its question', () => {
    const errors = validateAnswers(tobacco, {
      ...complete, supply_sufficiency: 6, price_stability: 2.5, needs_priority: 'cheap', supply_shortage: ['mid', 'mid'], overall: '4', bogus: 1,
    }, { draft: false });
    expect(Object.keys(errors).sort()).toEqual([
      'answers.bogus', 'answers.needs_priority', 'answers.overall', 'answers.price_stability', 'answers.supply_shortage', 'answers.supply_sufficiency',
    ]);
  });

  test('required questions: missing on submission, allowed in a draft', () => {
    const errors = validateAnswers(tobacco, { supply_sufficiency: 4 }, { draft: false });
    expect(errors['answers.overall']).toBe('required');
    expect(errors['answers.opinion']).toBeUndefined();
    expect(validateAnswers(tobacco, { supply_sufficiency: 4 }, { draft: true })).toEqual({});
  });

  test('an opinion or a rating of 2 or less asks for a callback; 3 without text does not', () => {
    expect(followUpCause(tobacco, complete)).toBeNull();
    expect(followUpCause(tobacco, { ...complete, price_stability: 2 })).toEqual({ lowRatings: [{ questionId: 'price_stability', rating: 2 }], opinions: [] });
    expect(followUpCause(tobacco, compactAnswers({ ...complete, opinion: '  ' }))).toBeNull();
    expect(followUpCause(tobacco, { ...complete, opinion: '希望增加高端烟货源' })?.opinions).toHaveLength(1);
  });
});

test('a locked version (used by a campaign) makes an edit create a new version; an unused one is replaced', () => {
  expect(editCreatesVersion({ locked: true })).toBe(true);
  expect(editCreatesVersion({ locked: false })).toBe(false);
  expect(editCreatesVersion(null)).toBe(false);
});

test('the report from counters: satisfaction per topic, question and branch, comparison, grouped opinions', () => {
  const stats: Increments = {};
  const strata = { format: 'grocery', zone: 'rural', marketType: 'X', tier: 'C', branchId: 'br-county', stratum: 'grocery|rural|X' };
  const answers: Answers[] = [
    { supply_sufficiency: 5, price_stability: 4, service_manager: 5, service_delivery: 4, needs_priority: 'price', overall: 5 },
    { supply_sufficiency: 2, price_stability: 4, service_manager: 3, service_delivery: 4, needs_priority: 'supply', overall: 3, supply_shortage: ['premium', 'mid'] },
  ];
  for (const a of answers) applyIncrements(stats, answerIncrements(tobacco, a, strata));
  expect(countAt(stats, 'answered')).toBe(2);
  expect(countAt(stats, 'q', 'supply_shortage', 'opt', 'premium')).toBe(1);
  const report = buildReport({
    campaignId: 'c2', campaign: {
      title: { 'zh-CN': '调查', en: 'Survey' }, opensAt: new Date('2026-06-01T00:30:00Z'), deadline: new Date('2026-06-20T09:30:00Z'),
      population: 40, sampleSize: 4, targetReturnRate: null, strataDrawn: { 'grocery|rural|X': 4 },
    },
    version: tobacco, stats,
    texts: [
      { questionId: 'opinion', text: '高端烟经常缺货', branchId: 'br-county', format: 'grocery' },
      { questionId: 'opinion', text: '客户经理态度很好', branchId: 'br-county', format: 'grocery' },
      { questionId: 'opinion', text: '希望多办培训', branchId: 'br-county', format: 'grocery' },
    ],
    previous: { campaignId: 'c1', topics: [{ topic: 'supply', label: { 'zh-CN': '', en: '' }, score: { n: 2, mean: 4, satisfied: 1 }, previous: null, deltaSatisfied: null }] },
    names: { 'br-county': '县级分公司' }, followUps: 1, builtAt: new Date('2026-06-21T00:00:00Z'),
  });
  expect(report.returnRate).toBe(0.5);
  expect(report.strata).toEqual([{ stratum: 'grocery|rural|X', drawn: 4, answered: 2, returnRate: 0.5 }]);
  const supply = report.topics.find((t) => t.topic === 'supply')!;
  expect(supply.score).toEqual({ n: 2, mean: 3.5, satisfied: 0.5 });
  expect(supply.deltaSatisfied).toBe(-0.5);
  const service = report.topics.find((t) => t.topic === 'service_quality')!;
  expect(service.score).toEqual({ n: 4, mean: 4, satisfied: 0.75 });
  expect(report.breakdowns.branchId).toEqual([expect.objectContaining({ value: 'br-county', label: '县级分公司', answered: 2 })]);
  expect(report.questions.find((q) => q.id === 'needs_priority')!.options.find((o) => o.id === 'price')).toMatchObject({ count: 1, share: 0.5 });
  expect(report.freeText.map((g) => [g.group, g.items.length])).toEqual([['supply', 1], ['service_quality', 1], ['other', 1]]);
  expect(groupFreeText([])).toEqual([]);
});

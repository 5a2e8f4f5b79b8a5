/** Questionnaires are versioned configuration; a draft campaign is previewed before it opens, then frozen. */
import { emulatorProject } from '../../../test/support/emulator';
import { authOf, seedOrg } from '../../../test/support/fixtures';
import { ManualClock } from '../../src/domain/clock';
import { useClock } from '../../src/lib/clock';
import { defaultQuestionnaire } from '../../src/domain/surveys/defaults';
import { surveySaveQuestionnaire } from '../../src/callables/surveys/survey-save-questionnaire';
import { surveyGetQuestionnaire } from '../../src/callables/surveys/survey-get-questionnaire';
import { surveyCreateCampaign } from '../../src/callables/surveys/survey-create-campaign';
import { surveyPreviewCampaign } from '../../src/callables/surveys/survey-preview-campaign';
import { surveyOpenCampaign } from '../../src/callables/surveys/survey-open-campaign';
import { rejection, seedPopulation } from './support';

const { db, fft, cleanup } = emulatorProject('survey-questionnaire');
jest.setTimeout(60_000);
const clock = new ManualClock(new Date('2026-11-23T02:00:00Z'));
const call = <T>(fn: unknown, data: unknown, uid = 'u-quality-1'): Promise<T> => (fft.wrap(fn as never) as (r: unknown) => Promise<T>)({ data, auth: authOf(uid) });

beforeAll(async () => {
  useClock(clock);
  await seedOrg(db);
  await seedPopulation(db, 40);
});
afterAll(cleanup);

const base = defaultQuestionnaire('property');
const input = { questionnaireId: 'estate-2026', orgType: 'property', title: base.title, intro: base.intro, questions: base.questions };

test('editing an unused version replaces it; once a campaign opened with it, an edit creates version 2', async () => {
  expect(await call(surveySaveQuestionnaire, input)).toEqual({ questionnaireId: 'estate-2026', version: 1, newVersion: true });
  const edited = { ...input, questions: input.questions.slice(1) };
  expect(await call(surveySaveQuestionnaire, edited)).toEqual({ questionnaireId: 'estate-2026', version: 1, newVersion: false });
  expect((await call<{ questions: unknown[] }>(surveyGetQuestionnaire, { questionnaireId: 'estate-2026' })).questions).toHaveLength(input.questions.length - 1);

  const bad = await rejection(call(surveySaveQuestionnaire, { ...input, questions: [{ ...input.questions[0], type: 'single' }] }));
  expect(bad.code).toBe('invalid-argument');
  expect(Object.keys((bad.details as { fields: object }).fields)).toEqual(['questions.0.options']);

  const { campaignId } = await call<{ campaignId: string }>(surveyCreateCampaign, {
    campaignId: 'estate-mid', title: { 'zh-CN': '年中顾客意见调查', en: 'Mid-year survey' }, questionnaireId: 'estate-2026',
    rule: { kind: 'complainers' }, opensAt: '2026-11-23T02:00:00Z', deadline: '2026-12-04T09:30:00Z', targetReturnRate: 0.5, seed: 42,
  }, 'u-intake');

  // preview: the sample before opening, with what cannot be covered
  await db.doc('config/surveys').set({ expected: { formats: ['grocery', 'mall'] } });
  const preview = await call<{ seed: number; population: number; target: number; size: number; focus: number; problems: Array<{ reason: string }> }>(surveyPreviewCampaign, { campaignId });
  expect(preview).toMatchObject({ seed: 42, population: 42, target: 21, focus: 9 });
  expect(preview.size).toBeGreaterThanOrEqual(21);
  expect(preview.problems).toContainEqual({ reason: 'no_clients', dimension: 'format', value: 'mall' });
  // the same seed previews the same sample
  expect(await call(surveyPreviewCampaign, { campaignId })).toEqual(preview);

  const opened = await call<{ outcome: string; sampleSize: number }>(surveyOpenCampaign, { campaignId });
  expect(opened).toMatchObject({ outcome: 'opened', sampleSize: preview.size });
  const frozen = await rejection(call(surveyPreviewCampaign, { campaignId }));
  expect([frozen.code, frozen.details.reason]).toEqual(['failed-precondition', 'survey.campaign_not_draft']);
  const twice = await rejection(call(surveyOpenCampaign, { campaignId }));
  expect(twice.details.reason).toBe('survey.campaign_not_draft');

  expect(await call(surveySaveQuestionnaire, input)).toEqual({ questionnaireId: 'estate-2026', version: 2, newVersion: true });
  const v1 = await call<{ questions: unknown[]; locked: boolean }>(surveyGetQuestionnaire, { questionnaireId: 'estate-2026', version: 1 });
  expect(v1.locked).toBe(true);
  expect(v1.questions).toHaveLength(input.questions.length - 1);
  expect((await db.doc(`surveyCampaigns/${campaignId}`).get()).get('questionnaireVersion')).toBe(1);
});

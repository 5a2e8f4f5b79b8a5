/**
 * Survey callables × every role of the shared permission matrix: quality, the customer-service
 * centre and leadership run surveys and read answers; the auditor reads figures only; nobody else.
 * Expectations are written out by hand and checked against the policy module.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { emulatorProject } from '../../../test/support/emulator';
import { ACTORS, actorOf, type ActorId } from '../../../test/support/access-matrix';
import { seedOrgWithExtras, tokenOf } from '../../../test/support/fixtures';
import { ManualClock } from '../../src/domain/clock';
import { useClock } from '../../src/lib/clock';
import { canManageSurveys, canReadAnswers, canReadSurveyReport } from '../../src/domain/surveys/policy';
import { defaultQuestionnaire } from '../../src/domain/surveys/defaults';
import { SURVEY_REFUSALS } from '../../src/domain/surveys/refusals';
import { CreateCampaignInput } from '../../src/domain/surveys/api';
import { ensureDefaultQuestionnaire } from '../../src/store/surveys/questionnaires';
import { createCampaign, openCampaign } from '../../src/store/surveys/campaigns';
import { closeCampaign } from '../../src/store/surveys/campaigns';
import { buildAndStoreReport } from '../../src/store/surveys/report';
import { surveySaveQuestionnaire } from '../../src/callables/surveys/survey-save-questionnaire';
import { surveyListQuestionnaires } from '../../src/callables/surveys/survey-list-questionnaires';
import { surveyGetQuestionnaire } from '../../src/callables/surveys/survey-get-questionnaire';
import { surveyCreateCampaign } from '../../src/callables/surveys/survey-create-campaign';
import { surveyPreviewCampaign } from '../../src/callables/surveys/survey-preview-campaign';
import { surveyOpenCampaign } from '../../src/callables/surveys/survey-open-campaign';
import { surveyCloseCampaign } from '../../src/callables/surveys/survey-close-campaign';
import { surveyListCampaigns } from '../../src/callables/surveys/survey-list-campaigns';
import { surveyProgress } from '../../src/callables/surveys/survey-progress';
import { surveyReport } from '../../src/callables/surveys/survey-report';
import { surveyExportReport } from '../../src/callables/surveys/survey-export-report';
import { surveyListResponses } from '../../src/callables/surveys/survey-list-responses';
import { surveyRecordResponse } from '../../src/callables/surveys/survey-record-response';
import { PUBLIC_CALLABLES, SURVEY_STAFF_CALLABLES } from './matrix';

const { db, fft, cleanup } = emulatorProject('survey-permissions');
jest.setTimeout(120_000);
const now = new Date('2026-11-23T02:00:00Z');
type Wrapped = (req: unknown) => Promise<unknown>;
const w = (fn: unknown): Wrapped => fft.wrap(fn as never) as unknown as Wrapped;

const RUN: readonly ActorId[] = ['u-intake', 'u-quality-1', 'u-quality-head', 'u-county-quality', 'u-leader'];
const REPORT: readonly ActorId[] = [...RUN, 'u-auditor'];
const answers = { supply_sufficiency: 4, price_stability: 4, service_manager: 4, service_delivery: 4, needs_priority: 'price', overall: 4 };
const tobacco = defaultQuestionnaire('tobacco');

const MATRIX: Record<string, { fn: Wrapped; allowed: readonly ActorId[]; data: (uid: ActorId) => unknown }> = {
  surveySaveQuestionnaire: {
    fn: w(surveySaveQuestionnaire), allowed: RUN,
    data: (uid) => ({ questionnaireId: `q-${uid}`, orgType: 'tobacco', title: tobacco.title, questions: tobacco.questions }),
  },
  surveyListQuestionnaires: { fn: w(surveyListQuestionnaires), allowed: RUN, data: () => ({}) },
  surveyGetQuestionnaire: { fn: w(surveyGetQuestionnaire), allowed: RUN, data: () => ({ questionnaireId: 'default-tobacco' }) },
  surveyCreateCampaign: {
    fn: w(surveyCreateCampaign), allowed: RUN,
    data: () => ({ title: tobacco.title, questionnaireId: 'default-tobacco', rule: { kind: 'all' }, opensAt: '2026-12-01T00:30:00Z', deadline: '2026-12-10T09:30:00Z' }),
  },
  surveyPreviewCampaign: { fn: w(surveyPreviewCampaign), allowed: RUN, data: () => ({ campaignId: 'm-draft' }) },
  surveyOpenCampaign: { fn: w(surveyOpenCampaign), allowed: RUN, data: (uid) => ({ campaignId: `d-${uid}` }) },
  surveyCloseCampaign: { fn: w(surveyCloseCampaign), allowed: RUN, data: (uid) => ({ campaignId: `o-${uid}` }) },
  surveyListCampaigns: { fn: w(surveyListCampaigns), allowed: REPORT, data: () => ({}) },
  surveyProgress: { fn: w(surveyProgress), allowed: REPORT, data: () => ({ campaignId: 'm-open' }) },
  surveyReport: { fn: w(surveyReport), allowed: REPORT, data: () => ({ campaignId: 'm-closed' }) },
  surveyExportReport: { fn: w(surveyExportReport), allowed: REPORT, data: () => ({ campaignId: 'm-closed' }) },
  surveyListResponses: { fn: w(surveyListResponses), allowed: RUN, data: () => ({ campaignId: 'm-open' }) },
  surveyRecordResponse: { fn: w(surveyRecordResponse), allowed: RUN, data: (uid) => ({ campaignId: `r-${uid}`, clientId: 'c-1', mode: 'paper', answers }) },
};

const create = (id: string) => createCampaign(db, 'setup', CreateCampaignInput.parse({
  campaignId: id, title: tobacco.title, questionnaireId: 'default-tobacco', rule: { kind: 'all' },
  opensAt: now.toISOString(), deadline: '2026-12-04T09:30:00Z', seed: 1,
}), now);

beforeAll(async () => {
  useClock(new ManualClock(now));
  await seedOrgWithExtras(db);
  await ensureDefaultQuestionnaire(db, 'tobacco', now);
  for (const id of ['m-draft', 'm-open', 'm-closed']) await create(id);
  await openCampaign(db, 'm-open', now);
  await openCampaign(db, 'm-closed', now);
  await closeCampaign(db, 'm-closed', now);
  await buildAndStoreReport(db, 'm-closed', now);
  for (const uid of RUN) {
    await create(`d-${uid}`);
    for (const id of [`o-${uid}`, `r-${uid}`]) {
      await create(id);
      await openCampaign(db, id, now);
    }
  }
});
afterAll(cleanup);

const rows = Object.entries(MATRIX).flatMap(([name, row]) => ACTORS.map((uid) => [name, uid, row.allowed.includes(uid)] as const));

test.each(rows)('%s as %s → allowed: %s', async (name, uid, allowed) => {
  const row = MATRIX[name]!;
  let res: { ok: true } | { ok: false; code: string; reason: unknown };
  try {
    await row.fn({ data: row.data(uid), auth: tokenOf(uid) });
    res = { ok: true };
  } catch (e) {
    const err = e as { code: string; details?: { reason?: unknown } };
    res = { ok: false, code: err.code, reason: err.details?.reason };
  }
  // Refused with a code of the survey catalogue: the reader gets it in their language.
  expect(res).toEqual(allowed ? { ok: true } : { ok: false, code: 'permission-denied', reason: expect.any(String) });
  if (!res.ok) expect(Object.keys(SURVEY_REFUSALS)).toContain(res.reason);
});

test('the table agrees with the policy module', () => {
  for (const uid of ACTORS) {
    const a = actorOf(uid);
    expect([uid, RUN.includes(uid)]).toEqual([uid, canManageSurveys(a).allowed]);
    expect([uid, RUN.includes(uid)]).toEqual([uid, canReadAnswers(a).allowed]);
    expect([uid, REPORT.includes(uid)]).toEqual([uid, canReadSurveyReport(a).allowed]);
  }
});

test('every survey callable in the manifest is either in this table or public', () => {
  const manifest = readFileSync(join(__dirname, '../../src/index.ts'), 'utf8');
  const exported = [...manifest.matchAll(/export \{ (\w+) \} from '\.\/callables\/surveys\//g)].map((m) => m[1]!);
  expect(exported.sort()).toEqual([...Object.keys(MATRIX), ...PUBLIC_CALLABLES].sort());
  expect(Object.keys(MATRIX).sort()).toEqual([...SURVEY_STAFF_CALLABLES].sort());
});

/**
 * A campaign end to end on the emulator with the injected clock: the schedule opens it on
 * 1 June (a working day), sends personal links in working time, clients answer by token, a
 * reminder goes to those who did not, staff record a phone survey, the deadline passes, the
 * schedule closes it, builds the report and opens the follow-up callback tickets — once.
 */
import { emulatorProject } from '../../../test/support/emulator';
import { authOf, seedOrg } from '../../../test/support/fixtures';
import { ManualClock } from '../../src/domain/clock';
import { useClock } from '../../src/lib/clock';
import { surveyOpen } from '../../src/callables/surveys/survey-open';
import { surveySaveDraft } from '../../src/callables/surveys/survey-save-draft';
import { surveySubmit } from '../../src/callables/surveys/survey-submit';
import { surveyProgress } from '../../src/callables/surveys/survey-progress';
import { surveyRecordResponse } from '../../src/callables/surveys/survey-record-response';
import { surveyReport } from '../../src/callables/surveys/survey-report';
import { surveyExportReport } from '../../src/callables/surveys/survey-export-report';
import { surveyListResponses } from '../../src/callables/surveys/survey-list-responses';
import { surveyCreateCampaign } from '../../src/callables/surveys/survey-create-campaign';
import { surveyOpenDue } from '../../src/schedules/survey-open-due';
import { surveyDispatch } from '../../src/schedules/survey-dispatch';
import { surveyCloseDue } from '../../src/schedules/survey-close-due';
import { onTicketCreated } from '../../src/triggers/ticket-created';
import { rejection, seedPopulation, tokenIn } from './support';

const { db, fft, cleanup } = emulatorProject('survey-campaign');
const clock = new ManualClock(new Date('2026-06-01T01:00:00Z')); // Monday 1 June 2026, 09:00 in Shanghai
const call = <T>(fn: unknown, data: unknown, auth?: unknown): Promise<T> => (fft.wrap(fn as never) as (r: unknown) => Promise<T>)({ data, ...(auth ? { auth } : {}) });
const runSchedule = (fn: { run: (e: unknown) => Promise<unknown> }) => fn.run({ scheduleTime: clock.now().toISOString(), jobName: 'test' });
const CID = '2026-mid_year';
jest.setTimeout(60_000);

const complete = { supply_sufficiency: 4, price_stability: 4, service_manager: 5, service_delivery: 4, needs_priority: 'service', overall: 4 };
let population: string[] = [];

beforeAll(async () => {
  useClock(clock);
  await seedOrg(db);
  population = await seedPopulation(db, 240);
});
afterAll(cleanup);

async function messagesFor(prefix: string) {
  const snap = await db.collection('messages').get();
  return snap.docs.filter((d) => d.id.startsWith(prefix));
}

test('end to end: open → send → answer by token → remind → close → report → follow-up tickets', async () => {
  // ── open: the schedule creates the June campaign from the default configuration and opens it
  await runSchedule(surveyOpenDue as never);
  await runSchedule(surveyOpenDue as never); // twice: nothing changes
  const campaign = (await db.doc(`surveyCampaigns/${CID}`).get()).data()!;
  expect(campaign.state).toBe('open');
  expect(campaign.rule).toEqual({ kind: 'stratified', share: 0.05, minPerStratum: 1 });
  expect(typeof campaign.seed).toBe('number');
  const N = population.length + 2; // fixture clients c-1, c-2 too
  expect(campaign.population).toBe(N);
  expect(campaign.sampleSize).toBeGreaterThanOrEqual(Math.ceil(0.05 * N));
  // 3 formats × 2 zones (zone fixes market type; the fixture clients fall in two of them): each covered
  expect(Object.keys(campaign.strataDrawn).sort()).toEqual([
    'convenience|city_a|C', 'convenience|rural|X', 'grocery|city_a|C', 'grocery|rural|X', 'supermarket|city_a|C', 'supermarket|rural|X',
  ]);
  const responses = await db.collection(`surveyCampaigns/${CID}/responses`).get();
  expect(responses.size).toBe(campaign.sampleSize);
  expect((await db.doc(`surveyQuestionnaires/default-tobacco/versions/1`).get()).get('locked')).toBe(true);

  // ── send: personal links by SMS (and e-mail where known), only to clients who consented
  await runSchedule(surveyDispatch as never);
  await runSchedule(surveyDispatch as never); // twice: no second message
  const sent = await messagesFor(`svy_${CID}_`);
  const withChannels = (await db.collection(`surveyCampaigns/${CID}/responses`).get()).docs;
  const reachable = withChannels.filter((d) => (d.get('channels') as string[]).length > 0);
  expect(withChannels.every((d) => d.get('invitedAt'))).toBe(true);
  expect(sent).toHaveLength(reachable.length);
  expect(sent.every((m) => m.id.endsWith('_0'))).toBe(true);
  expect((await db.collection('surveyTokens').get()).size).toBe(reachable.length);
  const [first, second] = reachable.map((r) => r.id);
  const tokenOf = async (clientId: string, n = 0) => tokenIn((await db.doc(`messages/svy_${CID}_${clientId}_${n}`).get()).get('body') as string);
  const t1 = await tokenOf(first!);
  // the token itself is not stored, only its hash
  expect(JSON.stringify((await db.collection('surveyTokens').get()).docs.map((d) => [d.id, d.data()]))).not.toContain(t1);

  // ── answer by token: open, save a draft, reopen it
  const page = await call<{ questionnaire: { questions: Array<{ id: string }> }; draft: Record<string, unknown> }>(surveyOpen, { token: t1 });
  expect(page.questionnaire.questions.map((q) => q.id)).toContain('supply_sufficiency');
  expect(page.draft).toEqual({});
  await call(surveySaveDraft, { token: t1, answers: { supply_sufficiency: 2 } });
  expect((await call<{ draft: Record<string, unknown> }>(surveyOpen, { token: t1 })).draft).toEqual({ supply_sufficiency: 2 });

  // an answer that does not fit: invalid-argument per question, nothing written
  const bad = await rejection(call(surveySubmit, { token: t1, answers: { ...complete, overall: 9, needs_priority: 'nope' } }));
  expect(bad.code).toBe('invalid-argument');
  expect(bad.details.reason).toBe('survey.answer_invalid');
  expect(Object.keys(bad.details.fields as object).sort()).toEqual(['answers.needs_priority', 'answers.overall']);
  expect((await db.doc(`surveyCampaigns/${CID}/stats/live`).get()).get('c__answered')).toBe(0);

  // submit once (a low rating and an opinion → a follow-up callback later); a second time is refused
  await call(surveySubmit, { token: t1, answers: { ...complete, supply_sufficiency: 2, opinion: '高端烟经常缺货，希望增加货源' } });
  const used = await rejection(call(surveySubmit, { token: t1, answers: complete }));
  expect([used.code, used.details.reason]).toEqual(['failed-precondition', 'survey.token_used']);
  const unknown = await rejection(call(surveyOpen, { token: 'A'.repeat(22) }));
  expect([unknown.code, unknown.details.reason]).toEqual(['not-found', 'survey.token_unknown']);
  await call(surveySubmit, { token: await tokenOf(second!), answers: complete }); // satisfied: no follow-up

  // live progress: 2 answers, per stratum
  const progress = await call<{ answered: number; returnRate: number; strata: Array<{ answered: number }> }>(surveyProgress, { campaignId: CID }, authOf('u-quality-1'));
  expect(progress.answered).toBe(2);
  expect(progress.returnRate).toBeCloseTo(2 / campaign.sampleSize, 4);
  expect(progress.strata.reduce((a, s) => a + s.answered, 0)).toBe(2);

  // staff record a phone survey for a client who gave no consent (or any pending one)
  const phoneClient = withChannels.find((d) => (d.get('channels') as string[]).length === 0)?.id ?? reachable[2]!.id;
  const third = reachable.map((r) => r.id).find((id) => ![first, second, phoneClient].includes(id))!;
  await call(surveyRecordResponse, { campaignId: CID, clientId: phoneClient, mode: 'phone', answers: { ...complete, overall: 1 } }, authOf('u-intake'));
  const again = await rejection(call(surveyRecordResponse, { campaignId: CID, clientId: phoneClient, mode: 'paper', answers: complete }, authOf('u-intake')));
  expect(again.details.reason).toBe('survey.already_answered');
  const denied = await rejection(call(surveyRecordResponse, { campaignId: CID, clientId: phoneClient, mode: 'paper', answers: complete }, authOf('u-business-1')));
  expect([denied.code, denied.details.reason]).toEqual(['permission-denied', 'survey.run_who']);

  // ── remind: not at night, then once in working time, only those who have not answered
  const reminderAts = ((await db.doc(`surveyCampaigns/${CID}`).get()).get('reminderAts') as Array<{ toDate(): Date }>).map((d) => d.toDate());
  expect(reminderAts).toHaveLength(2);
  clock.set(new Date(reminderAts[0]!.getTime() - 10 * 3600_000)); // the night before
  await runSchedule(surveyDispatch as never);
  expect((await messagesFor(`svy_${CID}_`)).filter((m) => m.id.endsWith('_1'))).toHaveLength(0);
  clock.set(new Date(reminderAts[0]!.getTime() + 3600_000));
  await runSchedule(surveyDispatch as never);
  await runSchedule(surveyDispatch as never);
  const reminders = (await messagesFor(`svy_${CID}_`)).filter((m) => m.id.endsWith('_1'));
  expect(reminders.map((m) => m.id.slice(`svy_${CID}_`.length, -2)).sort()).toEqual(reachable.map((r) => r.id).filter((id) => id !== first && id !== second && id !== phoneClient).sort());
  // the reminder carries a fresh link to the same questionnaire; the first link still works too
  const third1 = await tokenOf(third!, 1);
  expect(third1).not.toBe(await tokenOf(third!));
  await call(surveyOpen, { token: await tokenOf(third!) });

  // ── after the deadline, before the close: expired; after the close: campaign closed
  const deadline = (await db.doc(`surveyCampaigns/${CID}`).get()).get('deadline').toDate() as Date;
  clock.set(new Date(deadline.getTime() + 60_000));
  const expired = await rejection(call(surveySubmit, { token: third1, answers: complete }));
  expect([expired.code, expired.details.reason]).toEqual(['deadline-exceeded', 'survey.token_expired']);
  await runSchedule(surveyCloseDue as never);
  await runSchedule(surveyCloseDue as never); // twice: no second ticket, same report
  const closed = await rejection(call(surveyOpen, { token: third1 }));
  expect([closed.code, closed.details.reason]).toEqual(['failed-precondition', 'survey.campaign_closed']);
  expect((await db.doc(`surveyCampaigns/${CID}`).get()).get('state')).toBe('closed');

  // ── follow-up tickets: the low rating + opinion and the phone answer rated 1; not the satisfied one
  const tickets = await db.collection('tickets').where('channel', '==', 'survey').get();
  expect(tickets.docs.map((d) => d.id).sort()).toEqual([`survey-${CID}-${first}`, `survey-${CID}-${phoneClient}`].sort());
  const followUp = tickets.docs.find((d) => d.id === `survey-${CID}-${first}`)!;
  expect(followUp.get('kind')).toBe('suggestion');
  expect(followUp.get('description')).toContain('高端烟经常缺货');
  expect(followUp.get('hasReporter')).toBe(true);
  await fft.wrap(onTicketCreated)({ data: followUp, params: { ticketId: followUp.id }, id: 'e1' } as never);
  expect((await db.doc(`tickets/${followUp.id}`).get()).get('state')).toBe('assigned');

  // ── report: return rate, satisfaction per topic, breakdowns, grouped opinions; XLSX export
  const report = await call<{ answered: number; followUps: number; topics: Array<{ topic: string; score: { n: number } }>; freeText: Array<{ group: string }>; breakdowns: Record<string, unknown[]> }>(
    surveyReport, { campaignId: CID }, authOf('u-leader'));
  expect(report.answered).toBe(3);
  expect(report.followUps).toBe(2);
  expect(report.topics.find((t) => t.topic === 'supply')!.score.n).toBe(3);
  expect(report.freeText.map((g) => g.group)).toEqual(['supply']);
  expect(Object.keys(report.breakdowns).sort()).toEqual(['branchId', 'format', 'tier', 'zone']);
  const xlsx = await call<{ base64: string }>(surveyExportReport, { campaignId: CID }, authOf('u-quality-1'));
  expect(Buffer.from(xlsx.base64, 'base64').subarray(0, 2).toString()).toBe('PK');

  // answers: names for quality and leadership only (complainant rule)
  const forLeader = await call<Array<{ clientName: string | null; status: string }>>(surveyListResponses, { campaignId: CID, status: 'submitted' }, authOf('u-leader'));
  const forIntake = await call<Array<{ clientName: string | null }>>(surveyListResponses, { campaignId: CID, status: 'submitted' }, authOf('u-intake'));
  expect(forLeader).toHaveLength(3);
  expect(forLeader.every((r) => r.clientName)).toBe(true);
  expect(forIntake.every((r) => r.clientName === null)).toBe(true);
});

test('a campaign is set up only by quality, the customer-service centre or leadership', async () => {
  const input = {
    title: { 'zh-CN': '专项调查', en: 'Special survey' }, questionnaireId: 'default-tobacco', rule: { kind: 'all' },
    opensAt: '2026-07-01T00:30:00Z', deadline: '2026-07-10T09:30:00Z',
  };
  const denied = await rejection(call(surveyCreateCampaign, input, authOf('u-engineer')));
  expect([denied.code, denied.details.reason]).toEqual(['permission-denied', 'survey.run_who']);
  const extra = await rejection(call(surveyCreateCampaign, { ...input, bogus: 1 }, authOf('u-quality-1')));
  expect(extra.code).toBe('invalid-argument');
  const { campaignId, seed } = await call<{ campaignId: string; seed: number }>(surveyCreateCampaign, input, authOf('u-quality-1'));
  expect((await db.doc(`surveyCampaigns/${campaignId}`).get()).get('seed')).toBe(seed);
});

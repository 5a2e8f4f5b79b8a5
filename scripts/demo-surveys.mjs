// Demo data of the survey area, for `npm start`: the default questionnaire, a campaign opened
// for the demo clients with links sent, three answers (one with an opinion and a low rating, so
// a follow-up callback ticket is filed through createTicket and routed by the bridge's trigger),
// and one personal link left unanswered for the start output.
//
// Uses the compiled store functions (functions/lib) on the seed's Firestore. Idempotent: a
// `_dev/demoSurveys` document records the demo campaign and its open link; delete it (and the
// campaign) to create another.
import { createRequire } from 'node:module';

const require = createRequire(new URL('../functions/package.json', import.meta.url));
const lib = (p) => require(`./lib/${p}`);

const CAMPAIGN = 'demo-satisfaction';

/**
 * @param {{ db: import('firebase-admin/firestore').Firestore, log: { info: Function, warn: Function } }} o
 * @returns {Promise<{ campaignId: string, token: string | null, answered: number, followUps: number }>}
 */
export async function seedSurveys({ db, log }) {
  const marker = db.collection('_dev').doc('demoSurveys');
  const done = await marker.get();
  if (done.exists) return done.data();

  const { ensureDefaultQuestionnaire } = lib('store/surveys/questionnaires.js');
  const { createCampaign, openCampaign, loadCampaign } = lib('store/surveys/campaigns.js');
  const { dispatchCampaign } = lib('store/surveys/distribution.js');
  const { loadSurveyConfig } = lib('store/surveys/config.js');
  const { submitByToken } = lib('store/surveys/responses.js');
  const { openFollowUps } = lib('store/surveys/follow-ups.js');
  const { loadCalendar } = lib('store/config.js');
  const { CreateCampaignInput } = lib('domain/surveys/api.js');
  const { campaignDeadline } = lib('domain/surveys/campaign.js');

  // The demo clients agreed to be contacted (the archive records consent as `consentToContact`).
  const clients = await db.collection('clients').get();
  await Promise.all(clients.docs.filter((d) => d.get('contactPhone')).map((d) => d.ref.set({ consentToContact: true }, { merge: true })));

  const now = new Date();
  await ensureDefaultQuestionnaire(db, 'tobacco', now);
  const calendar = await loadCalendar(db);
  await createCampaign(db, 'system', CreateCampaignInput.parse({
    campaignId: CAMPAIGN, title: { 'zh-CN': '演示：下半年客户满意度调查', en: 'Demo: second-half satisfaction survey' },
    questionnaireId: 'default-tobacco', rule: { kind: 'stratified', share: 0.5 }, opensAt: now.toISOString(),
    deadline: campaignDeadline(calendar, now, 15).toISOString(), seed: 2026,
  }), now);
  await openCampaign(db, CAMPAIGN, now);
  // The schedule sends only in working time; the demo sends at once so there are links to show.
  const campaign = { id: CAMPAIGN, ...(await loadCampaign(db, CAMPAIGN)) };
  await dispatchCampaign(db, campaign, await loadSurveyConfig(db), now);
  const sent = (await db.collection('messages').get()).docs.filter((d) => d.id.startsWith(`svy_${CAMPAIGN}_`));
  const tokens = sent.map((d) => /#\/s\/([A-Za-z0-9_-]{22})/.exec(d.get('body'))?.[1]).filter(Boolean);
  const base = { supply_sufficiency: 4, price_stability: 4, service_manager: 5, service_delivery: 4, needs_priority: 'service', overall: 4 };
  const answers = [
    { ...base, overall: 5 },
    { ...base, supply_sufficiency: 2, needs_priority: 'supply', opinion: '高端烟经常断货，希望增加货源' },
    { ...base, price_stability: 3, opinion: '客户经理服务很好，送货准时' },
  ];
  let answered = 0;
  for (const [i, a] of answers.entries()) {
    if (!tokens[i]) break;
    await submitByToken(db, tokens[i], a, now);
    answered++;
  }
  const followUps = await openFollowUps(db, CAMPAIGN, now);
  const result = { campaignId: CAMPAIGN, token: tokens[answers.length] ?? null, answered, followUps };
  await marker.set(result);
  log.info(`survey demo: campaign ${CAMPAIGN} opened for ${campaign.sampleSize} clients, ${answered} answers, ${followUps} follow-up tickets`);
  return result;
}

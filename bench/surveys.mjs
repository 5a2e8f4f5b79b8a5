/**
 * Benchmarks of the survey area:
 * - sampling.survey100kMs: a stratified 5 % sample of 100 000 clients over 56 strata
 *   (7 formats × 4 zones × 2 market types), median of 7 draws after a warm-up (goal < 500 ms);
 *   sampling.survey100kComplainersMs the same population by the property rule (50 %, 20 % focus).
 * - survey.answerWrites: Firestore writes per answer submitted through a personal link,
 *   counted in the emulator's gRPC service as bench/lifecycle.mjs does (floor: 2 — the
 *   client's response and the campaign's counter document); survey.answerReads likewise.
 * - survey.reportReads: reads to build the report of a campaign with 5 000 answers (10 % with
 *   free text): the report reads the counter document and the answers with text, not every answer.
 * Build first: npx tsc -p functions/tsconfig.build.json
 */
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import { freePort, instrumentGrpc, collectionOf } from './lifecycle.mjs';

const require = createRequire(new URL('../functions/package.json', import.meta.url));
const lib = (p) => require(`./lib/${p}`);

const FORMATS = ['grocery', 'convenience', 'supermarket', 'mall', 'tobacco_liquor', 'entertainment', 'other'];
const ZONES = ['city_a', 'city_b', 'township', 'rural'];

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function samplingFigures() {
  const { drawSample } = lib('domain/surveys/sampling.js');
  let x = 12345;
  const rnd = () => ((x = (x * 1103515245 + 12345) >>> 0) / 2 ** 32);
  const clients = Array.from({ length: 100_000 }, (_, i) => ({
    id: `c${String(i).padStart(6, '0')}`,
    strata: { format: FORMATS[Math.floor(rnd() * 7)], zone: ZONES[Math.floor(rnd() * 4)], marketType: rnd() < 0.6 ? 'C' : 'X', tier: 'B', branchId: 'b' },
    complaints: Math.floor(rnd() * rnd() * 6),
    reachable: rnd() < 0.8,
  }));
  const time = (rule) => {
    drawSample(clients, rule, 1);
    const ms = [];
    for (let i = 0; i < 7; i++) {
      const t0 = performance.now();
      const s = drawSample(clients, rule, i + 2);
      ms.push(performance.now() - t0);
      if (s.clientIds.length < s.target) throw new Error('sample below target');
    }
    return Math.round(median(ms) * 10) / 10;
  };
  return [
    { name: 'sampling.survey100kMs', value: time({ kind: 'stratified' }), unit: 'ms' },
    { name: 'sampling.survey100kComplainersMs', value: time({ kind: 'complainers' }), unit: 'ms' },
  ];
}

async function seedOrg(db, n) {
  const batch = db.batch();
  batch.set(db.doc('branches/br-city'), { name: '城市公司', level: 'city', parentId: null });
  batch.set(db.doc('departments/dept-cs'), { name: '客户服务中心', kind: 'customer_service', branchId: 'br-city', headUid: null });
  batch.set(db.doc('departments/dept-business'), { name: '顾问经营部', kind: 'business', branchId: 'br-city', headUid: null });
  await batch.commit();
  for (let i = 0; i < n; i += 400) {
    const b = db.batch();
    for (let j = i; j < Math.min(n, i + 400); j++) {
      b.set(db.doc(`clients/k${String(j).padStart(5, '0')}`), {
        name: `客户${j}`, code: `K${j}`, branchId: 'br-city', tier: ['A', 'B', 'C'][j % 3], marketType: j % 2 ? 'C' : 'X',
        format: FORMATS[j % 7], scale: 2, zone: ZONES[j % 4], address: '', contactName: '', contactPhone: `1390${String(j).padStart(7, '0')}`,
        accountManagerUid: null, consentToContact: true,
      });
    }
    await b.commit();
  }
}

async function emulatorFigures() {
  const counts = { enabled: false, reads: 0, byCollection: {} };
  instrumentGrpc(counts);
  const { FirestoreServer } = require('@firestore-emulator/server');
  const server = new FirestoreServer();
  const port = await freePort();
  await server.start(port);
  process.env.FIRESTORE_EMULATOR_HOST = `127.0.0.1:${port}`;
  const { initializeApp, deleteApp } = require('firebase-admin/app');
  const { getFirestore } = require('firebase-admin/firestore');
  const app = initializeApp({ projectId: 'demo-bench-surveys' }, 'bench-surveys');
  const db = getFirestore(app);
  const { ensureDefaultQuestionnaire } = lib('store/surveys/questionnaires.js');
  const { createCampaign, openCampaign, toIncrements } = lib('store/surveys/campaigns.js');
  const { dispatchDue } = lib('store/surveys/distribution.js');
  const { submitByToken } = lib('store/surveys/responses.js');
  const { buildAndStoreReport } = lib('store/surveys/report.js');
  const { answerIncrements, applyIncrements } = lib('domain/surveys/stats.js');
  const { defaultQuestionnaire } = lib('domain/surveys/defaults.js');
  const { CreateCampaignInput } = lib('domain/surveys/api.js');
  const reset = () => Object.assign(counts, { reads: 0, byCollection: {} });
  const writes = () => Object.values(counts.byCollection).reduce((a, b) => a + b, 0);
  try {
    const N = 5000;
    await seedOrg(db, N);
    const now = new Date('2026-06-01T01:00:00Z'); // Monday 09:00 in Shanghai: working time
    await ensureDefaultQuestionnaire(db, 'tobacco', now);
    const input = (id, rule) => CreateCampaignInput.parse({
      campaignId: id, title: { 'zh-CN': '基准', en: 'Bench' }, questionnaireId: 'default-tobacco', rule,
      opensAt: now.toISOString(), deadline: '2026-06-19T09:30:00Z', seed: 7,
    });

    // Writes per answer: a small stratified campaign, links sent, 20 answers through their tokens.
    await createCampaign(db, 'bench', input('small', { kind: 'stratified', share: 0.01 }), now);
    await openCampaign(db, 'small', now);
    await dispatchDue(db, now);
    const msgs = (await db.collection('messages').get()).docs.slice(0, 20);
    const answers = { supply_sufficiency: 4, price_stability: 3, service_manager: 5, service_delivery: 4, needs_priority: 'service', overall: 4 };
    reset();
    counts.enabled = true;
    for (const m of msgs) await submitByToken(db, /#\/s\/([A-Za-z0-9_-]{22})/.exec(m.get('body'))[1], answers, now);
    counts.enabled = false;
    const perAnswerWrites = writes() / msgs.length;
    const perAnswerReads = counts.reads / msgs.length;

    // Report reads: all 5 000 clients answered (10 % with an opinion), written directly with their counters.
    await createCampaign(db, 'big', input('big', { kind: 'all' }), now);
    await openCampaign(db, 'big', now);
    const version = defaultQuestionnaire('tobacco');
    const responses = await db.collection('surveyCampaigns/big/responses').get();
    const stats = {};
    for (let i = 0; i < responses.docs.length; i += 400) {
      const b = db.batch();
      for (const d of responses.docs.slice(i, i + 400)) {
        const k = Number(d.id.slice(1));
        const a = { ...answers, overall: 1 + (k % 5), ...(k % 10 === 0 ? { opinion: k % 20 ? '希望增加货源' : '送货准时' } : {}) };
        applyIncrements(stats, answerIncrements(version, a, d.data()));
        b.update(d.ref, { status: 'submitted', answers: a, submittedAt: now, mode: 'link', hasText: k % 10 === 0, needsFollowUp: k % 10 === 0 || a.overall <= 2 });
      }
      await b.commit();
    }
    await db.doc('surveyCampaigns/big/stats/live').set(toIncrements(stats));
    await db.doc('surveyCampaigns/big').update({ state: 'closed' });
    reset();
    counts.enabled = true;
    const t0 = performance.now();
    const report = await buildAndStoreReport(db, 'big', new Date('2026-06-20T01:00:00Z'));
    const reportMs = Math.round(performance.now() - t0);
    counts.enabled = false;
    if (report.answered !== N) throw new Error(`report counted ${report.answered} answers, expected ${N}`);
    return [
      { name: 'survey.answerWrites', value: perAnswerWrites, unit: 'docs' },
      { name: 'survey.answerWritesFloor', value: 2, unit: 'docs' },
      { name: 'survey.answerReads', value: perAnswerReads, unit: 'docs' },
      { name: 'survey.reportAnswers', value: report.answered, unit: 'count' },
      { name: 'survey.reportReads', value: counts.reads, unit: 'docs' },
      { name: 'survey.reportMs', value: reportMs, unit: 'ms' },
    ];
  } finally {
    await deleteApp(app);
    server.stop();
  }
}

export async function run() {
  return [...samplingFigures(), ...(await emulatorFigures())];
}

void collectionOf; // counted per collection by instrumentGrpc

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const f of await run()) console.log(`${f.name}: ${f.value} ${f.unit}`);
  process.exit(0);
}

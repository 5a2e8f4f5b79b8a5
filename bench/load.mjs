/**
 * Load: a Monday-morning burst through the real HTTP callable path of the local stack.
 *
 * Starts the local stack on its own ports (seeded demo organisation), signs staff in through the
 * Auth emulator, files LOAD_INTAKES tickets (default 1 000) with LOAD_CONCURRENCY (default 50)
 * requests in flight, waits until the routing trigger has run for all of them, then drives
 * LOAD_LIFECYCLES (default 200) complaints through the whole lifecycle concurrently. Then it
 * checks, reading Firestore directly:
 *   - lost: an accepted createTicket whose ticket, `received`/`assigned` events or owner
 *     notification is missing (must be 0);
 *   - duplicated: ticket numbers used twice, or a ticket with more than one `assigned` event
 *     (must be 0);
 *   - unrouted: tickets still `received` after the wait (must be 0).
 * Reports p50/p95/p99 latency per callable and throughput. Stops the stack; nothing is left.
 *
 *   node bench/load.mjs            (npm run bench:load builds first)
 */
import { initializeApp, deleteApp } from 'firebase-admin/app';
import { getFirestore } from 'firebase-admin/firestore';
import { startStack } from '../scripts/stack.mjs';
import { signIn, callFunction } from '../scripts/seed.mjs';
import { emailOf } from '../scripts/demo-data.mjs';

const INTAKES = Number(process.env.LOAD_INTAKES ?? 1000);
const LIFECYCLES = Math.min(INTAKES, Number(process.env.LOAD_LIFECYCLES ?? 200));
const CONCURRENCY = Number(process.env.LOAD_CONCURRENCY ?? 50);
const PORT_BASE = Number(process.env.LOAD_PORT_BASE ?? 18_200);
const ROUTING_WAIT_MS = Number(process.env.LOAD_ROUTING_WAIT_MS ?? 300_000);

/** Runs `task(i)` for i in [0, n) with at most `limit` in flight; returns the settled results. */
async function pool(n, limit, task) {
  const results = new Array(n);
  let next = 0;
  const worker = async () => {
    while (next < n) {
      const i = next++;
      try { results[i] = { ok: true, value: await task(i) }; } catch (error) { results[i] = { ok: false, error }; }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, n) }, worker));
  return results;
}

function percentile(sorted, p) {
  if (sorted.length === 0) return null;
  const i = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return Math.round(sorted[Math.max(0, i)]);
}

/** Latency per callable, successful calls only (refusals the driver expects are counted apart). */
class Latencies {
  constructor() { this.byName = new Map(); this.refused = new Map(); }
  add(name, ms) { (this.byName.get(name) ?? this.byName.set(name, []).get(name)).push(ms); }
  refuse(name) { this.refused.set(name, (this.refused.get(name) ?? 0) + 1); }
  figures(prefix) {
    const out = [];
    for (const [name, values] of [...this.byName].sort()) {
      const s = [...values].sort((a, b) => a - b);
      out.push(
        { name: `${prefix}.${name}.calls`, value: s.length, unit: 'count' },
        { name: `${prefix}.${name}.p50Ms`, value: percentile(s, 50), unit: 'ms' },
        { name: `${prefix}.${name}.p95Ms`, value: percentile(s, 95), unit: 'ms' },
        { name: `${prefix}.${name}.p99Ms`, value: percentile(s, 99), unit: 'ms' },
      );
    }
    return out;
  }
}

/**
 * Who takes each step of a complaint, tried in order: the first whose attempt the server accepts
 * wins (the lifecycle decides who may act; the driver only knows plausible people).
 */
const PLAN = {
  assigned: [['quality.liu', 'accept', {}]],
  in_progress: [
    ['quality.head', 'resolve', { cause: '门店未按期检查临期商品', measures: '下架临期商品，退款致歉' }],
    ['leader', 'resolve', { cause: '门店未按期检查临期商品', measures: '下架临期商品，退款致歉' }],
  ],
  resolved: [
    ['quality.liu', 'request_callback', {}],
    ['quality.head', 'sign_off', {}],
  ],
  callback: [['intake', 'callback', { outcome: 'reached', satisfied: true, score: 5, awareOfChannel: true, comments: '满意' }]],
  verification: [['quality.zhao', 'verify', { evidence: '现场查看：已下架，巡检记录齐全' }]],
};

export async function run() {
  const t0 = Date.now();
  const stack = await startStack({ seed: true, quiet: true, portBase: PORT_BASE, projectId: 'demo-huixiang-load' });
  const app = initializeApp({ projectId: stack.projectId }, `load-${Date.now()}`);
  process.env.FIRESTORE_EMULATOR_HOST = stack.firestoreHost;
  const db = getFirestore(app);
  const lat = new Latencies();
  const target = { functionsUrl: stack.functionsUrl, projectId: stack.projectId };
  const tokens = {};
  const call = async (login, name, data) => {
    const started = performance.now();
    const result = await callFunction(target, name, data, tokens[login]);
    lat.add(name, performance.now() - started);
    return result;
  };
  // A client whose request timed out sends it again with the same requestId, as the web does;
  // the server files one ticket per requestId, so a retry can neither lose nor duplicate one.
  const callWithRetry = async (login, name, data, tries = 3) => {
    for (let attempt = 1; ; attempt++) {
      try {
        return await call(login, name, data);
      } catch (e) {
        const transient = /aborted|timeout|ECONNRESET|UNAVAILABLE|503/i.test(String(e?.message ?? e));
        if (!transient || attempt >= tries) throw e;
        retries++;
      }
    }
  };
  let retries = 0;
  // The Functions emulator runs one request per worker process and starts a worker per
  // concurrent request (production instances take up to 80 at once): start CONCURRENCY workers
  // of each measured callable first with refused calls (invalid-argument writes nothing), so
  // the figures measure the code, not the emulator spawning Node processes.
  const warmUp = async (login, name) => {
    await pool(CONCURRENCY, CONCURRENCY, () => callFunction(target, name, { warmUp: true }, tokens[login]).catch(() => null));
  };
  try {
    const authHost = stack.authUrl.replace('http://', '');
    for (const login of ['intake', 'quality.liu', 'quality.zhao', 'quality.head', 'leader']) {
      tokens[login] = await signIn(authHost, emailOf(login));
    }
    const clients = (await db.collection('clients').get()).docs.map((d) => d.id);
    if (clients.length === 0) throw new Error('the seed wrote no clients');

    const warmStart = Date.now();
    await warmUp('intake', 'createTicket');
    await warmUp('quality.liu', 'transitionTicket');
    const warmUpMs = Date.now() - warmStart;

    // 1. The burst: INTAKES complaints, CONCURRENCY in flight.
    const burstStart = performance.now();
    const filed = await pool(INTAKES, CONCURRENCY, (i) => callWithRetry('intake', 'createTicket', {
      clientId: clients[i % clients.length], kind: 'complaint', subject: 'goods_expired', channel: 'hotline',
      title: `负载测试投诉 #${i + 1}`, description: '周一早高峰批量来电（负载测试）',
      ...(process.env.LOAD_NO_REQUEST_ID ? {} : { requestId: `load-${i}` }),
    }, process.env.LOAD_NO_REQUEST_ID ? 1 : 3));
    const burstMs = performance.now() - burstStart;
    const accepted = filed.filter((r) => r.ok).map((r) => r.value.ticketId);
    const failedIntakes = filed.filter((r) => !r.ok).map((r) => String(r.error?.message ?? r.error));

    // 2. Wait for routing (the bridge delivers onTicketCreated).
    const waitStart = Date.now();
    let unrouted = accepted.length;
    while (Date.now() - waitStart < ROUTING_WAIT_MS) {
      unrouted = (await db.collection('tickets').where('state', '==', 'received').count().get()).data().count;
      if (unrouted === 0) break;
      await new Promise((r) => setTimeout(r, 1000));
    }
    const routingMs = Date.now() - waitStart;

    // 3. LIFECYCLES complaints through every step, concurrently.
    const lifeStart = performance.now();
    const lifecycleIds = accepted.slice(0, LIFECYCLES);
    const lives = await pool(lifecycleIds.length, CONCURRENCY, async (i) => {
      const ticketId = lifecycleIds[i];
      let state = 'assigned';
      let seq;
      for (let step = 0; step < 10 && state !== 'closed'; step++) {
        const candidates = PLAN[state];
        if (!candidates) throw new Error(`${ticketId}: no plan for state ${state}`);
        let moved = false;
        const reasons = [];
        for (const [login, action, fields] of candidates) {
          try {
            const r = await call(login, 'transitionTicket', { ticketId, action, expectedState: state, ...(seq ? { expectedSeq: seq } : {}), ...fields });
            state = r.state; seq = r.seq; moved = true;
            break;
          } catch (e) {
            lat.refuse(`transitionTicket.${action}`);
            reasons.push(`${login}/${action}: ${e.message}`);
          }
        }
        if (!moved) throw new Error(`${ticketId} stuck in ${state}: ${reasons.join(' | ')}`);
      }
      if (state !== 'closed') throw new Error(`${ticketId} ended in ${state}`);
      return ticketId;
    });
    const lifeMs = performance.now() - lifeStart;
    const closed = lives.filter((r) => r.ok).length;
    const lifeFailures = lives.filter((r) => !r.ok).map((r) => String(r.error?.message ?? r.error));

    // 4. Nothing lost, nothing twice.
    let lost = 0;
    let duplicated = 0;
    let doubleAssigned = 0;
    const numbers = new Map();
    let duplicateNumbers = 0;
    for (let i = 0; i < accepted.length; i += 100) {
      const ids = accepted.slice(i, i + 100);
      const snaps = await db.getAll(...ids.map((id) => db.doc(`tickets/${id}`)));
      await Promise.all(snaps.map(async (snap) => {
        if (!snap.exists) { lost++; return; }
        const n = snap.get('number');
        numbers.set(n, (numbers.get(n) ?? 0) + 1);
        const events = (await snap.ref.collection('events').get()).docs.map((d) => d.get('type'));
        if (!events.includes('received') || !events.includes('assigned')) lost++;
        if (events.filter((t) => t === 'assigned').length > 1) { duplicated++; doubleAssigned++; }
        const notified = await db.collection('notifications').where('ticketId', '==', snap.id).limit(1).get();
        if (notified.empty) lost++;
      }));
    }
    for (const count of numbers.values()) if (count > 1) { duplicated += count - 1; duplicateNumbers += count - 1; }

    const transitions = [...lat.byName].filter(([n]) => n === 'transitionTicket').flatMap(([, v]) => v).sort((a, b) => a - b);
    const create = [...(lat.byName.get('createTicket') ?? [])].sort((a, b) => a - b);
    if (failedIntakes.length) console.warn(`[load] ${failedIntakes.length} intakes refused, e.g. ${failedIntakes[0]}`);
    if (lifeFailures.length) console.warn(`[load] ${lifeFailures.length} lifecycles failed, e.g. ${lifeFailures[0]}`);
    return [
      { name: 'load.intakes', value: INTAKES, unit: 'count' },
      { name: 'load.accepted', value: accepted.length, unit: 'count', goal: `= ${INTAKES}` },
      { name: 'load.lost', value: lost, unit: 'count', goal: '= 0', correctness: true },
      { name: 'load.duplicated', value: duplicated, unit: 'count', goal: '= 0', correctness: true },
      { name: 'load.duplicatedNumbers', value: duplicateNumbers, unit: 'count', goal: '= 0' },
      { name: 'load.doubleAssigned', value: doubleAssigned, unit: 'count', goal: '= 0' },
      { name: 'load.unrouted', value: unrouted, unit: 'count', goal: '= 0', correctness: true },
      { name: 'load.lifecycles', value: lifecycleIds.length, unit: 'count' },
      { name: 'load.lifecyclesClosed', value: closed, unit: 'count', goal: `= ${lifecycleIds.length}`, correctness: true },
      { name: 'load.createTicket.p50Ms', value: percentile(create, 50), unit: 'ms' },
      { name: 'load.createTicket.p95Ms', value: percentile(create, 95), unit: 'ms' },
      { name: 'load.createTicket.p99Ms', value: percentile(create, 99), unit: 'ms' },
      { name: 'load.transition.p50Ms', value: percentile(transitions, 50), unit: 'ms' },
      { name: 'load.transition.p95Ms', value: percentile(transitions, 95), unit: 'ms' },
      { name: 'load.transition.p99Ms', value: percentile(transitions, 99), unit: 'ms' },
      { name: 'load.throughputPerSec', value: Math.round((accepted.length / (burstMs / 1000)) * 10) / 10, unit: 'intakes/s' },
      { name: 'load.lifecycleTransitionsPerSec', value: Math.round((transitions.length / (lifeMs / 1000)) * 10) / 10, unit: 'transitions/s' },
      { name: 'load.routingDrainMs', value: routingMs, unit: 'ms' },
      { name: 'load.refusedAttempts', value: [...lat.refused.values()].reduce((a, b) => a + b, 0), unit: 'count' },
      { name: 'load.intakeRetries', value: retries, unit: 'count' },
      { name: 'load.warmUpMs', value: warmUpMs, unit: 'ms' },
      { name: 'load.wallMs', value: Date.now() - t0, unit: 'ms' },
    ];
  } finally {
    await deleteApp(app).catch(() => {});
    await stack.stop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  let bad = 0;
  for (const f of await run()) {
    console.log(`${f.name}: ${f.value} ${f.unit}${f.goal ? `  (goal ${f.goal})` : ''}`);
    if (f.correctness && f.goal === '= 0' && f.value !== 0) bad++;
  }
  process.exit(bad ? 1 : 0);
}

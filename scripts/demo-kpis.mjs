// Demo KPIs for the local stack: six past months of figures — each built, approved (frozen)
// and published like the real monthly run — and this month live. Called by one line from
// scripts/seed.mjs after the reference data.
//
// The past months' aggregates are made by running the domain's delta function over synthetic
// lifecycles (functions/lib/domain/kpis/delta.js), as the engine would have; this month gets a
// few visits and survey answers through recordKpiFact, and its tickets are the demo tickets the
// seed then files through the real callables (their transitions update the aggregates).
//
// Idempotent: a `_dev/demoKpis` marker records that it ran; buildMonth/approve are idempotent anyway.
import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';

const require = createRequire(new URL('../functions/package.json', import.meta.url));
const LIB = new URL('../functions/lib/', import.meta.url);

const DEPTS = [
  ['br-city', 'dept-quality', 28], ['br-city', 'dept-business', 16], ['br-city', 'dept-engineering', 22],
  ['br-city', 'dept-cs', 8], ['br-county', 'dept-county-onsite', 10],
];
const KINDS = ['complaint', 'complaint', 'repair', 'inquiry', 'suggestion'];
const SUBJECTS = ['goods_expired', 'service_attitude', 'goods_price', 'service_missing', 'safety_environment'];
const CHANNELS = ['hotline', 'hotline', 'web', 'walk_in', 'onsite', 'email'];

/** A small deterministic generator (the demo must look the same every time). */
function rng(seed) {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

/** @param {import('firebase-admin/firestore').Firestore} db */
export async function seedKpiDemo(db, { log = console, now = new Date() } = {}) {
  if (!existsSync(new URL('index.js', LIB))) {
    log.warn?.('functions/lib missing: no demo KPIs (build functions first)');
    return { months: 0 };
  }
  const marker = db.collection('_dev').doc('demoKpis');
  if ((await marker.get()).exists) {
    log.info?.('demo KPIs already seeded (_dev/demoKpis); skipping');
    return { months: 0 };
  }
  const lib = (p) => require(new URL(p, LIB).pathname);
  const { kpiDeltaOf, aggregateId, addCounters } = lib('domain/kpis/delta.js');
  const { monthOf, addMonths, monthStart } = lib('domain/kpis/month.js');
  const { applyKpiDelta, recordKpiFact } = lib('store/kpis/aggregates.js');
  const { buildMonth, approveSnapshot } = lib('store/kpis/monthly.js');

  const current = monthOf(now);
  const random = rng(20261123);
  const past = Array.from({ length: 6 }, (_, i) => addMonths(current, i - 6)); // oldest first
  const leader = { uid: 'u-leader', role: 'leadership', deptId: 'dept-leadership', deptKind: 'leadership', branchId: 'br-city', displayName: '黄志明', locale: 'zh-CN' };

  for (const [m, month] of past.entries()) {
    const sums = new Map();
    const add = (d) => {
      if (!d) return;
      const key = aggregateId(d);
      const cur = sums.get(key) ?? { ...d, inc: {} };
      addCounters(cur.inc, d.inc);
      sums.set(key, cur);
    };
    const start = monthStart(month).getTime() + 9 * 3600_000;
    let confirmedAgainstWu = 0; // last month: two confirmed complaints against 吴昊 → flagged
    for (const [branchId, dept, volume] of DEPTS) {
      const n = Math.round(volume * (0.8 + 0.4 * random()) * (1 + m * 0.02));
      for (let i = 0; i < n; i++) {
        const receivedAt = new Date(start + Math.floor(random() * 26) * 86_400_000 + Math.floor(random() * 8) * 3600_000);
        const kind = KINDS[Math.floor(random() * KINDS.length)];
        const t0 = {
          state: 'received', ownerDeptId: null, kind, subject: kind === 'complaint' ? SUBJECTS[Math.floor(random() * SUBJECTS.length)] : null,
          channel: CHANNELS[Math.floor(random() * CHANNELS.length)], branchId, receivedAt, dueAt: null, escalationLevel: 0, reopenCount: 0,
          resolution: null, callbackResult: null, verification: null,
        };
        const routed = { ...t0, state: 'assigned', ownerDeptId: dept, dueAt: new Date(receivedAt.getTime() + 24 * 3600_000) };
        add(kpiDeltaOf(t0, routed, { type: 'assigned', at: receivedAt }));
        const h = (x) => new Date(receivedAt.getTime() + x * 3600_000);
        const working = { ...routed, state: 'in_progress' };
        const late = random() < 0.06;
        const resolved = { ...working, state: 'resolved', resolution: { submittedBy: dept === 'dept-business' ? 'u-business-1' : null } };
        add(kpiDeltaOf(working, resolved, { type: 'resolved', at: h(late ? 30 : 4) }));
        if (random() < 0.03) continue; // not called back (yet)
        const cb = { ...resolved, state: 'callback' };
        const result = { satisfied: random() < 0.9, score: 3 + Math.floor(random() * 3), awareOfChannel: random() < 0.88, at: h(6) };
        const after = { ...cb, state: kind === 'complaint' ? 'verification' : 'closed', callbackResult: result };
        add(kpiDeltaOf(cb, after, { type: result.satisfied ? 'callback_satisfied' : 'reopened', at: h(6) }));
        if (kind === 'complaint' && result.satisfied) {
          const flag = dept === 'dept-business' && m === past.length - 1 && confirmedAgainstWu < 2;
          if (flag) confirmedAgainstWu++;
          const responsibleUid = flag ? 'u-business-1' : null;
          add(kpiDeltaOf(after, { ...after, state: 'closed', verification: { responsibleUid } }, { type: 'verified', at: h(8) }));
        }
      }
    }
    const batch = db.batch();
    for (const d of sums.values()) applyKpiDelta(batch, db, d);
    for (const [branchId, dept] of DEPTS) {
      for (let v = 0; v < 6; v++) {
        recordKpiFact(batch, db, { kind: 'visit', at: new Date(start + v * 4 * 86_400_000), branchId, deptId: dept, planned: true, done: random() < 0.92 });
        recordKpiFact(batch, db, { kind: 'survey_answer', at: new Date(start + v * 4 * 86_400_000), branchId, deptId: dept, satisfied: random() < 0.88, supplySatisfied: random() < 0.83 });
      }
    }
    await batch.commit();
    // The monthly run, as on the 1st of the next month; everything approved by the 3rd.
    const firstOfNext = monthStart(addMonths(month, 1));
    const built = await buildMonth(db, month, new Date(firstOfNext.getTime() + 3600_000), { silent: true }); // no inbox flood in the demo
    for (const id of [...built.created, ...built.existing]) {
      try {
        await approveSnapshot(db, leader, id, m === past.length - 1 && id.includes('dept-business') ? '吴昊本月两起有责投诉，已约谈并扣除当月津贴。' : undefined,
          new Date(firstOfNext.getTime() + 2 * 86_400_000), { silent: true });
      } catch (e) {
        if (!/already approved/.test(e.message)) throw e;
      }
    }
  }
  // This month so far: a few visits and answers (the demo tickets come next, through the callables).
  const batch = db.batch();
  for (const [branchId, dept] of DEPTS) {
    recordKpiFact(batch, db, { kind: 'visit', at: now, branchId, deptId: dept, planned: true, done: true });
    recordKpiFact(batch, db, { kind: 'survey_answer', at: now, branchId, deptId: dept, satisfied: true, supplySatisfied: random() < 0.8 });
  }
  batch.set(marker, { seededAt: now, months: past });
  await batch.commit();
  log.info?.(`demo KPIs: ${past.length} published months (${past[0]} … ${past[past.length - 1]}), ${current} live`);
  return { months: past.length };
}

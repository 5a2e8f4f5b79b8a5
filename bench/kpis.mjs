/**
 * Benchmark: what KPIs cost in Firestore reads and writes, counted in the npm gRPC Firestore
 * emulator's service (as bench/lifecycle.mjs counts: every document named in BatchGetDocuments,
 * every document a query returns, at least 1 per query; every Write of every Commit).
 *
 * - rollup.reads10k / rollup.reads100k: reads of one month's figures for a branch (what the
 *   dashboard and the monthly build read) with 10 000 and 100 000 tickets in the month. The
 *   aggregates are seeded by running the domain's delta function over synthetic lifecycles
 *   (received → routed → resolved → called back → closed), summed in memory, then written —
 *   not by 100k real transitions. rollup.readsRatio100kVs10k: target ≤ 1.1.
 * - rollup.extraWritesPerTransition: the most aggregate writes any one state change of a full
 *   complaint lifecycle added (engine + routing, real transactions); target ≤ 1.
 * - dashboard.reads: one branch's dashboard — this month live + 12-month trend.
 *
 * Build first: npx tsc -p functions/tsconfig.build.json
 */
import { createRequire } from 'node:module';
import net from 'node:net';

const require = createRequire(new URL('../functions/package.json', import.meta.url));

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

function collectionOf(name) {
  const parts = name.split('/documents/')[1].split('/');
  return parts.filter((_, i) => i % 2 === 0).join('/');
}

/** Counts reads and writes in the emulator's gRPC handlers (see bench/lifecycle.mjs). */
function instrumentGrpc(counts) {
  const grpc = createRequire(require.resolve('@firestore-emulator/server'))('@grpc/grpc-js');
  const addService = grpc.Server.prototype.addService;
  grpc.Server.prototype.addService = function (definition, impl) {
    const wrapped = Object.create(impl);
    const on = (method, fn) => {
      const original = impl[method].bind(impl);
      wrapped[method] = (call, callback) => fn(call, callback, original);
    };
    on('BatchGetDocuments', (call, cb, original) => {
      if (counts.enabled) counts.reads += call.request.documents.length;
      return original(call, cb);
    });
    on('RunQuery', (call, cb, original) => {
      if (counts.enabled) {
        let docs = 0;
        const write = call.write.bind(call);
        call.write = (res) => {
          if (res.has_document ?? res.document) docs++;
          return write(res);
        };
        const end = call.end.bind(call);
        call.end = (...a) => {
          counts.reads += Math.max(1, docs);
          return end(...a);
        };
      }
      return original(call, cb);
    });
    on('RunAggregationQuery', (call, cb, original) => {
      if (counts.enabled) counts.reads += 1;
      return original(call, cb);
    });
    on('Commit', (call, cb, original) => {
      if (counts.enabled) {
        for (const w of call.request.writes) {
          const col = collectionOf(w.has_update ? w.update.name : w.delete);
          counts.byCollection[col] = (counts.byCollection[col] ?? 0) + 1;
        }
      }
      return original(call, cb);
    });
    return addService.call(this, definition, wrapped);
  };
}

const DEPTS = [
  ['dept-quality', '品质管理部', 'quality'], ['dept-business', '顾问经营部', 'business'], ['dept-cs', '客户服务中心', 'customer_service'],
  ['dept-engineering', '工程部', 'engineering'], ['dept-security', '保安部', 'security'], ['dept-finance', '财务部', 'finance'],
  ['dept-leadership', '总经理室', 'leadership'], ['dept-onsite', '现场服务', 'onsite'],
];

async function seedOrg(db) {
  const batch = db.batch();
  batch.set(db.doc('branches/br-city'), { name: '城市公司', level: 'city', parentId: null });
  for (const [id, name, kind] of DEPTS) batch.set(db.doc(`departments/${id}`), { name, kind, branchId: 'br-city', headUid: id === 'dept-quality' ? 'u-quality-head' : null });
  const staff = (displayName, role, deptId) => ({ displayName, email: `${displayName.toLowerCase().replace(/\s+/g, '.')}@example.com`, role, deptId, branchId: 'br-city', locale: 'zh-CN', disabled: false });
  const people = {
    'u-intake': staff('Intake Li', 'intake', 'dept-cs'), 'u-quality-head': staff('Quality Head Wang', 'head', 'dept-quality'),
    'u-quality-1': staff('Quality Zhao', 'quality', 'dept-quality'), 'u-quality-2': staff('Quality Qian', 'quality', 'dept-quality'),
    'u-leader': staff('Leader Zheng', 'leadership', 'dept-leadership'),
  };
  for (const [uid, s] of Object.entries(people)) batch.set(db.doc(`staff/${uid}`), s);
  batch.set(db.doc('clients/c-1'), {
    name: '万家便利店', code: 'CZ1-001', branchId: 'br-city', tier: 'A', marketType: 'C', format: 'convenience', scale: 1,
    zone: 'city_a', address: '人民路 1 号', contactName: '刘老板', contactPhone: '13800000001', accountManagerUid: null,
  });
  await batch.commit();
  const kinds = { 'dept-cs': 'customer_service', 'dept-quality': 'quality', 'dept-leadership': 'leadership' };
  return Object.fromEntries(Object.entries(people).map(([uid, s]) => [uid, { uid, role: s.role, deptId: s.deptId, deptKind: kinds[s.deptId], branchId: 'br-city', displayName: s.displayName, locale: 'zh-CN' }]));
}

/** Aggregates of `n` synthetic lifecycles in `month`, computed with the domain's delta function, written once per document. */
async function seedAggregates(db, lib, month, n) {
  const { kpiDeltaOf, aggregateId, addCounters } = lib('domain/kpis/delta.js');
  const { applyKpiDelta } = lib('store/kpis/aggregates.js');
  const kinds = ['complaint', 'repair', 'inquiry', 'suggestion'];
  const subjects = ['goods_expired', 'service_attitude', 'goods_price', null];
  const channels = ['hotline', 'web', 'walk_in', 'onsite'];
  const start = new Date(`${month}-01T08:00:00+08:00`).getTime();
  const sums = new Map();
  const add = (d) => {
    if (!d) return;
    const key = aggregateId(d);
    const cur = sums.get(key) ?? { ...d, inc: {} };
    addCounters(cur.inc, d.inc);
    sums.set(key, cur);
  };
  for (let i = 0; i < n; i++) {
    const receivedAt = new Date(start + (i % 27) * 86_400_000 + (i % 600) * 60_000);
    const dept = DEPTS[i % DEPTS.length][0];
    const t0 = {
      state: 'received', ownerDeptId: null, kind: kinds[i % 4], subject: subjects[i % 4], channel: channels[i % 4], branchId: 'br-city',
      receivedAt, dueAt: null, escalationLevel: 0, reopenCount: 0, resolution: null, callbackResult: null, verification: null,
    };
    const routed = { ...t0, state: 'assigned', ownerDeptId: dept, dueAt: new Date(receivedAt.getTime() + 86_400_000) };
    add(kpiDeltaOf(t0, routed, { type: 'assigned', at: receivedAt }));
    const at = (h) => new Date(receivedAt.getTime() + h * 3600_000);
    const working = { ...routed, state: 'in_progress' };
    const resolved = { ...working, state: 'resolved', resolution: { submittedBy: `u-${i % 40}` } };
    add(kpiDeltaOf(working, resolved, { type: 'resolved', at: at(i % 10 === 0 ? 30 : 5) }));
    const cb = { ...resolved, state: 'callback' };
    const result = { satisfied: i % 9 !== 0, score: 1 + (i % 5), awareOfChannel: i % 7 !== 0, at: at(8) };
    const verifying = { ...cb, state: 'verification', callbackResult: result };
    add(kpiDeltaOf(cb, verifying, { type: 'callback_satisfied', at: at(8) }));
    const closed = { ...verifying, state: 'closed', verification: { responsibleUid: i % 50 === 0 ? `u-${i % 40}` : null } };
    add(kpiDeltaOf(verifying, closed, { type: 'verified', at: at(9) }));
  }
  const batch = db.batch();
  for (const d of sums.values()) applyKpiDelta(batch, db, d);
  await batch.commit();
  return sums.size;
}

export async function run() {
  const counts = { enabled: false, reads: 0, byCollection: {} };
  instrumentGrpc(counts);
  const { FirestoreServer } = require('@firestore-emulator/server');
  const server = new FirestoreServer();
  const port = await freePort();
  await server.start(port);
  process.env.FIRESTORE_EMULATOR_HOST = `127.0.0.1:${port}`;
  process.env.GCLOUD_PROJECT = 'demo-bench-kpis';
  const { initializeApp, deleteApp } = require('firebase-admin/app');
  const { getFirestore } = require('firebase-admin/firestore');
  const app = initializeApp({ projectId: 'demo-bench-kpis' }, 'bench-kpis');
  const lib = (p) => require(`./lib/${p}`);
  const { readMonth, readTrend } = lib('store/kpis/read.js');

  const measure = async (fn) => {
    counts.reads = 0;
    counts.byCollection = {};
    counts.enabled = true;
    try {
      await fn();
    } finally {
      counts.enabled = false;
    }
    return { reads: counts.reads, writes: { ...counts.byCollection } };
  };

  try {
    const db = getFirestore(app);
    const actors = await seedOrg(db);
    const leader = actors['u-leader'];
    const docs10k = await seedAggregates(db, lib, '2026-01', 10_000);
    const docs100k = await seedAggregates(db, lib, '2026-02', 100_000);
    const r10k = await measure(() => readMonth(db, leader, '2026-01', { branchId: 'br-city' }));
    const r100k = await measure(() => readMonth(db, leader, '2026-02', { branchId: 'br-city' }));
    const dash = await measure(async () => {
      await readMonth(db, leader, '2026-02', { branchId: 'br-city' });
      await readTrend(db, leader, '2026-02', 12, { branchId: 'br-city' });
    });

    // One real complaint lifecycle: aggregate writes per state change.
    const { CreateTicketInput } = lib('domain/api.js');
    const { createTicket } = lib('store/create-ticket.js');
    const { routeNewTicket } = lib('store/route-ticket.js');
    const { transitionTicket } = lib('store/transition.js');
    const when = (s) => new Date(`${s.replace(' ', 'T')}:00+08:00`);
    const input = CreateTicketInput.parse({ clientId: 'c-1', kind: 'complaint', subject: 'goods_expired', channel: 'hotline', title: '买到过期牛奶' });
    const { ticketId } = await createTicket(db, actors['u-intake'], input, when('2025-10-13 09:00'));
    const perChange = [];
    perChange.push((await measure(() => routeNewTicket(db, ticketId, when('2025-10-13 09:00')))).writes.kpiAggregates ?? 0);
    const steps = [
      ['2025-10-13 09:30', 'u-quality-1', 'accept', {}],
      ['2025-10-13 11:00', 'u-quality-head', 'resolve', { cause: '门店未按期检查临期商品', measures: '下架临期商品，退款致歉' }],
      ['2025-10-13 14:00', 'u-quality-1', 'request_callback', {}],
      ['2025-10-13 15:00', 'u-intake', 'callback', { outcome: 'reached', satisfied: true, score: 5, awareOfChannel: true, comments: '满意' }],
      ['2025-10-14 10:00', 'u-quality-2', 'verify', { evidence: '现场查看：已下架，巡检记录齐全' }],
    ];
    for (const [at, uid, action, fields] of steps) {
      const m = await measure(() => transitionTicket(db, { ticketId, action, actor: actors[uid], input: fields, now: when(at) }));
      perChange.push(m.writes.kpiAggregates ?? 0);
    }
    const final = (await db.doc(`tickets/${ticketId}`).get()).get('state');
    if (final !== 'closed') throw new Error(`lifecycle ended in ${final}, expected closed`);

    return [
      { name: 'rollup.reads10k', value: r10k.reads, unit: 'docs' },
      { name: 'rollup.reads100k', value: r100k.reads, unit: 'docs' },
      { name: 'rollup.readsRatio100kVs10k', value: Number((r100k.reads / r10k.reads).toFixed(3)), unit: 'ratio' },
      { name: 'rollup.aggregateDocs10k', value: docs10k, unit: 'docs' },
      { name: 'rollup.aggregateDocs100k', value: docs100k, unit: 'docs' },
      { name: 'rollup.extraWritesPerTransition', value: Math.max(...perChange), unit: 'docs' },
      { name: 'rollup.extraWritesPerLifecycle', value: perChange.reduce((a, b) => a + b, 0), unit: 'docs' },
      { name: 'dashboard.reads', value: dash.reads, unit: 'docs' },
    ];
  } finally {
    await deleteApp(app);
    server.stop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const f of await run()) console.log(`${f.name}: ${f.value} ${f.unit}`);
}

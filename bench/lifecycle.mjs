/**
 * Benchmark: Firestore reads and writes of one full complaint lifecycle
 * (create → route → accept → resolve → request callback → callback satisfied → verify = closed),
 * run through the compiled store functions (functions/lib) against the npm gRPC Firestore
 * emulator started in-process, with the deadline timers' scheduling (a no-op queue) as the
 * deadline trigger would do it on each moved deadline.
 *
 * Counting happens in the emulator's gRPC service, so nothing in the SDK can hide a call:
 * - reads, as Firestore bills them: every document named in BatchGetDocuments (missing ones
 *   too: a get of an absent document is billed), every document a query returns (at least 1
 *   per query), 1 per aggregation query (count/sum over < 1000 index entries);
 * - writes: every Write of every Commit, classified by the collection of its document.
 * `floorWrites` = 2 × state changes (the ticket and its one history event each): the minimum
 * any design with an append-only history needs.
 *
 * Build first: npx tsc -p functions/tsconfig.build.json
 */
import { createRequire } from 'node:module';
import net from 'node:net';

const require = createRequire(new URL('../functions/package.json', import.meta.url));
const NOTIFICATION_COLLECTIONS = new Set(['notifications', 'mail', 'deferredMail', 'messages', 'deferredMessages']);
const TICKET_COLLECTIONS = new Set(['tickets/events', 'tickets']);

export function freePort() {
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

/** `projects/p/databases/d/documents/tickets/abc/events/000001` → `tickets/events`. */
export function collectionOf(name) {
  const parts = name.split('/documents/')[1].split('/');
  return parts.filter((_, i) => i % 2 === 0).join('/');
}

/** Wraps the emulator's gRPC handlers (installed by Server.addService) to count reads and writes. */
export function instrumentGrpc(counts) {
  const emulatorEntry = require.resolve('@firestore-emulator/server');
  const grpc = createRequire(emulatorEntry)('@grpc/grpc-js');
  const addService = grpc.Server.prototype.addService;
  grpc.Server.prototype.addService = function (definition, impl) {
    const wrapped = Object.create(impl);
    const on = (method, fn) => {
      const original = impl[method].bind(impl);
      wrapped[method] = (call, callback) => fn(call, callback, original);
    };
    on('BatchGetDocuments', (call, cb, original) => {
      if (counts.enabled) {
        counts.reads += call.request.documents.length;
        for (const name of call.request.documents) {
          const col = collectionOf(name);
          counts.readsByCollection[col] = (counts.readsByCollection[col] ?? 0) + 1;
        }
      }
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
          const q = call.request.structured_query ?? call.request.structuredQuery;
          const from = q?.from?.[0]?.collection_id ?? q?.from?.[0]?.collectionId ?? '?';
          counts.readsByCollection[`query:${from}`] = (counts.readsByCollection[`query:${from}`] ?? 0) + Math.max(1, docs);
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
          const name = w.has_update ? w.update.name : w.delete;
          const col = collectionOf(name);
          counts.byCollection[col] = (counts.byCollection[col] ?? 0) + 1;
        }
      }
      return original(call, cb);
    });
    return addService.call(this, definition, wrapped);
  };
}

/** Seeds the smallest organisation the lifecycle needs (not counted). */
export async function seed(db) {
  const staff = (displayName, role, deptId) => ({
    displayName, email: `${displayName.toLowerCase().replace(/\s+/g, '.')}@example.com`, role, deptId, branchId: 'br-city', locale: 'zh-CN', disabled: false,
  });
  const batch = db.batch();
  batch.set(db.doc('branches/br-city'), { name: '城市公司', level: 'city', parentId: null });
  batch.set(db.doc('departments/dept-quality'), { name: '品质管理部', kind: 'quality', branchId: 'br-city', headUid: 'u-quality-head' });
  batch.set(db.doc('departments/dept-business'), { name: '顾问经营部', kind: 'business', branchId: 'br-city', headUid: null });
  batch.set(db.doc('departments/dept-cs'), { name: '客户服务中心', kind: 'customer_service', branchId: 'br-city', headUid: null });
  batch.set(db.doc('departments/dept-leadership'), { name: '总经理室', kind: 'leadership', branchId: 'br-city', headUid: 'u-leader' });
  const people = {
    'u-intake': staff('Intake Li', 'intake', 'dept-cs'),
    'u-quality-head': { ...staff('Quality Head Wang', 'head', 'dept-quality'), authorityLevel: 'store_manager' },
    'u-quality-1': staff('Quality Zhao', 'quality', 'dept-quality'),
    'u-quality-2': staff('Quality Qian', 'quality', 'dept-quality'),
    'u-leader': staff('Leader Zheng', 'leadership', 'dept-leadership'),
  };
  for (const [uid, s] of Object.entries(people)) batch.set(db.doc(`staff/${uid}`), s);
  batch.set(db.doc('clients/c-1'), {
    name: '万家便利店', code: 'CZ1-001', branchId: 'br-city', tier: 'A', marketType: 'C', format: 'convenience', scale: 1,
    zone: 'city_a', address: '人民路 1 号', contactName: '刘老板', contactPhone: '13800000001', accountManagerUid: null,
  });
  await batch.commit();
  const kinds = { 'dept-cs': 'customer_service', 'dept-quality': 'quality', 'dept-leadership': 'leadership' };
  return Object.fromEntries(Object.entries(people).map(([uid, s]) => [uid, {
    uid, role: s.role, deptId: s.deptId, deptKind: kinds[s.deptId], branchId: s.branchId, displayName: s.displayName, locale: s.locale,
    authorityLevel: s.authorityLevel ?? null,
  }]));
}

export async function run() {
  const counts = { enabled: false, reads: 0, byCollection: {}, readsByCollection: {} };
  instrumentGrpc(counts);
  const { FirestoreServer } = require('@firestore-emulator/server');
  const server = new FirestoreServer();
  const port = await freePort();
  await server.start(port);
  process.env.FIRESTORE_EMULATOR_HOST = `127.0.0.1:${port}`;
  process.env.GCLOUD_PROJECT = 'demo-bench';

  const { initializeApp, deleteApp } = require('firebase-admin/app');
  const { getFirestore } = require('firebase-admin/firestore');
  const app = initializeApp({ projectId: 'demo-bench' });
  const lib = (p) => require(`./lib/${p}`);
  const { CreateTicketInput } = lib('domain/api.js');
  const { createTicket } = lib('store/create-ticket.js');
  const { routeNewTicket } = lib('store/route-ticket.js');
  const { transitionTicket } = lib('store/transition.js');
  const { scheduleDeadlineTask } = lib('store/deadlines.js');
  const { Ticket } = lib('domain/documents.js');
  const { parseDoc } = lib('lib/firestore.js');

  try {
    const db = getFirestore();
    const actors = await seed(db);
    const at = (s) => new Date(`${s.replace(' ', 'T')}:00+08:00`);
    const noTimers = { schedule: async () => 'scheduled' };
    // The deadline trigger on a write that set or moved dueAt: schedules the timers (2 config reads).
    const deadlineTrigger = async (ticketId, now) => {
      const t = parseDoc(Ticket, await db.doc(`tickets/${ticketId}`).get()); // the event carries the document: not billed
      counts.reads -= 1;
      await scheduleDeadlineTask(db, ticketId, t, now, noTimers);
    };
    /** One complaint from intake to closed on `day`; returns the number of state changes. */
    const lifecycle = async (day) => {
      let stateChanges = 0;
      const input = CreateTicketInput.parse({ requestId: `bench-lifecycle-${day}`, clientId: 'c-1', kind: 'complaint', subject: 'goods_expired', channel: 'hotline', title: '买到过期牛奶' });
      const { ticketId } = await createTicket(db, actors['u-intake'], input, at(`${day} 09:00`));
      stateChanges++;
      await routeNewTicket(db, ticketId, at(`${day} 09:00`));
      stateChanges++;
      await deadlineTrigger(ticketId, at(`${day} 09:00`));
      const steps = [
        ['09:30', 'u-quality-1', 'accept', {}, 'assigned'],
        ['11:00', 'u-quality-head', 'resolve', { cause: '门店未按期检查临期商品', measures: '下架临期商品，退款致歉' }, 'in_progress'],
        ['15:00', 'u-intake', 'callback', { outcome: 'reached', satisfied: true, score: 5, awareOfChannel: true, comments: '满意' }, 'callback'],
        ['16:00', 'u-quality-2', 'verify', { evidence: '现场查看：已下架，巡检记录齐全' }, 'verification'],
      ];
      let state = 'assigned';
      for (const [when, uid, action, fields, expectedState] of steps) {
        const r = await transitionTicket(db, { ticketId, action, actor: actors[uid], input: fields, expectedState, now: at(`${day} ${when}`) });
        state = r.state;
        stateChanges++;
      }
      if (state !== 'closed') throw new Error(`lifecycle ended in ${state}, expected closed`);
      return stateChanges;
    };

    // A fresh instance reads the organisation and configuration once (cold); a warm instance
    // (every later request it serves) reads them from its cache: the figures are the warm ones.
    counts.enabled = true;
    await lifecycle('2025-10-13');
    const coldReads = counts.reads;
    counts.reads = 0;
    counts.byCollection = {};
    counts.readsByCollection = {};
    const stateChanges = await lifecycle('2025-10-14');
    counts.enabled = false;

    const sum = (pred) => Object.entries(counts.byCollection).filter(([c]) => pred(c)).reduce((a, [, n]) => a + n, 0);
    const ticketWrites = sum((c) => TICKET_COLLECTIONS.has(c));
    const notificationWrites = sum((c) => NOTIFICATION_COLLECTIONS.has(c));
    const writes = sum(() => true);
    return [
      { name: 'complaintLifecycle.stateChanges', value: stateChanges, unit: 'count' },
      { name: 'complaintLifecycle.reads', value: counts.reads, unit: 'docs', goal: `≤ ${2 * stateChanges}` },
      { name: 'complaintLifecycle.readsColdInstance', value: coldReads, unit: 'docs' },
      { name: 'complaintLifecycle.writes', value: writes, unit: 'docs' },
      { name: 'complaintLifecycle.ticketWrites', value: ticketWrites, unit: 'docs' },
      { name: 'complaintLifecycle.notificationWrites', value: notificationWrites, unit: 'docs' },
      { name: 'complaintLifecycle.otherWrites', value: writes - ticketWrites - notificationWrites, unit: 'docs' },
      { name: 'complaintLifecycle.floorWrites', value: 2 * stateChanges, unit: 'docs' },
      ...Object.entries(counts.byCollection).sort().map(([c, n]) => ({ name: `complaintLifecycle.writes[${c}]`, value: n, unit: 'docs' })),
      ...Object.entries(counts.readsByCollection).sort().map(([c, n]) => ({ name: `complaintLifecycle.reads[${c}]`, value: n, unit: 'docs' })),
    ];
  } finally {
    await deleteApp(app);
    server.stop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const f of await run()) console.log(`${f.name}: ${f.value} ${f.unit}`);
}

/**
 * Benchmark: work orders (issue 13).
 *
 * - `workOrder.writes`: Firestore writes of one repair order from dispatch to the client's signed
 *   acceptance (dispatch → arrive → finish → sign), through the compiled store functions against
 *   the npm gRPC Firestore emulator started in-process, counted in the emulator's gRPC Commit
 *   handler (nothing in the SDK can hide a write). Reported against the floor of one write per
 *   step (`workOrder.floorWrites`); `paidWorkOrder.*` does the same for a paid service
 *   (dispatch → arrive → quote → accept price → finish → sign → payment).
 * - `sampling.repairWeekMs`: one office's Monday draw over 10 000 finished orders in a week
 *   (query, seeded draw of 2 000, the sample document, 2 000 callback tasks, the CS centre's
 *   notifications), wall-clock, end to end against the emulator; `sampling.repairWeekDrawMs`
 *   is the domain's draw alone.
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

/** `projects/p/databases/d/documents/workOrders/abc/events/000001` → `workOrders/events`. */
function collectionOf(name) {
  return name.split('/documents/')[1].split('/').filter((_, i) => i % 2 === 0).join('/');
}

/** Counts every Write of every Commit by collection (same method as bench/lifecycle.mjs). */
function instrumentCommits(counts) {
  const grpc = createRequire(require.resolve('@firestore-emulator/server'))('@grpc/grpc-js');
  const addService = grpc.Server.prototype.addService;
  grpc.Server.prototype.addService = function (definition, impl) {
    // Every handler bound to the service itself (its methods use private fields).
    const wrapped = {};
    for (let o = impl; o && o !== Object.prototype; o = Object.getPrototypeOf(o)) {
      for (const key of Object.getOwnPropertyNames(o)) {
        if (key !== 'constructor' && typeof impl[key] === 'function' && !(key in wrapped)) wrapped[key] = impl[key].bind(impl);
      }
    }
    const commit = wrapped.Commit;
    wrapped.Commit = (call, cb) => {
      if (counts.enabled) {
        for (const w of call.request.writes) {
          const col = collectionOf(w.has_update ? w.update.name : w.delete);
          counts.byCollection[col] = (counts.byCollection[col] ?? 0) + 1;
        }
      }
      return commit(call, cb);
    };
    grpc.Server.prototype.addService = addService; // once: later servers (other benchmarks) are not ours
    return addService.call(this, definition, wrapped);
  };
}

const staff = (displayName, role, deptId) => ({
  displayName, email: `${displayName.toLowerCase().replace(/\s+/g, '.')}@example.com`, role, deptId, branchId: 'br-city', locale: 'zh-CN', disabled: false,
});
const PEOPLE = {
  'u-intake': staff('Intake Li', 'intake', 'dept-cs'),
  'u-cs-head': staff('CS Head Lin', 'head', 'dept-cs'),
  'u-engineer': staff('Engineer Wu', 'staff', 'dept-engineering'),
  'u-finance': staff('Cashier Tang', 'staff', 'dept-finance'),
};
const KINDS = { 'dept-cs': 'customer_service', 'dept-engineering': 'engineering', 'dept-finance': 'finance' };

async function seed(db) {
  const batch = db.batch();
  batch.set(db.doc('branches/br-city'), { name: '城市公司', level: 'city', parentId: null });
  for (const [id, kind] of Object.entries(KINDS)) batch.set(db.doc(`departments/${id}`), { name: id, kind, branchId: 'br-city', headUid: id === 'dept-cs' ? 'u-cs-head' : null });
  for (const [uid, s] of Object.entries(PEOPLE)) batch.set(db.doc(`staff/${uid}`), s);
  batch.set(db.doc('clients/c-1'), {
    name: '万家便利店', code: 'CZ1-001', branchId: 'br-city', tier: 'A', marketType: 'C', format: 'convenience', scale: 1,
    zone: 'city_a', address: '人民路 1 号', contactName: '刘老板', contactPhone: '13800000001', accountManagerUid: null,
  });
  batch.set(db.doc('config/priceList'), { items: [{ code: 'L-TAP', name: '更换水龙头', unit: '个', category: 'labour', unitPrice: 3000 }], materials: 'client_supplies', warrantyMonths: 3, afterHoursMultiplier: 2 });
  await batch.commit();
  return Object.fromEntries(Object.entries(PEOPLE).map(([uid, s]) => [uid, {
    uid, role: s.role, deptId: s.deptId, deptKind: KINDS[s.deptId], branchId: s.branchId, displayName: s.displayName, locale: s.locale,
  }]));
}

function signature() {
  return { width: 300, height: 150, strokes: [0, 1, 2].map((s) => ({ points: Array.from({ length: 40 }, (_, i) => [10 + i * 5, 20 + ((i * 7 + s * 13) % 100)]).flat() })) };
}

export async function run() {
  const counts = { enabled: false, byCollection: {} };
  instrumentCommits(counts);
  const { FirestoreServer } = require('@firestore-emulator/server');
  const server = new FirestoreServer();
  const port = await freePort();
  await server.start(port);
  process.env.FIRESTORE_EMULATOR_HOST = `127.0.0.1:${port}`;
  process.env.GCLOUD_PROJECT = 'demo-bench-workorders';

  const { initializeApp, deleteApp } = require('firebase-admin/app');
  const { getFirestore } = require('firebase-admin/firestore');
  const app = initializeApp({ projectId: 'demo-bench-workorders' }, 'bench-workorders');
  const lib = (p) => require(`./lib/${p}`);
  const { createTicket } = lib('store/create-ticket.js');
  const { dispatchWorkOrder, stepWorkOrder } = lib('store/workorders/orders.js');
  const { drawWeeklySample } = lib('store/workorders/callbacks.js');
  const { canDispatch } = lib('domain/workorders/policy.js');
  const { drawSample, sampleSeed } = lib('domain/workorders/sampling.js');
  const { WorkOrder } = lib('domain/workorders/documents.js');
  const { parseDoc } = lib('lib/firestore.js');
  const at = (s) => new Date(`${s.replace(' ', 'T')}:00+08:00`);

  try {
    const db = getFirestore(app);
    const actors = await seed(db);
    const ticketInput = (kind) => ({ clientId: 'c-1', kind, channel: 'hotline', title: '水龙头漏水', description: '', compensation: false, againstOfficeDirector: false, major: false });
    const byCollection = () => Object.entries(counts.byCollection).sort();
    const sum = () => Object.values(counts.byCollection).reduce((a, n) => a + n, 0);

    /** One order from dispatch to its last step; returns writes and steps. */
    async function measure(kind, steps) {
      const { ticketId } = await createTicket(db, actors['u-intake'], ticketInput(kind), at('2025-10-13 09:00'));
      counts.byCollection = {};
      counts.enabled = true;
      const { orderId } = await dispatchWorkOrder(db, actors['u-intake'], {
        ticketId, deptId: 'dept-engineering', technicianUid: 'u-engineer', appointmentFrom: at('2025-10-13 10:00'), appointmentTo: at('2025-10-13 11:00'),
        location: `${kind} 3楼卫生间`, item: '水龙头', description: '', requestId: `bench-${kind}`,
      }, at('2025-10-13 09:05'), { authorize: canDispatch });
      let seq = 1;
      for (const [uid, input] of steps) {
        await stepWorkOrder(db, actors[uid], { orderId, expectedSeq: seq, ...input }, at('2025-10-13 10:30'));
        seq++;
      }
      counts.enabled = false;
      const writes = sum();
      const detail = byCollection();
      const order = parseDoc(WorkOrder, await db.doc(`workOrders/${orderId}`).get());
      if (order.state !== 'accepted') throw new Error(`${kind} order ended in ${order.state}`);
      return { writes, steps: steps.length + 1, detail };
    }

    const repair = await measure('repair', [
      ['u-engineer', { action: 'arrive' }],
      ['u-engineer', { action: 'finish', workDone: '换阀芯', materials: [], minutesSpent: 30 }],
      ['u-engineer', { action: 'sign', signerName: '刘老板', signature: signature() }],
    ]);
    const paid = await measure('paid_service', [
      ['u-engineer', { action: 'arrive' }],
      ['u-engineer', { action: 'quote', lines: [{ code: 'L-TAP', quantity: 1 }], afterHours: false }],
      ['u-engineer', { action: 'accept_price', signerName: '刘老板', signature: signature() }],
      ['u-engineer', { action: 'finish', workDone: '换水龙头', materials: [], minutesSpent: 30 }],
      ['u-engineer', { action: 'sign', signerName: '刘老板', signature: signature() }],
      ['u-finance', { action: 'record_payment', method: 'cash', reference: 'SJ-1', amount: 3000 }],
    ]);

    // 10 000 finished orders of one office in the week of 2025-10-13. Only the fields the draw
    // reads are seeded (the population is read with a projection, task fields with a field
    // mask): the npm emulator's writes slow down with every indexed field, full documents took
    // ~8 minutes to seed here; production queries cost by index entries, not document size.
    const N = 10_000;
    const seedStart = performance.now();
    for (let i = 0; i < N; i += 500) {
      const batch = db.batch();
      for (let j = i; j < Math.min(N, i + 500); j++) {
        batch.set(db.doc(`workOrders/w${String(j).padStart(5, '0')}`), {
          branchId: 'br-city', finishedWeek: '2025-10-13', state: 'accepted',
          number: `HX-20251013-${String(j).padStart(5, '0')}-1`, ticketId: `t${j}`, clientId: 'c-1', clientName: '万家便利店',
        });
      }
      await batch.commit();
    }
    const seededMs = performance.now() - seedStart;
    const ids = Array.from({ length: N }, (_, j) => `w${String(j).padStart(5, '0')}`);
    const t0 = performance.now();
    const drawn = drawSample(ids, sampleSeed('br-city', '2025-10-13'));
    const drawMs = performance.now() - t0;
    const t1 = performance.now();
    const result = await drawWeeklySample(db, 'br-city', '2025-10-13', at('2025-10-20 06:00'));
    const weekMs = performance.now() - t1;
    // The population also holds the two orders measured above (finished that week).
    if (result.population !== N + 2 || result.sampled !== Math.ceil((N + 2) * 0.2) || drawn.length !== N * 0.2) {
      throw new Error(`unexpected sample: ${JSON.stringify(result)}`);
    }
    return [
      { name: 'workOrder.steps', value: repair.steps, unit: 'count' },
      { name: 'workOrder.writes', value: repair.writes, unit: 'docs' },
      { name: 'workOrder.floorWrites', value: repair.steps, unit: 'docs' },
      ...repair.detail.map(([c, n]) => ({ name: `workOrder.writes[${c}]`, value: n, unit: 'docs' })),
      { name: 'paidWorkOrder.steps', value: paid.steps, unit: 'count' },
      { name: 'paidWorkOrder.writes', value: paid.writes, unit: 'docs' },
      { name: 'paidWorkOrder.floorWrites', value: paid.steps, unit: 'docs' },
      ...paid.detail.map(([c, n]) => ({ name: `paidWorkOrder.writes[${c}]`, value: n, unit: 'docs' })),
      { name: 'sampling.repairWeekOrders', value: result.population, unit: 'count' },
      { name: 'sampling.repairWeekSampled', value: result.sampled, unit: 'count' },
      { name: 'sampling.repairWeekMs', value: Math.round(weekMs), unit: 'ms' },
      { name: 'sampling.seed10kOrdersMs', value: Math.round(seededMs), unit: 'ms' },
      { name: 'sampling.repairWeekDrawMs', value: Math.round(drawMs * 100) / 100, unit: 'ms' },
    ];
  } finally {
    await deleteApp(app);
    server.stop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const f of await run()) console.log(`${f.name}: ${f.value} ${f.unit}`);
}

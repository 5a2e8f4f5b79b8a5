// Demo data of the clients area for the local stack (idempotent): the format list, archive
// fields on the demo clients, the last quarter's purchases, that quarter's classification run,
// this month's visit plans with a few visits, and this month's spot-check sample.
// Uses the built domain and store modules (functions/lib), as the functions do.
import { createRequire } from 'node:module';

const require = createRequire(new URL('../functions/package.json', import.meta.url));
const lib = (p) => require(`./lib/${p}`);

const ROUTES = { 'br-city': ['R01', 'R02'], 'br-county': ['Q01'] };

/** @param {import('firebase-admin/firestore').Firestore} db */
export async function seedClientsDemo(db, log = { info: () => {} }, now = new Date()) {
  const { DEFAULT_FORMATS } = lib('domain/clients/schemas.js');
  const { previousQuarter, monthsOfQuarter } = lib('domain/clients/classification.js');
  const { applyClassification } = lib('store/clients/classification.js');
  const { ensurePlan } = lib('store/clients/visits.js');
  const { drawMonthlySpotChecks } = lib('store/clients/spot-checks.js');

  const month = new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 7);
  const quarter = previousQuarter(month);
  const clients = await db.collection('clients').get();
  const batch = db.batch();
  batch.set(db.doc('config/clientFormats'), DEFAULT_FORMATS);
  clients.docs.forEach((d, i) => {
    const c = d.data();
    const routes = ROUTES[c.branchId] ?? ['R01'];
    const patch = { routeId: c.routeId || routes[i % routes.length], licenceNo: c.licenceNo || `4301${String(100000 + i)}`, active: c.active ?? true };
    if (!c.combinedCode) patch.combinedCode = `${c.marketType}${c.format}${c.scale}`;
    batch.set(d.ref, patch, { merge: true });
    // Purchases: bigger shops buy more; a fixed pattern so re-seeding writes the same numbers.
    monthsOfQuarter(quarter).forEach((m, k) => {
      const qty = Math.round((4 - c.scale) * 120 + ((i * 37 + k * 11) % 90));
      batch.set(db.doc(`purchases/${d.id}_${m}`), { clientId: d.id, clientCode: c.code, month: m, qty, amount: qty * (150 + (i % 5) * 20), jobId: 'demo' });
    });
  });
  await batch.commit();
  const run = await applyClassification(db, quarter, { uid: 'system', name: '系统' }, now);
  const staff = await db.collection('staff').where('role', '==', 'onsite').get();
  let visits = 0;
  for (const s of staff.docs) {
    const plan = await ensurePlan(db, s.id, s.get('branchId'), month, now);
    const today = new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
    // A visit in the first period of every other client: some coverage, some misses to look at.
    for (const [k, item] of plan.items.entries()) {
      const date = item.periods[0].from;
      if (k % 2 === 1 || date > today) continue;
      await db.doc(`visits/${item.clientId}_${date}`).set({
        clientId: item.clientId, managerUid: s.id, branchId: s.get('branchId'), routeId: item.routeId, month, date,
        services: ['order_support', 'cabinet_tidy', 'display'], notes: '演示拜访', recordedAt: now, recordedBy: s.id,
      });
      visits++;
    }
  }
  const sample = await drawMonthlySpotChecks(db, month, now, 20261123);
  log.info(`clients demo: ${clients.size} clients, ${quarter} classified (${run.applied ? `${run.changed} changed` : 'already'}), ${visits} visits, spot checks ${sample.drawn ? 'drawn' : 'already drawn'}`);
}

// Seeds the demo organisation into the running local emulators.
//
// Reference data (branches, departments, staff, clients) is written with firebase-admin;
// staff become Auth-emulator users with custom claims { role, dept, branch }. Demo tickets are
// created through the real `createTicket` callable over HTTP, signed in as a demo user, so
// they go through validation, routing and the Firestore triggers (via the bridge).
//
// Needs FIRESTORE_EMULATOR_HOST and FIREBASE_AUTH_EMULATOR_HOST in the environment (the local
// stack runs it in a child process that has them). Run on its own against a running stack:
//   node scripts/seed.mjs [--port-base N]
//
// Idempotency: reference data and users are upserted (safe to re-run). Demo tickets are created
// only once per emulator: a `_dev/demoSeed` document records that they were; delete it to
// create another set.

import { initializeApp, deleteApp } from 'firebase-admin/app';
import { getAuth } from 'firebase-admin/auth';
import { getFirestore, FieldValue } from 'firebase-admin/firestore';
import * as demo from './demo-data.mjs';
import { seedSurveys } from './demo-surveys.mjs';

import { seedClientsDemo } from './demo-clients.mjs';
import { httpRequest, listFunctions, makeLogger, sleep } from './emulator-api.mjs';

/** Signs a demo user in through the Auth emulator; returns an ID token. */
export async function signIn(authHost, email, password = demo.DEMO_PASSWORD) {
  const res = await httpRequest(
    `http://${authHost}/identitytoolkit.googleapis.com/v1/accounts:signInWithPassword?key=demo-api-key`,
    { method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password, returnSecureToken: true }) },
  );
  if (!res.ok) throw new Error(`sign-in ${email} failed: ${res.status} ${res.text.slice(0, 200)}`);
  return JSON.parse(res.text).idToken;
}

/** Calls an onCall function as a signed-in user; returns `result` or throws with the error. */
export async function callFunction({ functionsUrl, projectId, region = 'asia-east2' }, name, data, idToken) {
  const res = await httpRequest(`${functionsUrl}/${projectId}/${region}/${name}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(idToken ? { authorization: `Bearer ${idToken}` } : {}) },
    body: JSON.stringify({ data }),
    timeoutMs: 60_000,
  });
  let body;
  try { body = JSON.parse(res.text); } catch { body = { error: { message: res.text.slice(0, 300) } }; }
  if (!res.ok || body.error) {
    const e = body.error ?? {};
    throw new Error(`${name}: ${res.status} ${e.status ?? ''} ${e.message ?? ''}${e.details ? ` ${JSON.stringify(e.details)}` : ''}`.trim());
  }
  return body.result;
}

function replaceTicket(v, id) {
  if (v === '$ticket') return id;
  if (Array.isArray(v)) return v.map((x) => replaceTicket(x, id));
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, replaceTicket(x, id)]));
  return v;
}

/**
 * @param {object} o
 * @param {string} [o.projectId]  default demo-huixiang
 * @param {string} o.functionsUrl e.g. http://127.0.0.1:5001 (for the demo tickets)
 * @param {string} [o.region]     default asia-east2
 * @param {boolean} [o.tickets]   create demo tickets, default true
 * @param {boolean} [o.quiet]
 * @returns {Promise<{ users: number, clients: number, tickets: Array<{ ref: string, id?: string, error?: string }> }>}
 */
export async function seedDemo(o) {
  const projectId = o.projectId ?? 'demo-huixiang';
  const region = o.region ?? 'asia-east2';
  const log = o.log ?? makeLogger('seed', o);
  const authHost = process.env.FIREBASE_AUTH_EMULATOR_HOST;
  if (!process.env.FIRESTORE_EMULATOR_HOST || !authHost) {
    throw new Error('seedDemo needs FIRESTORE_EMULATOR_HOST and FIREBASE_AUTH_EMULATOR_HOST (refusing to touch production)');
  }
  const app = initializeApp({ projectId }, `seed-${process.pid}-${Date.now()}`);
  try {
    const db = getFirestore(app);
    const auth = getAuth(app);

    // Reference data.
    const heads = Object.fromEntries(demo.staff.filter((s) => s.heads).map((s) => [s.heads, s.uid]));
    const batch = db.batch();
    for (const [id, b] of Object.entries(demo.branches)) batch.set(db.collection('branches').doc(id), b);
    for (const [id, d] of Object.entries(demo.departments)) {
      batch.set(db.collection('departments').doc(id), { ...d, headUid: heads[id] ?? null });
    }
    for (const s of demo.staff) {
      batch.set(db.collection('staff').doc(s.uid), {
        displayName: s.displayName, email: demo.emailOf(s.login), role: s.role, deptId: s.deptId,
        branchId: s.branchId, locale: 'zh-CN', disabled: false, authorityLevel: s.authorityLevel ?? null,
      });
    }
    for (const [id, c] of Object.entries(demo.clients)) batch.set(db.collection('clients').doc(id), c);
    await batch.commit();

    // Auth users with claims.
    await Promise.all(demo.staff.map(async (s) => {
      const user = { email: demo.emailOf(s.login), password: demo.DEMO_PASSWORD, displayName: s.displayName, emailVerified: true };
      try {
        await auth.createUser({ uid: s.uid, ...user });
      } catch (e) {
        if (e.code !== 'auth/uid-already-exists') throw e;
        await auth.updateUser(s.uid, user);
      }
      await auth.setCustomUserClaims(s.uid, { role: s.role, dept: s.deptId, branch: s.branchId });
    }));
    log.info(`${Object.keys(demo.branches).length} branches, ${Object.keys(demo.departments).length} departments, ${
      demo.staff.length} staff users, ${Object.keys(demo.clients).length} clients`);
    await seedClientsDemo(db, log); // clients area: formats, purchases, classification, visits, spot checks

    await (await import('./demo-kpis.mjs')).seedKpiDemo(db, { log }); // KPIs (issue 12): published months + this month live

    const result = { users: demo.staff.length, clients: Object.keys(demo.clients).length, tickets: [] };
    if (o.tickets === false) return result;
    result.surveys = await seedSurveys({ db, log }).catch((e) => (log.warn(`survey demo: ${e.message}`), null));

    await (await import('./demo-workorders.mjs')).seedWorkOrders({ db, log }).catch((e) => log.warn(`demo work orders: ${e.message}`));

    // Demo tickets through the real callables.
    const marker = db.collection('_dev').doc('demoSeed');
    if ((await marker.get()).exists) {
      log.info('demo tickets already created in this emulator (_dev/demoSeed); skipping');
      return result;
    }
    const callables = new Set((await listFunctions(o.functionsUrl)).filter((d) => d.httpsTrigger).map((d) => d.name));
    if (!callables.has('createTicket')) {
      log.warn('createTicket is not loaded in the Functions emulator: no demo tickets');
      return result;
    }
    const tokens = new Map();
    const tokenFor = async (uid) => {
      if (!tokens.has(uid)) {
        const s = demo.staff.find((x) => x.uid === uid);
        if (!s) throw new Error(`unknown demo user ${uid}`);
        tokens.set(uid, await signIn(authHost, demo.emailOf(s.login)));
      }
      return tokens.get(uid);
    };
    const ctx = { functionsUrl: o.functionsUrl, projectId, region };
    for (const t of demo.tickets) {
      const entry = { ref: t.ref };
      result.tickets.push(entry);
      try {
        // a request id per demo ticket: a re-run files nothing twice (createTicket is idempotent per request id)
        const r = await callFunction(ctx, 'createTicket', { requestId: `demo-seed-${t.ref}`, ...t.input }, await tokenFor(t.as));
        entry.id = r?.id ?? r?.ticketId ?? r?.ticket?.id;
        if (!entry.id) throw new Error(`createTicket returned no id: ${JSON.stringify(r).slice(0, 200)}`);
        for (const step of t.steps ?? []) {
          if (!callables.has(step.fn)) { log.warn(`${t.ref}: ${step.fn} not loaded; skipping this step`); continue; }
          if (step.waitFor) await waitForTicket(db, entry.id, step.waitFor, log);
          await callFunction(ctx, step.fn, replaceTicket(step.data, entry.id), await tokenFor(step.as));
        }
      } catch (e) {
        entry.error = e.message;
        log.warn(`demo ticket ${t.ref}: ${e.message}`);
      }
    }
    await marker.set({ seededAt: FieldValue.serverTimestamp(), tickets: result.tickets.filter((t) => t.id).map((t) => t.id) });
    const ok = result.tickets.filter((t) => t.id).length;
    log.info(`${ok}/${demo.tickets.length} demo tickets created via createTicket`);
    return result;
  } finally {
    await deleteApp(app);
  }
}

async function waitForTicket(db, id, fields, log, timeoutMs = 20_000) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    const d = (await db.collection('tickets').doc(id).get()).data() ?? {};
    if (Object.entries(fields).every(([k, v]) => d[k] === v)) return;
    await sleep(250);
  }
  log.warn(`ticket ${id} did not reach ${JSON.stringify(fields)} within ${timeoutMs} ms; continuing`);
}

/** Demo logins as printable lines. */
export function demoLogins() {
  return demo.staff.map((s) => `${demo.emailOf(s.login).padEnd(34)} ${s.role.padEnd(10)} ${s.displayName} · ${s.title}`);
}

// CLI: seed a running stack.
if (import.meta.url === `file://${process.argv[1]}`) {
  const { readStackState } = await import('./stack-state.mjs');
  const st = readStackState(process.argv);
  process.env.FIRESTORE_EMULATOR_HOST = `127.0.0.1:${st.ports.firestore}`;
  process.env.FIREBASE_AUTH_EMULATOR_HOST = `127.0.0.1:${st.ports.auth}`;
  const r = await seedDemo({ projectId: st.projectId, functionsUrl: st.functionsUrl });
  console.log(JSON.stringify(r, null, 2));
  process.exit(0);
}

// The local stack: everything `npm start` runs, usable from tests too.
//
//   const stack = await startStack({ seed: true, quiet: true, portBase: 5100 });
//   … stack.webUrl, stack.functionsUrl, stack.ports …
//   await stack.stop();
//
// 1. the npm gRPC Firestore emulator (@firestore-emulator/server) on 127.0.0.1, in this process;
// 2. `firebase emulators:start --only auth,functions,tasks,eventarc,hosting` as a detached
//    process group, with FIRESTORE_EMULATOR_HOST so functions reach (1);
// 3. web runtime config (emulator addresses) next to the hosted web build;
// 4. a child process (scripts/stack-agent.mjs) with the bridge (Firestore changes → Firestore
//    triggers), the scheduler (onSchedule functions) and the demo seed.
// Nothing touches this process's environment variables.
//
// Ports: firebase.json's emulators section, or portBase+0…7 for firestore, auth, functions,
// tasks, eventarc, hosting, hub, logging (then a generated .local/firebase.<portBase>.json is
// used, and the web build is served from a copy in .local/web-<portBase>/ so a dev stack's
// runtime-config.json is left alone).

import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { httpRequest, listFunctions, sleep } from './emulator-api.mjs';
import { LOCAL, ROOT, stateFile } from './stack-state.mjs';
import { demoLogins } from './seed.mjs';
import { DEMO_PASSWORD } from './demo-data.mjs';

const require = createRequire(import.meta.url);
const REGION = 'asia-east2';
const FIREBASE_BIN = path.join(ROOT, 'node_modules', 'firebase-tools', 'lib', 'bin', 'firebase.js');
const AGENT = path.join(path.dirname(fileURLToPath(import.meta.url)), 'stack-agent.mjs');
const EMULATORS = ['auth', 'functions', 'tasks', 'eventarc', 'hosting'];
const PORT_ORDER = ['firestore', 'auth', 'functions', 'tasks', 'eventarc', 'hosting', 'hub', 'logging'];

/**
 * @typedef {object} StackOptions
 * @property {string} [projectId]   default 'demo-huixiang' (a demo-* id: nothing can reach production)
 * @property {boolean} [seed]       seed the demo organisation and tickets, default true
 * @property {number} [portBase]    use ports portBase+0…7 instead of firebase.json's
 * @property {boolean} [quiet]      only warnings/errors on the console (firebase output → .local/logs/)
 * @property {number} [readyTimeoutMs] default 90000
 *
 * @typedef {object} Stack
 * @property {string} projectId
 * @property {{ firestore: number, auth: number, functions: number, tasks: number, eventarc: number,
 *              hosting: number, hub: number, logging: number }} ports
 * @property {string} webUrl        hosting emulator, e.g. http://127.0.0.1:5050
 * @property {string} functionsUrl  e.g. http://127.0.0.1:5001 (callables: `${functionsUrl}/${projectId}/asia-east2/<name>`)
 * @property {string} authUrl       e.g. http://127.0.0.1:9099
 * @property {string} firestoreHost e.g. 127.0.0.1:8080 (value for FIRESTORE_EMULATOR_HOST)
 * @property {number} readyMs       start → emulators ready with functions loaded
 * @property {object|null} seed     what the seed created
 * @property {() => Promise<void>} stop
 */

/** @returns {Promise<boolean>} */
function portFree(port) {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.once('error', () => resolve(false));
    srv.listen(port, '127.0.0.1', () => srv.close(() => resolve(true)));
  });
}

/** Starts the gRPC Firestore emulator bound to 127.0.0.1 only. */
async function startFirestore(port) {
  const pkg = require.resolve('@firestore-emulator/server');
  const { FirestoreServer } = require(pkg);
  const grpc = createRequire(pkg)('@grpc/grpc-js');
  const server = new FirestoreServer();
  await new Promise((resolve, reject) => {
    // FirestoreServer.start() binds 0.0.0.0; bind loopback only, on the same grpc.Server.
    server.server.bindAsync(`127.0.0.1:${port}`, grpc.ServerCredentials.createInsecure(), (err) => (err ? reject(err) : resolve()));
  });
  return server;
}

function readFirebaseJson() {
  return JSON.parse(fs.readFileSync(path.join(ROOT, 'firebase.json'), 'utf8'));
}

function portsFor(fb, portBase) {
  if (portBase != null) return Object.fromEntries(PORT_ORDER.map((k, i) => [k, portBase + i]));
  const e = fb.emulators ?? {};
  return {
    firestore: e.firestore?.port ?? 8080, auth: e.auth?.port ?? 9099, functions: e.functions?.port ?? 5001,
    tasks: e.tasks?.port ?? 9499, eventarc: e.eventarc?.port ?? 9299, hosting: e.hosting?.port ?? 5000,
    hub: e.hub?.port ?? 4400, logging: e.logging?.port ?? 4500,
  };
}

/** firebase.json with our ports, paths made relative to .local/ (firebase resolves them from the config's dir). */
function writeGeneratedConfig(fb, ports, portBase, webDir) {
  const rel = (p) => path.relative(LOCAL, path.join(ROOT, p)) || '.';
  const cfg = structuredClone(fb);
  const fns = Array.isArray(cfg.functions) ? cfg.functions : cfg.functions ? [cfg.functions] : [];
  for (const f of fns) f.source = rel(f.source ?? 'functions');
  if (cfg.hosting) cfg.hosting.public = path.relative(LOCAL, webDir);
  if (cfg.firestore) {
    if (cfg.firestore.rules) cfg.firestore.rules = rel(cfg.firestore.rules);
    if (cfg.firestore.indexes) cfg.firestore.indexes = rel(cfg.firestore.indexes);
  }
  const emu = (port) => ({ host: '127.0.0.1', port });
  cfg.emulators = {
    ...Object.fromEntries(PORT_ORDER.map((k) => [k, emu(ports[k])])),
    ui: { enabled: false },
    singleProjectMode: true,
  };
  const file = path.join(LOCAL, `firebase.${portBase}.json`);
  fs.writeFileSync(file, `${JSON.stringify(cfg, null, 2)}\n`);
  return file;
}

function tail(file, n = 40) {
  try { return fs.readFileSync(file, 'utf8').split('\n').slice(-n).join('\n'); } catch { return ''; }
}

function processGroupAlive(pgid) {
  try { process.kill(-pgid, 0); return true; } catch (e) { return e.code === 'EPERM'; }
}

/**
 * @param {StackOptions} [options]
 * @returns {Promise<Stack>}
 */
export async function startStack(options = {}) {
  const t0 = Date.now();
  const projectId = options.projectId ?? 'demo-huixiang';
  const seed = options.seed ?? true;
  const quiet = options.quiet ?? false;
  const portBase = options.portBase;
  const readyTimeoutMs = options.readyTimeoutMs ?? 90_000;
  const say = (...a) => { if (!quiet) console.log('[stack]', ...a); };
  const tag = portBase == null ? '' : `.${portBase}`;

  const fb = readFirebaseJson();
  const ports = portsFor(fb, portBase);
  const busy = [];
  for (const [name, port] of Object.entries(ports)) if (!(await portFree(port))) busy.push(`${name} ${port}`);
  if (busy.length) {
    throw new Error(`ports in use: ${busy.join(', ')} — another stack running? (see: ss -ltnp)${
      portBase == null ? '' : ` choose another portBase than ${portBase}`}`);
  }

  const dirs = { xdg: path.join(LOCAL, 'xdg'), tmp: path.join(LOCAL, `tmp${tag}`), logs: path.join(LOCAL, 'logs') };
  for (const d of Object.values(dirs)) fs.mkdirSync(d, { recursive: true });
  const logFile = path.join(dirs.logs, `firebase${tag}.log`);
  const builtWeb = path.join(ROOT, fb.hosting?.public ?? 'web/dist');
  let webDir = builtWeb;
  let configFile = null;
  if (portBase != null) {
    webDir = path.join(LOCAL, `web-${portBase}`);
    fs.rmSync(webDir, { recursive: true, force: true });
    if (fs.existsSync(builtWeb)) fs.cpSync(builtWeb, webDir, { recursive: true });
    configFile = writeGeneratedConfig(fb, ports, portBase, webDir);
  }
  fs.mkdirSync(webDir, { recursive: true });
  if (!fs.existsSync(path.join(webDir, 'index.html'))) console.warn('[stack] WARN', `${path.relative(ROOT, webDir)}/index.html missing: build the web app (npm run build)`);
  if (!fs.existsSync(path.join(ROOT, 'functions', 'lib', 'index.js'))) console.warn('[stack] WARN', 'functions/lib/index.js missing: run npm run build -w functions');

  const firestoreHost = `127.0.0.1:${ports.firestore}`;
  const authHost = `127.0.0.1:${ports.auth}`;
  const functionsUrl = `http://127.0.0.1:${ports.functions}`;
  const webUrl = `http://127.0.0.1:${ports.hosting}`;
  const runtimeConfigFile = path.join(webDir, 'runtime-config.json');
  const state = stateFile(portBase);

  /** @type {import('node:child_process').ChildProcess|null} */ let firebase = null;
  /** @type {import('node:child_process').ChildProcess|null} */ let agent = null;
  let firestore = null;
  let logStream = null;
  let stopPromise = null;

  async function stop() {
    if (stopPromise) return stopPromise;
    stopPromise = (async () => {
      say('stopping…');
      if (agent && agent.exitCode === null && agent.signalCode === null) {
        const exited = new Promise((r) => agent.once('exit', r));
        try { agent.send({ type: 'stop' }); } catch { agent.kill('SIGTERM'); }
        if (!(await Promise.race([exited.then(() => true), sleep(5000).then(() => false)]))) {
          agent.kill('SIGKILL');
          await exited;
        }
      }
      if (firebase) {
        const pgid = firebase.pid;
        const exited = firebase.exitCode !== null || firebase.signalCode !== null
          ? Promise.resolve() : new Promise((r) => firebase.once('exit', r));
        // Clean shutdown first; a second SIGINT makes firebase stop right away (it waits for
        // running functions otherwise, and can hang mid hot-reload); SIGKILL as the last resort.
        try { process.kill(-pgid, 'SIGINT'); } catch { /* already gone */ }
        let done = await Promise.race([exited.then(() => true), sleep(5_000).then(() => false)]);
        if (!done) {
          try { process.kill(-pgid, 'SIGINT'); } catch { /* gone */ }
          done = await Promise.race([exited.then(() => true), sleep(3_000).then(() => false)]);
        }
        // firebase's function workers and the Java-less emulators live in the same group.
        for (let i = 0; i < 20 && processGroupAlive(pgid); i++) await sleep(100);
        if (processGroupAlive(pgid)) {
          try { process.kill(-pgid, 'SIGKILL'); } catch { /* gone */ }
          for (let i = 0; i < 20 && processGroupAlive(pgid); i++) await sleep(100);
        }
      }
      if (firestore) firestore.stop();
      logStream?.end();
      fs.rmSync(state, { force: true });
      fs.rmSync(runtimeConfigFile, { force: true }); // never deploy emulator addresses
      if (portBase != null) {
        fs.rmSync(webDir, { recursive: true, force: true });
        if (configFile) fs.rmSync(configFile, { force: true });
      }
      const left = [];
      for (let i = 0; i < 20; i++) {
        left.length = 0;
        for (const [name, port] of Object.entries(ports)) if (!(await portFree(port))) left.push(`${name} ${port}`);
        if (!left.length) break;
        await sleep(100);
      }
      if (left.length) console.warn('[stack] WARN', `ports still bound after stop: ${left.join(', ')}`);
      else say('stopped; all ports free');
    })();
    return stopPromise;
  }

  try {
    // 1. Firestore
    firestore = await startFirestore(ports.firestore);
    say(`Firestore (gRPC emulator) on ${firestoreHost}`);

    // 2. firebase emulators
    const args = [FIREBASE_BIN, 'emulators:start', '--only', EMULATORS.join(','), '--project', projectId];
    if (configFile) args.push('--config', configFile);
    const env = {
      ...process.env,
      PATH: `${path.join(ROOT, 'node_modules', '.bin')}${path.delimiter}${process.env.PATH ?? ''}`,
      FIRESTORE_EMULATOR_HOST: firestoreHost,
      FIREBASE_AUTH_EMULATOR_HOST: authHost,
      GCLOUD_PROJECT: projectId,
      XDG_CONFIG_HOME: dirs.xdg,
      TMPDIR: dirs.tmp,
    };
    delete env.FORCE_COLOR;
    if (!quiet && process.stdout.isTTY) env.FORCE_COLOR = '1'; else env.NO_COLOR = '1';
    delete env.FIREBASE_EMULATOR_HUB; delete env.CLOUD_TASKS_EMULATOR_HOST; delete env.FUNCTIONS_EMULATOR_HOST;
    logStream = fs.createWriteStream(logFile);
    firebase = spawn(process.execPath, args, { cwd: configFile ? LOCAL : ROOT, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    let sawReady = false;
    const onOutput = (chunk) => {
      const text = chunk.toString();
      logStream.write(text.replace(/\x1b\[[0-9;]*m/g, ''));
      if (text.includes('All emulators ready')) sawReady = true;
      if (!quiet) {
        const lines = text.split('\n').filter((l) => l.trim() !== '');
        if (lines.length) process.stdout.write(`${lines.map((l) => `[firebase] ${l}`).join('\n')}\n`);
      }
    };
    firebase.stdout.on('data', onOutput);
    firebase.stderr.on('data', onOutput);
    let firebaseExit = null;
    firebase.once('exit', (code, signal) => { firebaseExit = { code, signal }; });

    // Ready: firebase says so, the hub lists our emulators, the functions emulator answers.
    const deadline = t0 + readyTimeoutMs;
    let functionCount = 0;
    for (;;) {
      if (firebaseExit) throw new Error(`firebase emulators exited (${JSON.stringify(firebaseExit)}):\n${tail(logFile)}`);
      if (Date.now() > deadline) throw new Error(`emulators not ready after ${readyTimeoutMs} ms:\n${tail(logFile)}`);
      if (sawReady) {
        try {
          const hub = JSON.parse((await httpRequest(`http://127.0.0.1:${ports.hub}/emulators`, { timeoutMs: 2000 })).text);
          if (EMULATORS.every((e) => hub[e])) {
            functionCount = (await listFunctions(functionsUrl)).length;
            break;
          }
        } catch { /* not yet */ }
      }
      await sleep(200);
    }
    const readyMs = Date.now() - t0;
    if (functionCount === 0) console.warn('[stack] WARN', `no functions loaded (see ${path.relative(ROOT, logFile)})`);
    console.log(`[stack] emulators ready in ${(readyMs / 1000).toFixed(1)} s (${functionCount} functions loaded)`);

    // 3. web runtime config
    fs.writeFileSync(runtimeConfigFile, `${JSON.stringify({
      projectId,
      apiKey: 'demo-api-key',
      authDomain: `${projectId}.firebaseapp.com`,
      region: REGION,
      emulators: {
        auth: `http://${authHost}`,
        functions: { host: '127.0.0.1', port: ports.functions },
      },
    }, null, 2)}\n`);

    // 4. bridge, scheduler, seed (child process with the emulator environment)
    agent = spawn(process.execPath, [AGENT, JSON.stringify({ projectId, functionsUrl, quiet, seed, firebasePgid: firebase.pid })], {
      cwd: ROOT,
      env: {
        ...process.env, FIRESTORE_EMULATOR_HOST: firestoreHost, FIREBASE_AUTH_EMULATOR_HOST: authHost,
        GCLOUD_PROJECT: projectId, METADATA_SERVER_DETECTION: 'none', // no GCE metadata probes offline
      },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    const seedResult = await new Promise((resolve, reject) => {
      const onExit = (code) => reject(new Error(`stack agent exited early (code ${code})`));
      agent.once('exit', onExit);
      agent.on('message', (m) => {
        if (m.type === 'listening') say(`bridge: ${m.triggers.join(', ') || 'no Firestore triggers'}; scheduler: ${m.schedules.join(', ') || 'no schedules'}`);
        else if (m.type === 'ready') { agent.off('exit', onExit); resolve(m.seed); }
        else if (m.type === 'error') reject(new Error(`stack agent: ${m.message}`));
      });
    });
    agent.on('exit', (code, signal) => {
      if (!stopPromise) console.error('[stack] ERROR', `bridge/scheduler process died (code ${code}, signal ${signal}); Firestore triggers and schedules are not running`);
    });

    fs.writeFileSync(state, `${JSON.stringify({
      projectId, ports, functionsUrl, webUrl, pid: process.pid, startedAt: new Date(t0).toISOString(),
      surveyToken: seedResult?.surveys?.token ?? null, // a demo survey link nobody answered yet (screenshots, trying it out)
    }, null, 2)}\n`);
    const totalMs = Date.now() - t0;
    if (!quiet) {
      const tickets = seedResult?.tickets ?? [];
      console.log([
        '',
        `回响 Huixiang local stack is up — ${projectId}`,
        `  web app      ${webUrl}`,
        `  functions    ${functionsUrl}  (callables: ${functionsUrl}/${projectId}/${REGION}/<name>)`,
        `  auth         http://${authHost}`,
        `  firestore    ${firestoreHost}  (gRPC; FIRESTORE_EMULATOR_HOST=${firestoreHost})`,
        `  ready in ${(readyMs / 1000).toFixed(1)} s, seeded in ${(totalMs / 1000).toFixed(1)} s${
          seed ? ` (${tickets.filter((t) => t.id).length}/${tickets.length} demo tickets)` : ''}`,
        ...(seedResult?.surveys?.token ? [`  demo survey  ${webUrl}/#/s/${seedResult.surveys.token}  (personal link, no login)`] : []),
        ...(seed ? ['', `Demo logins (password: ${DEMO_PASSWORD}):`, ...demoLogins().map((l) => `  ${l}`)] : []),
        '',
        'Run a scheduled function now: npm run schedule -- <name>   ·   Ctrl-C stops everything',
        '',
      ].join('\n'));
    }
    return {
      projectId, ports, webUrl, functionsUrl, authUrl: `http://${authHost}`, firestoreHost, readyMs, seed: seedResult ?? null, stop,
    };
  } catch (e) {
    await stop().catch(() => {});
    throw e;
  }
}

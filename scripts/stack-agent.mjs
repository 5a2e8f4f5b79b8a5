// Child process of scripts/stack.mjs: runs the bridge, the scheduler and the seed with the
// emulator environment (FIRESTORE_EMULATOR_HOST, FIREBASE_AUTH_EMULATOR_HOST) of *its* stack,
// so the process that called startStack() keeps its own environment untouched.
// Config arrives as JSON in argv[2]; progress goes to the parent over IPC.
// If the parent disappears (IPC disconnect), it kills the firebase process group and exits.
import { initializeApp, deleteApp } from 'firebase-admin/app';
import { getFirestore } from 'firebase-admin/firestore';
import { startBridge } from './bridge.mjs';
import { startScheduler } from './scheduler.mjs';
import { seedDemo } from './seed.mjs';

const cfg = JSON.parse(process.argv[2]);
let bridge; let scheduler; let app; let stopping = false;

async function stop(code = 0) {
  if (stopping) return;
  stopping = true;
  await Promise.allSettled([bridge?.stop(), scheduler?.stop()]);
  if (app) await deleteApp(app).catch(() => {});
  process.exit(code);
}
process.on('SIGTERM', () => void stop(0));
process.on('SIGINT', () => {}); // the parent decides; Ctrl-C reaches the whole foreground group
process.on('message', (m) => { if (m?.type === 'stop') void stop(0); });
process.on('disconnect', () => {
  if (stopping) return;
  console.error('[stack] parent went away; stopping firebase emulators');
  try { process.kill(-cfg.firebasePgid, 'SIGKILL'); } catch { /* gone */ }
  void stop(1);
});

try {
  app = initializeApp({ projectId: cfg.projectId }, 'stack-agent');
  const db = getFirestore(app);
  const common = { projectId: cfg.projectId, functionsUrl: cfg.functionsUrl, quiet: cfg.quiet };
  bridge = await startBridge({ ...common, db });
  scheduler = await startScheduler(common);
  process.send({ type: 'listening', triggers: bridge.triggers.map((t) => t.name), schedules: scheduler.jobs.map((j) => j.name) });
  let seed = null;
  if (cfg.seed) {
    seed = await seedDemo(common);
    await bridge.idle(30_000); // let the triggers of the demo tickets finish
  }
  process.send({ type: 'ready', seed });
} catch (e) {
  console.error('[stack] agent failed:', e.stack ?? e);
  process.send?.({ type: 'error', message: e.message });
  await stop(1);
}

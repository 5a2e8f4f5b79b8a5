// `npm start` → node scripts/local-stack.mjs [--port-base N] [--no-seed] [--quiet] [--project ID]
// Starts the local stack (see scripts/stack.mjs) and keeps it up until Ctrl-C / SIGTERM.
import { startStack } from './stack.mjs';

const argv = process.argv.slice(2);
const opt = (name) => { const i = argv.indexOf(name); return i >= 0 ? argv[i + 1] : undefined; };
const options = {
  projectId: opt('--project') ?? 'demo-huixiang',
  seed: !argv.includes('--no-seed'),
  quiet: argv.includes('--quiet'),
  portBase: opt('--port-base') != null ? Number(opt('--port-base')) : undefined,
};

let stack = null;
let stopping = false;
async function shutdown(signal) {
  if (stopping) { console.log(`[stack] ${signal} again: still stopping…`); return; }
  stopping = true;
  console.log(`\n[stack] ${signal}: shutting down`);
  try { await stack?.stop(); } finally { process.exit(0); }
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGHUP', () => void shutdown('SIGHUP'));

try {
  stack = await startStack(options);
  if (stopping) await stack.stop();
} catch (e) {
  console.error(`[stack] failed to start: ${e.message}`);
  process.exit(1);
}

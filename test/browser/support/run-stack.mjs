// Runs the local stack (scripts/stack.mjs) in its own Node process for the browser tests.
//
// Why a child process: ts-jest compiles the tests to CommonJS, and inside Jest's VM even a
// real `import()` (kept from transpilation with `new Function('p', 'return import(p)')`) fails
// with "A dynamic import callback was invoked without --experimental-vm-modules". Here we are
// a plain ES module, so the stack's .mjs modules load natively, and the stack's own processes
// live and die with this one.
//
// Protocol (Node IPC channel): we send `{ type: 'ready', webUrl, demo }` or
// `{ type: 'error', message }`; the parent sends `{ type: 'stop' }`; a lost parent also stops us.
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const options = JSON.parse(process.argv[2] ?? '{}');

/** The seeded staff with their e-mails and the demo password, from scripts/demo-data.mjs. */
async function demoData() {
  const file = resolve(repo, 'scripts/demo-data.mjs');
  if (!existsSync(file)) return null;
  const demo = await import(pathToFileURL(file).href);
  const staff = (demo.staff ?? []).map((s) => ({
    email: s.email ?? demo.emailOf?.(s.login), role: s.role, deptId: s.deptId, displayName: s.displayName,
  }));
  return { password: demo.DEMO_PASSWORD, staff };
}

let stack;
let stopping;
function stop(code = 0) {
  stopping ??= (async () => {
    try { await stack?.stop(); } catch (err) { console.error('[run-stack] stop failed', err); }
    process.exit(code);
  })();
  return stopping;
}

process.on('message', (msg) => { if (msg?.type === 'stop') void stop(0); });
process.on('disconnect', () => void stop(0));
process.on('SIGTERM', () => void stop(0));
process.on('SIGINT', () => void stop(0));

try {
  const { startStack } = await import(pathToFileURL(resolve(repo, 'scripts/stack.mjs')).href);
  stack = await startStack(options);
  process.send?.({ type: 'ready', webUrl: stack.webUrl, demo: await demoData(), surveyToken: stack.seed?.surveys?.token ?? null });
} catch (err) {
  process.send?.({ type: 'error', message: err instanceof Error ? err.stack ?? err.message : String(err) });
  await stop(1);
}

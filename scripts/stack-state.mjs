// Where a running local stack records its ports, so other commands (npm run schedule,
// node scripts/seed.mjs) can find it: .local/stack.json, or .local/stack.<portBase>.json.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const LOCAL = path.join(ROOT, '.local');

export function stateFile(portBase) {
  return path.join(LOCAL, portBase == null ? 'stack.json' : `stack.${portBase}.json`);
}

/**
 * Reads the state of a running stack. `--port-base N` in argv (or HUIXIANG_PORT_BASE) picks a
 * stack started with portBase; default: the one started by `npm start`.
 * @param {string[]} [argv]
 */
export function readStackState(argv = process.argv) {
  const i = argv.indexOf('--port-base');
  const pb = i >= 0 ? Number(argv[i + 1]) : process.env.HUIXIANG_PORT_BASE ? Number(process.env.HUIXIANG_PORT_BASE) : undefined;
  const file = stateFile(pb);
  if (!fs.existsSync(file)) throw new Error(`no running local stack (${path.relative(ROOT, file)} not found); start one with npm start`);
  const st = JSON.parse(fs.readFileSync(file, 'utf8'));
  try { process.kill(st.pid, 0); } catch { throw new Error(`the stack recorded in ${path.relative(ROOT, file)} (pid ${st.pid}) is not running`); }
  return st;
}

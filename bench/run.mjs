/**
 * All benchmarks: prints every figure as `name: value unit (goal …)` and writes
 * bench/results.json (results.complaintLifecycle.writes, results.load.lost…). Exits non-zero
 * only when a correctness figure misses its goal (lost, duplicated, unexpected codes), never
 * on a timing. Run: npm run bench (builds first; the benchmarks load functions/lib).
 * BENCH_ONLY=load,fuzz runs some of them.
 */
import { writeFile, readFile } from 'node:fs/promises';

const BENCHES = {
  workingDays: () => import('./working-days.mjs'),
  lifecycle: () => import('./lifecycle.mjs'),
  fuzz: () => import('./fuzz.mjs'),
  surveys: () => import('./surveys.mjs'),
  workorders: () => import('./workorders.mjs'),
  kpis: () => import('./kpis.mjs'),
  clients: () => import('./clients.mjs'),
  web: () => import('./web.mjs'),
  load: () => import('./load.mjs'),
  webapi: () => import('./webapi.mjs'),
};

const only = process.env.BENCH_ONLY?.split(',').map((s) => s.trim()).filter(Boolean);
const figures = [];
for (const [name, load] of Object.entries(BENCHES)) {
  if (only && !only.includes(name)) continue;
  const started = Date.now();
  const { run } = await load();
  const out = await run();
  for (const f of out) console.log(`${f.name}: ${f.value} ${f.unit}${f.goal ? `  (goal ${f.goal})` : ''}`);
  console.log(`# ${name} took ${((Date.now() - started) / 1000).toFixed(1)} s`);
  figures.push(...out);
}

/** Did a correctness figure miss its goal (`= N`, `≤ N`)? Timings never fail the run. */
function misses(f) {
  if (!f.correctness || !f.goal) return false;
  const m = /^(=|≤|<=)\s*(-?[\d.]+)/.exec(f.goal);
  if (!m) return false;
  const goal = Number(m[2]);
  return m[1] === '=' ? f.value !== goal : f.value > goal;
}

// Grouped by the part before the first dot: results.complaintLifecycle.reads, results.load.lost.
// A partial run (BENCH_ONLY) keeps the other groups of the previous results.
const file = new URL('./results.json', import.meta.url);
let previous = {};
if (only) { try { previous = JSON.parse(await readFile(file, 'utf8')); } catch { previous = {}; } }
const results = { ...previous, measuredAt: new Date().toISOString(), node: process.version };
const units = { ...(previous.units ?? {}) };
const goals = { ...(previous.goals ?? {}) };
const fresh = {};
for (const f of figures) {
  const dot = f.name.indexOf('.');
  (fresh[f.name.slice(0, dot)] ??= {})[f.name.slice(dot + 1)] = f.value;
  units[f.name] = f.unit;
  if (f.goal) goals[f.name] = f.goal;
}
Object.assign(results, fresh, { units, goals });
await writeFile(file, `${JSON.stringify(results, null, 2)}\n`);
console.log('written bench/results.json');
const failed = figures.filter(misses);
if (failed.length) {
  console.error(`correctness goals missed: ${failed.map((f) => `${f.name}=${f.value} (goal ${f.goal})`).join(', ')}`);
  process.exit(1);
}

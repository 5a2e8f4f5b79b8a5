/**
 * All benchmarks: prints every figure as `name: value unit` and writes bench/results.json
 * (results.complaintLifecycle.writes, results.workingDays.speedupVsNaive…). Run: npm run bench
 * (builds functions first; the benchmarks load functions/lib).
 */
import { writeFile } from 'node:fs/promises';
import { run as workingDays } from './working-days.mjs';
import { run as lifecycle } from './lifecycle.mjs';
import { run as kpis } from './kpis.mjs';

const figures = [...(await workingDays()), ...(await lifecycle()), ...(await kpis())];
for (const f of figures) console.log(`${f.name}: ${f.value} ${f.unit}`);
// Grouped by the part before the first dot: results.complaintLifecycle.reads, results.workingDays.speedupVsNaive.
const results = { measuredAt: new Date().toISOString(), node: process.version, units: {} };
for (const f of figures) {
  const dot = f.name.indexOf('.');
  const group = f.name.slice(0, dot);
  (results[group] ??= {})[f.name.slice(dot + 1)] = f.value;
  results.units[f.name] = f.unit;
}
await writeFile(new URL('./results.json', import.meta.url), `${JSON.stringify(results, null, 2)}\n`);
console.log('written bench/results.json');

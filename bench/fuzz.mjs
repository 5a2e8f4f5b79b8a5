/**
 * Fuzzing at bench size: runs the fuzz suite (functions/test/fuzz) with FUZZ_RUNS payloads per
 * malformed class, callable and caller (default 25, every role; the test line runs 3 with six
 * callers), and reports how many
 * payloads were sent and how many got an unexpected answer (anything but the expected refusal
 * codes, or an accepted malformed payload). `fuzz.unexpected` must be 0.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export async function run() {
  const runs = Number(process.env.FUZZ_RUNS ?? 25);
  const report = path.join(mkdtempSync(path.join(tmpdir(), 'hx-fuzz-')), 'report.json');
  const jest = path.join(ROOT, 'node_modules', 'jest', 'bin', 'jest.js');
  const res = spawnSync(process.execPath, [jest, '--selectProjects', 'emulator', '--testPathPatterns', 'test/fuzz/', '--silent'], {
    cwd: ROOT, env: { ...process.env, FUZZ_RUNS: String(runs), FUZZ_CALLERS: 'all', FUZZ_REPORT: report }, encoding: 'utf8',
  });
  let r;
  try { r = JSON.parse(readFileSync(report, 'utf8')); } catch {
    throw new Error(`fuzz suite wrote no report (exit ${res.status}):\n${res.stderr.slice(-2000)}`);
  }
  for (const f of r.findings) console.warn(`[fuzz] ${f.callable} as ${f.caller}: ${f.code} ${f.message.slice(0, 160)} ← ${f.payload.slice(0, 120)}`);
  return [
    { name: 'fuzz.callables', value: r.callables, unit: 'count' },
    { name: 'fuzz.payloads', value: r.payloads, unit: 'count' },
    { name: 'fuzz.unexpected', value: r.unexpected, unit: 'count', goal: '= 0', correctness: true },
  ];
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const f of await run()) console.log(`${f.name}: ${f.value} ${f.unit}`);
}

/**
 * Fuzzing every callable: seeded fast-check payloads of every malformed kind, as every role and
 * signed out, against the gRPC Firestore emulator. Every answer must be a refusal with one of
 * the expected HttpsError codes (never `internal`, never a crash), and refused calls must write
 * nothing.
 *
 * Callables are discovered from `functions/src/callables/**` (every export that is an onCall
 * function), so a callable added by any area is fuzzed without touching this file.
 *
 * Size: FUZZ_RUNS payloads per malformed class per callable and role (default 3 here, CI-sized;
 * `npm run bench` runs it larger and reads the report written to FUZZ_REPORT).
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import fc from 'fast-check';
import type { Firestore } from 'firebase-admin/firestore';
import { emulatorProject } from '../../../test/support/emulator';
import { FakeAuthAdmin } from '../../../test/support/fake-auth';
import { seedOrgWithExtras, tokenOf } from '../../../test/support/fixtures';
import { ManualClock } from '../../src/domain/clock';
import { COL } from '../../src/domain/collections';
import { useAuthAdmin } from '../../src/lib/auth-admin';
import { useClock } from '../../src/lib/clock';

const RUNS = Number(process.env['FUZZ_RUNS'] ?? 3);
const SEED = Number(process.env['FUZZ_SEED'] ?? 20261123);
/** Codes a refusal of bad input or of a caller without rights may carry. */
const EXPECTED = new Set([
  'invalid-argument', 'permission-denied', 'unauthenticated', 'not-found', 'failed-precondition',
  'already-exists', 'resource-exhausted', 'out-of-range',
]);

const { db, fft, cleanup } = emulatorProject('fuzz');
const fakeAuth = new FakeAuthAdmin();
const now = new Date('2026-03-10T02:00:00Z'); // a Tuesday, 10:00 in Shanghai

type Wrapped = (req: unknown) => Promise<unknown>;
interface Callable { name: string; file: string; fn: Wrapped }

/** Every onCall export under src/callables (recursively). */
function discoverCallables(): Callable[] {
  const root = join(__dirname, '../../src/callables');
  const files: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir)) {
      const p = join(dir, entry);
      if (statSync(p).isDirectory()) walk(p);
      else if (p.endsWith('.ts') && !p.endsWith('.d.ts')) files.push(p);
    }
  };
  walk(root);
  const out: Callable[] = [];
  for (const file of files.sort()) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const mod = require(file) as Record<string, unknown>;
    for (const [name, value] of Object.entries(mod)) {
      const endpoint = (value as { __endpoint?: { callableTrigger?: unknown } } | null)?.__endpoint;
      if (typeof value === 'function' && endpoint?.callableTrigger) {
        out.push({ name, file: relative(root, file), fn: fft.wrap(value as never) as unknown as Wrapped });
      }
    }
  }
  return out;
}

const CALLABLES = discoverCallables();
/**
 * Callers: one of each kind of rights (hotline, a head, department staff, the auditor, the admin)
 * and nobody; FUZZ_CALLERS=all (the bench) adds quality staff, leadership and on-site staff.
 */
const ALL_CALLERS = ['u-intake', 'u-quality-head', 'u-quality-1', 'u-business-1', 'u-leader', 'u-auditor', 'u-admin', 'u-onsite', null] as const;
const CALLERS = process.env['FUZZ_CALLERS'] === 'all'
  ? ALL_CALLERS
  : (['u-intake', 'u-quality-head', 'u-business-1', 'u-auditor', 'u-admin', null] as const);

/** Names of id-like fields the callables take, for payloads that look almost right. */
const ID_FIELDS = ['ticketId', 'clientId', 'id', 'uid', 'deptId', 'branchId', 'number', 'token', 'campaignId', 'orderId', 'questionnaireId', 'jobId', 'month', 'year', 'name'];
const hostileString = fc.oneof(
  fc.constantFrom('a/b', '../../etc', 'tickets/x/events/1', '', ' ', '\u0000', '__proto__', '.', '..', '%2F', '\u202e'),
  fc.string({ minLength: 1, maxLength: 30 }),
  fc.constant('x'.repeat(200_000)),
);
const wrongValue = fc.oneof(
  fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.constant([]), fc.constant({}), hostileString,
  fc.constantFrom('9999-99-99', '0001-01-01', '1900-01-01T00:00:00Z', '275760-09-13T00:00:00Z', 'NaN', 'Infinity'),
  fc.constantFrom(Number.MAX_SAFE_INTEGER, -1, 1e308, -0),
);

/** Class A: always malformed (strict schemas must refuse): non-objects, unknown or prototype keys. */
const alwaysMalformed = fc.oneof(
  // (null is what the web SDK sends for "no arguments": not malformed)
  fc.oneof(fc.integer(), fc.string(), fc.array(fc.anything(), { maxLength: 3 }), fc.boolean()),
  fc.record({ zzUnknownField: fc.anything() }).chain((extra) =>
    fc.dictionary(fc.constantFrom(...ID_FIELDS), wrongValue, { maxKeys: 4 }).map((d) => ({ ...d, ...extra }))),
  fc.constantFrom('__proto__', 'constructor', 'prototype').chain((key) =>
    fc.dictionary(fc.constantFrom(...ID_FIELDS), fc.string(), { maxKeys: 3 }).map((d) =>
      JSON.parse(`{${[...Object.entries(d).map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v)}`), `${JSON.stringify(key)}:{"polluted":true,"role":"admin"}`].join(',')}}`) as unknown)),
);
/** Class B: plausible keys with hostile values (path-like ids, huge strings, out-of-range dates). */
const hostileValues = fc.dictionary(fc.constantFrom(...ID_FIELDS), wrongValue, { minKeys: 1, maxKeys: 4 });

async function outcome(p: Promise<unknown>): Promise<{ ok: true } | { ok: false; code: string; message: string }> {
  try {
    await p;
    return { ok: true };
  } catch (e) {
    const err = e as { code?: unknown; httpErrorCode?: unknown; message?: unknown };
    const code = typeof err.code === 'string' && err.httpErrorCode !== undefined ? err.code : `thrown:${String(err.code ?? (e as Error).name)}`;
    return { ok: false, code, message: String(err.message ?? e) };
  }
}

/**
 * Documents per collection named in `COL` (every area registers its collections there; the
 * emulator cannot list collections) and the seeded ticket's subcollections.
 */
async function census(store: Firestore): Promise<Record<string, number>> {
  const names = [...new Set<string>(Object.values(COL)), 'tickets/t-1/events', 'tickets/t-1/private'];
  const counts = await Promise.all(names.map(async (name) => (await store.collection(name).count().get()).data().count));
  return Object.fromEntries(names.map((name, i) => [name, counts[i]!]));
}

const findings: Array<{ callable: string; caller: string; payload: string; code: string; message: string }> = [];
let payloads = 0;

beforeAll(async () => {
  useClock(new ManualClock(now));
  useAuthAdmin(fakeAuth);
  await seedOrgWithExtras(db);
  await db.doc('tickets/t-1').set({ marker: 'fuzz target' }, { merge: true });
  await db.doc('tickets/t-1/events/000001').set({ seq: 1 });
});
afterAll(async () => {
  useAuthAdmin(null);
  if (process.env['FUZZ_REPORT']) {
    writeFileSync(process.env['FUZZ_REPORT'], `${JSON.stringify({ payloads, unexpected: findings.length, callables: CALLABLES.length, findings: findings.slice(0, 50) }, null, 2)}\n`);
  }
  await cleanup();
});

test('every callable in the manifest is discovered', () => {
  const manifest = readFileSync(join(__dirname, '../../src/index.ts'), 'utf8');
  const exported = [...manifest.matchAll(/export \{ ([\w, ]+) \} from '\.\/callables\//g)].flatMap((m) => m[1]!.split(',').map((s) => s.trim()));
  expect(exported.length).toBeGreaterThan(0);
  expect(exported.filter((name) => !CALLABLES.some((c) => c.name === name))).toEqual([]);
});

describe.each(CALLABLES.map((c) => [c.name, c] as const))('%s', (_name, callable) => {
  test.each(CALLERS.map((c) => [c ?? 'signed out', c] as const))('malformed payloads as %s are refused with an expected code and write nothing', async (label, caller) => {
    const salt = [...`${callable.name}/${label}`].reduce((h, ch) => (h * 31 + ch.charCodeAt(0)) | 0, 0);
    const malformed = fc.sample(alwaysMalformed, { seed: SEED ^ salt, numRuns: RUNS });
    const hostile = fc.sample(hostileValues, { seed: (SEED ^ salt) + 1, numRuns: RUNS });
    const auth = caller ? tokenOf(caller) : undefined;
    const before = await census(db);
    const unexpected: string[] = [];
    for (const data of malformed) {
      payloads++;
      const res = await outcome(callable.fn(auth ? { data, auth } : { data }));
      if (res.ok || !EXPECTED.has(res.code)) {
        const code = res.ok ? 'accepted' : res.code;
        const message = res.ok ? 'a malformed payload was accepted' : res.message;
        findings.push({ callable: callable.name, caller: label, payload: JSON.stringify(data)?.slice(0, 300) ?? String(data), code, message });
        unexpected.push(`${code}: ${message.slice(0, 200)} ← ${JSON.stringify(data)?.slice(0, 120)}`);
      }
    }
    // Refused malformed calls wrote nothing.
    expect(await census(db)).toEqual(before);
    for (const data of hostile) {
      payloads++;
      const res = await outcome(callable.fn(auth ? { data, auth } : { data }));
      if (!res.ok && !EXPECTED.has(res.code)) {
        findings.push({ callable: callable.name, caller: label, payload: JSON.stringify(data).slice(0, 300), code: res.code, message: res.message });
        unexpected.push(`${res.code}: ${res.message.slice(0, 200)} ← ${JSON.stringify(data).slice(0, 120)}`);
      }
    }
    expect(unexpected).toEqual([]);
  }, 120_000);
});

/**
 * The firebase-admin AuthAdmin against the real Auth emulator (firebase-tools, runs offline):
 * accounts, merged custom claims that appear in a freshly minted ID token, disabling, and
 * refresh-token revocation that makes the old ID token fail a revocation-checked verification.
 * The callables' suites use a fake; this suite proves the fake's contract holds for the real one.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getAuth } from 'firebase-admin/auth';
import { emulatorProject } from '../../../test/support/emulator';
import { EXTRA_STAFF, seedOrgWithExtras } from '../../../test/support/fixtures';
import { firebaseAuthAdmin } from '../../src/lib/auth-admin';
import { createStaff } from '../../src/store/staff-admin';
import type { Actor } from '../../src/domain/actor';

jest.setTimeout(90_000);

const { projectId, db, cleanup } = emulatorProject('auth-admin');
const repo = join(__dirname, '../../..');
let child: ChildProcess | undefined;
let dir = '';
let host = '';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

async function waitFor(url: string, ms: number): Promise<void> {
  const until = Date.now() + ms;
  for (;;) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > until) throw new Error(`Auth emulator did not start at ${url}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** Signs in with e-mail and password through the emulator's REST API: a real ID token. */
async function signIn(email: string, password: string): Promise<string> {
  const res = await fetch(`http://${host}/identitytoolkit.googleapis.com/v1/accounts:signInWithPassword?key=fake-api-key`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password, returnSecureToken: true }),
  });
  const body = (await res.json()) as { idToken?: string; error?: { message: string } };
  if (!body.idToken) throw new Error(`sign-in failed: ${body.error?.message}`);
  return body.idToken;
}

beforeAll(async () => {
  const [port, hubPort, loggingPort] = [await freePort(), await freePort(), await freePort()];
  dir = mkdtempSync(join(tmpdir(), 'huixiang-auth-'));
  // Hub and logging on free ports too, so this suite runs beside a dev stack (which holds 4400/4500).
  writeFileSync(join(dir, 'firebase.json'), JSON.stringify({
    emulators: {
      auth: { host: '127.0.0.1', port },
      hub: { host: '127.0.0.1', port: hubPort },
      logging: { host: '127.0.0.1', port: loggingPort },
      ui: { enabled: false },
      singleProjectMode: true,
    },
  }));
  child = spawn(join(repo, 'node_modules/.bin/firebase'), ['emulators:start', '--only', 'auth', '--project', projectId], {
    cwd: dir, detached: true, stdio: 'ignore', env: { ...process.env, XDG_CONFIG_HOME: dir, TMPDIR: dir },
  });
  host = `127.0.0.1:${port}`;
  // If jest is interrupted before afterAll, still stop the emulator we started (our group only).
  const pid = child.pid;
  if (pid) process.once('exit', () => { try { process.kill(-pid, 'SIGTERM'); } catch { /* already gone */ } });
  await waitFor(`http://${host}/`, 60_000);
  process.env.FIREBASE_AUTH_EMULATOR_HOST = host;
  await seedOrgWithExtras(db);
});

afterAll(async () => {
  await cleanup();
  if (child?.pid) {
    const exited = new Promise((r) => child!.once('exit', r));
    process.kill(-child.pid, 'SIGTERM'); // our own process group only
    await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
  }
  delete process.env.FIREBASE_AUTH_EMULATOR_HOST;
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test('accounts, merged claims in the next ID token, disabling, revocation', async () => {
  const auth = firebaseAuthAdmin();
  const { uid } = await auth.createUser({ email: 'li@example.com', displayName: 'Li', password: 'secret-123' });
  expect(await auth.findUserByEmail('li@example.com')).toMatchObject({ uid, email: 'li@example.com', disabled: false, customClaims: {} });
  expect(await auth.findUserByEmail('nobody@example.com')).toBeNull();

  await auth.setCustomClaims(uid, { beta: true });
  const before = await signIn('li@example.com', 'secret-123');
  await auth.setCustomClaims(uid, { ...(await auth.getUser(uid)).customClaims, role: 'head', dept: 'dept-business', branch: 'br-city' });
  expect((await auth.getUser(uid)).customClaims).toEqual({ beta: true, role: 'head', dept: 'dept-business', branch: 'br-city' });
  const after = await signIn('li@example.com', 'secret-123');
  expect(await getAuth().verifyIdToken(after)).toMatchObject({ uid, role: 'head', dept: 'dept-business', branch: 'br-city', beta: true });

  await new Promise((r) => setTimeout(r, 1100)); // revocation has one-second granularity
  await auth.revokeRefreshTokens(uid);
  await expect(getAuth().verifyIdToken(before, true)).rejects.toMatchObject({ code: 'auth/id-token-revoked' });

  await auth.setDisabled(uid, true);
  expect((await auth.getUser(uid)).disabled).toBe(true);
  await expect(signIn('li@example.com', 'secret-123')).rejects.toThrow(/USER_DISABLED/);
});

test('createStaff with the real Auth: account, claims and staff record agree', async () => {
  const s = EXTRA_STAFF['u-admin']!;
  const admin: Actor = { uid: 'u-admin', role: 'admin', deptId: s.deptId, deptKind: 'customer_service', branchId: s.branchId, displayName: s.displayName, locale: 'zh-CN' };
  const { uid } = await createStaff(db, firebaseAuthAdmin(), admin, {
    email: 'wu@example.com', displayName: 'Wu', role: 'quality', deptId: 'dept-quality', locale: 'zh-CN', password: 'secret-456', reason: 'new quality officer', authorityLevel: null,
  }, new Date('2026-11-23T02:00:00Z'));
  const token = await getAuth().verifyIdToken(await signIn('wu@example.com', 'secret-456'));
  expect(token).toMatchObject({ uid, role: 'quality', dept: 'dept-quality', branch: 'br-city' });
  expect((await db.doc(`staff/${uid}`).get()).data()).toMatchObject({ role: 'quality', deptId: 'dept-quality', branchId: 'br-city' });
});

describe('scripts/bootstrap-admin.mjs against the emulators', () => {
  // Asynchronous on purpose: the gRPC Firestore emulator runs inside this jest process.
  const run = (args: string[]): Promise<{ status: number; out: string }> => new Promise((resolve) => {
    execFile(process.execPath, [join(repo, 'scripts/bootstrap-admin.mjs'), '--project', projectId, ...args], {
      env: { ...process.env, FIREBASE_AUTH_EMULATOR_HOST: host }, encoding: 'utf8', timeout: 60_000,
    }, (err, stdout, stderr) => resolve({ status: err ? (typeof err.code === 'number' ? err.code : 1) : 0, out: `${stdout}${stderr}` }));
  });

  beforeAll(async () => {
    // A deployment with no active admin yet (the fixture org has one: disable it here).
    await db.doc('staff/u-admin').update({ disabled: true });
    if (!existsSync(join(repo, 'functions/lib/domain/org/seed.js'))) throw new Error('build the functions first: npx tsc -p functions/tsconfig.build.json');
  });

  test('creates the first admin (account, claims, staff record, audit), then refuses a second one', async () => {
    const first = await run(['--email', 'boss@example.com', '--name', '系统管理员', '--password', 'bootstrap-123', '--dept', 'dept-leadership']);
    expect(first).toMatchObject({ status: 0 });
    const { uid } = JSON.parse(first.out.trim().split('\n').pop()!) as { uid: string };
    const token = await getAuth().verifyIdToken(await signIn('boss@example.com', 'bootstrap-123'));
    expect(token).toMatchObject({ uid, role: 'admin', dept: 'dept-leadership', branch: 'br-city' });
    expect((await db.doc(`staff/${uid}`).get()).data()).toMatchObject({ role: 'admin', deptId: 'dept-leadership', disabled: false });
    const audit = (await db.collection('auditLog').get()).docs.map((d) => d.data()).filter((e) => e['target'].id === uid);
    expect(audit).toEqual([expect.objectContaining({ action: 'staff_created', actorRole: 'system', reason: 'first administrator of the deployment' })]);

    // only the first admin comes from the script
    const second = await run(['--email', 'other@example.com']);
    expect(second.status).toBe(1);
    expect(second.out).toMatch(/an active admin exists already/);
  });

  test('refuses unknown departments', async () => {
    expect((await run(['--email', 'x@example.com', '--dept', 'dept-nope', '--force'])).out).toMatch(/no department dept-nope/);
  });
});

// Creates the first administrator of a deployment: an Auth account, custom claims
// {role: 'admin', dept, branch}, the staff record and an audit entry. Seeds the organisation
// (one branch and the departments of shared/domain.md) when it has no departments yet.
// After this, every other staff change goes through the admin callables (the Staff page).
//
//   Local stack (npm start running):  node scripts/bootstrap-admin.mjs --local --email admin@example.com --name 管理员 --password 'long-secret'
//   Any emulators (env already set):  FIRESTORE_EMULATOR_HOST=… FIREBASE_AUTH_EMULATOR_HOST=… node scripts/bootstrap-admin.mjs --project demo-x --email …
//   Real project:                      gcloud auth application-default login
//                                      node scripts/bootstrap-admin.mjs --project my-prod-id --email it@example.com --name 系统管理员
//                                      (no --password: prints a password-reset link to send to the admin)
//
// Options: --dept <id> (default: the leadership department), --locale zh-CN|en,
//          --force (add another admin although one exists), --port-base N (with --local).
// Needs the functions build (npm run build -w functions) for the shared schemas.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { initializeApp, applicationDefault } from 'firebase-admin/app';
import { getAuth } from 'firebase-admin/auth';
import { getFirestore } from 'firebase-admin/firestore';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const argv = process.argv.slice(2);
const opt = (name) => { const i = argv.indexOf(name); return i >= 0 ? argv[i + 1] : undefined; };
const flag = (name) => argv.includes(name);

function fail(message) {
  console.error(`bootstrap-admin: ${message}`);
  process.exit(1);
}

async function shared() {
  const lib = path.join(ROOT, 'functions/lib/domain');
  if (!existsSync(path.join(lib, 'org/seed.js'))) fail('functions are not built: run npm run build -w functions');
  const load = (p) => import(pathToFileURL(path.join(lib, p)).href);
  const [{ SEED_BRANCHES, SEED_DEPARTMENTS }, { Staff }, { AuditEntry }] = await Promise.all([load('org/seed.js'), load('documents.js'), load('org/audit.js')]);
  return { SEED_BRANCHES, SEED_DEPARTMENTS, Staff, AuditEntry };
}

async function main() {
  const email = opt('--email');
  const displayName = opt('--name') ?? 'Administrator';
  const password = opt('--password');
  const locale = opt('--locale') ?? 'zh-CN';
  if (!email) fail('--email is required');
  if (password !== undefined && password.length < 8) fail('--password needs at least 8 characters');

  let projectId = opt('--project');
  if (flag('--local')) {
    const { readStackState } = await import('./stack-state.mjs');
    const st = readStackState(process.argv);
    process.env.FIRESTORE_EMULATOR_HOST = `127.0.0.1:${st.ports.firestore}`;
    process.env.FIREBASE_AUTH_EMULATOR_HOST = `127.0.0.1:${st.ports.auth}`;
    projectId = st.projectId;
  }
  const emulated = Boolean(process.env.FIRESTORE_EMULATOR_HOST && process.env.FIREBASE_AUTH_EMULATOR_HOST);
  if (Boolean(process.env.FIRESTORE_EMULATOR_HOST) !== Boolean(process.env.FIREBASE_AUTH_EMULATOR_HOST)) {
    fail('set both FIRESTORE_EMULATOR_HOST and FIREBASE_AUTH_EMULATOR_HOST, or neither (refusing to mix emulators and production)');
  }
  if (!projectId) fail('--project is required (or --local for the running local stack)');
  if (!emulated && projectId.startsWith('demo-')) fail(`${projectId} is a demo project: it exists only in the emulators`);

  const { SEED_BRANCHES, SEED_DEPARTMENTS, Staff, AuditEntry } = await shared();
  initializeApp(emulated ? { projectId } : { projectId, credential: applicationDefault() });
  const db = getFirestore();
  const auth = getAuth();
  console.log(`bootstrap-admin: ${emulated ? 'emulators' : 'PRODUCTION'} project ${projectId}`);

  // 1. The organisation, seeded once from the domain brief; admins edit it afterwards.
  const depts = await db.collection('departments').get();
  if (depts.empty) {
    const batch = db.batch();
    for (const [id, b] of Object.entries(SEED_BRANCHES)) batch.set(db.collection('branches').doc(id), b);
    for (const [id, d] of Object.entries(SEED_DEPARTMENTS)) batch.set(db.collection('departments').doc(id), d);
    await batch.commit();
    console.log(`bootstrap-admin: seeded ${Object.keys(SEED_BRANCHES).length} branch and ${Object.keys(SEED_DEPARTMENTS).length} departments`);
  }
  const departments = (await db.collection('departments').get()).docs;
  const deptId = opt('--dept') ?? departments.find((d) => d.get('kind') === 'leadership')?.id ?? departments[0]?.id;
  const dept = departments.find((d) => d.id === deptId);
  if (!dept) fail(`no department ${deptId}; known: ${departments.map((d) => d.id).join(', ')}`);

  // 2. Only the first admin comes from here.
  const admins = await db.collection('staff').where('role', '==', 'admin').get();
  const active = admins.docs.filter((d) => d.get('disabled') !== true);
  if (active.length > 0 && !flag('--force')) {
    fail(`an active admin exists already (${active.map((d) => d.get('email')).join(', ')}): add staff on the Staff page, or pass --force`);
  }

  // 3. The account.
  let user;
  try {
    user = await auth.getUserByEmail(email);
    console.log(`bootstrap-admin: using the existing account ${user.uid}${password ? ' (its password is left as it is)' : ''}`);
  } catch (err) {
    if (err?.code !== 'auth/user-not-found') throw err;
    user = await auth.createUser({ email, displayName, ...(password ? { password } : {}) });
    console.log(`bootstrap-admin: created account ${user.uid}`);
  }

  // 4. Staff record and audit entry in one transaction, then claims (merged) and a fresh token.
  const staff = Staff.parse({ displayName, email, role: 'admin', deptId: dept.id, branchId: dept.get('branchId'), locale, disabled: false });
  const staffRef = db.collection('staff').doc(user.uid);
  await db.runTransaction(async (tx) => {
    const before = await tx.get(staffRef);
    tx.set(staffRef, staff);
    tx.create(db.collection('auditLog').doc(), AuditEntry.parse({
      action: before.exists ? 'claims_changed' : 'staff_created',
      at: new Date(),
      actorUid: 'bootstrap-admin',
      actorName: 'scripts/bootstrap-admin.mjs',
      actorRole: 'system',
      target: { type: 'staff', id: user.uid },
      reason: active.length ? 'additional admin (bootstrap --force)' : 'first administrator of the deployment',
      changes: { role: { from: before.get('role') ?? null, to: 'admin' }, deptId: { from: before.get('deptId') ?? null, to: dept.id } },
    }));
  });
  await auth.setCustomUserClaims(user.uid, { ...(user.customClaims ?? {}), role: 'admin', dept: dept.id, branch: staff.branchId });
  await auth.revokeRefreshTokens(user.uid);
  console.log(`bootstrap-admin: ${email} is admin of ${dept.id} (${staff.branchId})`);
  if (!password && !emulated) {
    const link = await auth.generatePasswordResetLink(email);
    console.log(`bootstrap-admin: send this password-setting link to the admin:\n${link}`);
  }
  console.log(JSON.stringify({ uid: user.uid, deptId: dept.id, branchId: staff.branchId }));
}

main().then(() => process.exit(0), (err) => fail(err?.stack ?? String(err)));

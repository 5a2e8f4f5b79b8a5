/**
 * Deny by default: every collection without a read rule is closed to every role (admin and
 * auditor included: they read through callables), and nothing is writable by anyone.
 */
import type { RulesTestEnvironment } from '@firebase/rules-unit-testing';
import { ACTORS, as, rulesEnv, seed, writesTo } from './support';

let env: RulesTestEnvironment;
beforeAll(async () => {
  env = await rulesEnv('default-deny');
  await seed(env);
});
afterAll(() => env.cleanup());

const CLOSED = ['staff/u-intake', 'departments/dept-cs', 'branches/br-city', 'auditLog/a-1', 'config/org', 'counters/x', 'mail/x', 'messages/x', 'somethingNew/x'];
const ALL_DOCS = [...CLOSED, 'tickets/t-biz', 'tickets/t-biz/events/000001', 'tickets/t-biz/private/reporter', 'clients/c-1', 'notifications/n-u-intake'];

test.each(CLOSED)('nobody reads %s directly', async (path) => {
  for (const uid of ACTORS) {
    await expect(as(env, uid).doc(path).get()).toDeny();
    await expect(as(env, uid).collection(path.split('/')[0]!).get()).toDeny();
  }
});

test.each(ALL_DOCS)('signed out: no read or write of %s', async (path) => {
  const db = env.unauthenticatedContext().firestore();
  await expect(db.doc(path).get()).toDeny();
  for (const [, write] of writesTo(db, path)) await expect(write()).toDeny();
});

test.each(ACTORS.flatMap((uid) => ALL_DOCS.map((path) => [uid, path] as const)))('%s writes nothing: %s', async (uid, path) => {
  for (const [, write] of writesTo(as(env, uid), path)) await expect(write()).toDeny();
});

test('the audit log is immutable, even for admins and auditors', async () => {
  for (const uid of ['u-admin', 'u-auditor'] as const) {
    for (const [, write] of writesTo(as(env, uid), 'auditLog/a-1')) await expect(write()).toDeny();
  }
});

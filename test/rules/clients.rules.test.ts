/** clients/{id}: reads mirror policy.canReadClient; no writes. */
import type { RulesTestEnvironment } from '@firebase/rules-unit-testing';
import { actorOf } from '../support/access-matrix';
import { CLIENTS, EXTRA_CLIENTS } from '../support/fixtures';
import { canReadClient } from '../../functions/src/domain/policy';
import { ACTORS, as, rulesEnv, seed, writesTo } from './support';

let env: RulesTestEnvironment;
beforeAll(async () => {
  env = await rulesEnv('clients');
  await seed(env);
});
afterAll(() => env.cleanup());

const ALL_CLIENTS = { ...CLIENTS, ...EXTRA_CLIENTS };
const rows = ACTORS.flatMap((uid) => Object.entries(ALL_CLIENTS).map(([id, c]) => [uid, id, canReadClient(actorOf(uid), c).allowed] as const));

test.each(rows)('%s get clients/%s → allowed: %s (as the policy says)', async (uid, id, allowed) => {
  const read = as(env, uid).doc(`clients/${id}`).get();
  if (allowed) await expect(read).toAllow();
  else await expect(read).toDeny();
});

test('scoped queries: on-site staff their own clients, department people their branch', async () => {
  await expect(as(env, 'u-onsite').collection('clients').where('accountManagerUid', '==', 'u-onsite').get()).toAllow();
  await expect(as(env, 'u-onsite').collection('clients').get()).toDeny();
  await expect(as(env, 'u-business-1').collection('clients').where('branchId', '==', 'br-city').get()).toAllow();
  await expect(as(env, 'u-business-1').collection('clients').where('branchId', '==', 'br-county').get()).toDeny();
  await expect(as(env, 'u-intake').collection('clients').get()).toAllow();
});

test.each(ACTORS)('%s cannot write clients', async (uid) => {
  for (const [, write] of writesTo(as(env, uid), 'clients/c-1')) await expect(write()).toDeny();
});

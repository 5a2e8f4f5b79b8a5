/** notifications/{id}: own inbox only; no writes (marking read goes through a callable). */
import type { RulesTestEnvironment } from '@firebase/rules-unit-testing';
import { ACTORS, as, rulesEnv, seed, writesTo } from './support';

let env: RulesTestEnvironment;
beforeAll(async () => {
  env = await rulesEnv('notifications');
  await seed(env);
});
afterAll(() => env.cleanup());

test.each(ACTORS)('%s reads their own inbox and no one else\'s', async (uid) => {
  const db = as(env, uid);
  await expect(db.doc(`notifications/n-${uid}`).get()).toAllow();
  await expect(db.collection('notifications').where('uid', '==', uid).get()).toAllow();
  const other = uid === 'u-leader' ? 'u-intake' : 'u-leader';
  await expect(db.doc(`notifications/n-${other}`).get()).toDeny();
  await expect(db.collection('notifications').get()).toDeny();
  await expect(db.collection('notifications').where('uid', '==', other).get()).toDeny();
});

test.each(ACTORS)('%s cannot write notifications, not even their own', async (uid) => {
  for (const [, write] of writesTo(as(env, uid), `notifications/n-${uid}`)) await expect(write()).toDeny();
});

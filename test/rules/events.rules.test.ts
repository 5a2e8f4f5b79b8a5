/** tickets/{id}/events/{seq}: the tracking record reads like its ticket and is immutable for everyone. */
import type { RulesTestEnvironment } from '@firebase/rules-unit-testing';
import { READ_MATRIX } from '../support/access-matrix';
import { ACTORS, TICKETS, as, rulesEnv, seed, writesTo } from './support';

let env: RulesTestEnvironment;
beforeAll(async () => {
  env = await rulesEnv('events');
  await seed(env);
});
afterAll(() => env.cleanup());

const rows = ACTORS.flatMap((uid) => Object.keys(TICKETS).map((id) => [uid, id, READ_MATRIX[uid][id] !== 'denied'] as const));

test.each(rows)('%s reads the history of %s → allowed: %s', async (uid, id, allowed) => {
  const db = as(env, uid);
  if (allowed) {
    await expect(db.doc(`tickets/${id}/events/000001`).get()).toAllow();
    await expect(db.collection(`tickets/${id}/events`).get()).toAllow();
  } else {
    await expect(db.doc(`tickets/${id}/events/000001`).get()).toDeny();
    await expect(db.collection(`tickets/${id}/events`).get()).toDeny();
  }
});

test.each(ACTORS)('history is immutable for %s (no create, update, set or delete)', async (uid) => {
  for (const [, write] of writesTo(as(env, uid), 'tickets/t-biz/events/000001')) await expect(write()).toDeny();
});

/** tickets/{id}/private/reporter: the complainant's identity, readable only by quality and leadership. */
import type { RulesTestEnvironment } from '@firebase/rules-unit-testing';
import { actorOf } from '../support/access-matrix';
import { canReadTicket, isQuality } from '../../functions/src/domain/policy';
import { ACTORS, TICKETS, as, rulesEnv, seed, writesTo } from './support';

let env: RulesTestEnvironment;
beforeAll(async () => {
  env = await rulesEnv('private');
  await seed(env);
});
afterAll(() => env.cleanup());

/** Leadership, and quality people for the tickets they may read; nobody else, not even the auditor. */
const rows = ACTORS.flatMap((uid) => Object.keys(TICKETS).map((id) => {
  const a = actorOf(uid);
  const allowed = a.role === 'leadership' || (isQuality(a) && canReadTicket(a, TICKETS[id]!).allowed);
  return [uid, id, allowed] as const;
}));

test('the table grants the reporter to quality and leadership only', () => {
  const granted = new Set(rows.filter(([, , ok]) => ok).map(([uid]) => uid));
  expect([...granted].sort()).toEqual(['u-county-quality', 'u-leader', 'u-quality-1', 'u-quality-head']);
});

test.each(rows)('%s reads the reporter of %s → allowed: %s', async (uid, id, allowed) => {
  const read = as(env, uid).doc(`tickets/${id}/private/reporter`).get();
  if (allowed) await expect(read).toAllow();
  else await expect(read).toDeny();
});

test.each(ACTORS)('%s cannot list or write private subdocuments', async (uid) => {
  const db = as(env, uid);
  await expect(db.collection('tickets/t-biz/private').get()).toDeny();
  for (const [, write] of writesTo(db, 'tickets/t-biz/private/reporter')) await expect(write()).toDeny();
});

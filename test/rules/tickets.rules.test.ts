/** tickets/{id}: reads mirror policy.canReadTicket (the same table as the callable matrix); no writes. */
import type { RulesTestEnvironment } from '@firebase/rules-unit-testing';
import { READ_MATRIX } from '../support/access-matrix';
import { ACTORS, TICKETS, as, rulesEnv, seed, writesTo } from './support';

let env: RulesTestEnvironment;
beforeAll(async () => {
  env = await rulesEnv('tickets');
  await seed(env);
});
afterAll(() => env.cleanup());

const rows = ACTORS.flatMap((uid) => Object.keys(TICKETS).map((id) => [uid, id, READ_MATRIX[uid][id] !== 'denied'] as const));

test.each(rows)('%s get tickets/%s → allowed: %s', async (uid, id, allowed) => {
  const read = as(env, uid).doc(`tickets/${id}`).get();
  if (allowed) await expect(read).toAllow();
  else await expect(read).toDeny();
});

test.each(ACTORS)('%s cannot create, update, set or delete a ticket', async (uid) => {
  for (const [, write] of writesTo(as(env, uid), 'tickets/t-biz')) await expect(write()).toDeny();
});

describe('queries must stay inside the caller\'s scope', () => {
  test('a department queries its own tickets; an unfiltered query is denied', async () => {
    const db = as(env, 'u-business-1');
    await expect(db.collection('tickets').where('ownerDeptId', '==', 'dept-business').get()).toAllow();
    await expect(db.collection('tickets').get()).toDeny();
  });
  test('quality queries the complaints of their branch', async () => {
    const db = as(env, 'u-quality-1');
    await expect(db.collection('tickets').where('branchId', '==', 'br-city').where('kind', '==', 'complaint').get()).toAllow();
    await expect(db.collection('tickets').where('branchId', '==', 'br-county').where('kind', '==', 'complaint').get()).toDeny();
  });
  test('on-site staff query what they took in; leadership and auditors everything', async () => {
    await expect(as(env, 'u-onsite').collection('tickets').where('createdBy', '==', 'u-onsite').get()).toAllow();
    await expect(as(env, 'u-leader').collection('tickets').get()).toAllow();
    await expect(as(env, 'u-auditor').collection('tickets').get()).toAllow();
  });
});

describe('rights come from an enabled staff record that matches the token', () => {
  test('signed out → denied', async () => {
    await expect(env.unauthenticatedContext().firestore().doc('tickets/t-biz').get()).toDeny();
  });
  test('a token without claims, or for someone with no staff record → denied', async () => {
    await expect(env.authenticatedContext('u-business-1').firestore().doc('tickets/t-biz').get()).toDeny();
    await expect(env.authenticatedContext('stranger', { role: 'leadership', dept: 'dept-leadership', branch: 'br-city' }).firestore().doc('tickets/t-biz').get()).toDeny();
  });
  test('a stale or forged claim that does not match the staff record → denied', async () => {
    await expect(as(env, 'u-engineer', { role: 'leadership' }).doc('tickets/t-biz').get()).toDeny();
    await expect(as(env, 'u-engineer', { dept: 'dept-business' }).doc('tickets/t-biz').get()).toDeny();
  });
  test('a disabled account → denied', async () => {
    await env.withSecurityRulesDisabled((ctx) => ctx.firestore().doc('staff/u-county').update({ disabled: true }));
    await expect(as(env, 'u-county').doc('tickets/t-county').get()).toDeny();
    await env.withSecurityRulesDisabled((ctx) => ctx.firestore().doc('staff/u-county').update({ disabled: false }));
    await expect(as(env, 'u-county').doc('tickets/t-county').get()).toAllow();
  });
});

/**
 * Shared set-up of the rules suites (run by `npm run test:rules` under Google's Firestore
 * emulator): a test environment per file, the fixture org seeded with rules disabled,
 * `toAllow` / `toDeny` matchers, and a Firestore handle per fixture staff member.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  assertFails, assertSucceeds, initializeTestEnvironment, type RulesTestEnvironment,
} from '@firebase/rules-unit-testing';
import { ACTORS, REPORTER, TICKETS, now, type ActorId } from '../support/access-matrix';
import {
  BRANCHES, CLIENTS, DEPARTMENTS, EXTRA_CLIENTS, EXTRA_DEPARTMENTS, EXTRA_STAFF, STAFF,
} from '../support/fixtures';

export { ACTORS, REPORTER, TICKETS, type ActorId };

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace jest {
    interface Matchers<R> {
      toAllow(): Promise<R>;
      toDeny(): Promise<R>;
    }
  }
}

expect.extend({
  async toAllow(pr: Promise<unknown>) {
    try {
      await assertSucceeds(pr);
      return { pass: true, message: () => 'expected the request to be denied' };
    } catch (err) {
      return { pass: false, message: () => `expected the request to be allowed: ${String(err)}` };
    }
  },
  async toDeny(pr: Promise<unknown>) {
    try {
      await assertFails(pr);
      return { pass: true, message: () => 'expected the request to be allowed' };
    } catch (err) {
      return { pass: false, message: () => `expected the request to be denied: ${String(err)}` };
    }
  },
});

export const RULES = readFileSync(join(__dirname, '../../firestore.rules'), 'utf8');

const ALL_STAFF = { ...STAFF, ...EXTRA_STAFF };

/** One environment per file: its own demo project, hence its own database. */
export async function rulesEnv(name: string): Promise<RulesTestEnvironment> {
  return initializeTestEnvironment({ projectId: `demo-huixiang-rules-${name}`, firestore: { rules: RULES } });
}

/** Seeds the org, clients, the access-matrix tickets (with history and reporter) and one notification per actor. */
export async function seed(env: RulesTestEnvironment): Promise<void> {
  await env.withSecurityRulesDisabled(async (ctx) => {
    const db = ctx.firestore();
    const writes: Array<Promise<unknown>> = [];
    const put = (path: string, data: object): void => void writes.push(db.doc(path).set(data));
    for (const [id, b] of Object.entries(BRANCHES)) put(`branches/${id}`, b);
    for (const [id, d] of Object.entries({ ...DEPARTMENTS, ...EXTRA_DEPARTMENTS })) put(`departments/${id}`, d);
    for (const [id, s] of Object.entries(ALL_STAFF)) put(`staff/${id}`, s);
    for (const [id, c] of Object.entries({ ...CLIENTS, ...EXTRA_CLIENTS })) put(`clients/${id}`, c);
    for (const [id, t] of Object.entries(TICKETS)) {
      put(`tickets/${id}`, t);
      put(`tickets/${id}/events/000001`, { seq: 1, type: 'received', at: now, actorUid: t.createdBy, actorName: 'x', from: null, to: 'received', changes: {}, note: '' });
      put(`tickets/${id}/private/reporter`, REPORTER);
    }
    for (const uid of ACTORS) {
      put(`notifications/n-${uid}`, { uid, ticketId: 't-biz', eventSeq: 1, type: 'assigned', title: 't', body: 'b', read: false, createdAt: now });
    }
    put('auditLog/a-1', { action: 'claims_changed', at: now, actorUid: 'u-admin', actorName: 'Admin', actorRole: 'admin', target: { type: 'staff', id: 'u-intake' }, reason: 'r', changes: {} });
    put('config/org', { name: 'x' });
    await Promise.all(writes);
  });
}

/** The claims an admin would have set for a fixture staff member, optionally overridden (stale/forged). */
export function claimsOf(uid: string, over: Record<string, unknown> = {}): Record<string, unknown> {
  const s = ALL_STAFF[uid];
  if (!s) throw new Error(`no fixture staff ${uid}`);
  return { role: s.role, dept: s.deptId, branch: s.branchId, ...over };
}

/** Firestore as a signed-in fixture staff member. */
export function as(env: RulesTestEnvironment, uid: string, over: Record<string, unknown> = {}) {
  return env.authenticatedContext(uid, claimsOf(uid, over)).firestore();
}

type Db = ReturnType<typeof as>;

/** A write of each kind against a path, started one at a time by the caller; every one must be denied. */
export function writesTo(db: Db, path: string): Array<[string, () => Promise<unknown>]> {
  return [
    ['create', () => db.doc(`${path}-new`).set({ x: 1 })],
    ['update', () => db.doc(path).update({ x: 2 })],
    ['set', () => db.doc(path).set({ x: 3 })],
    ['delete', () => db.doc(path).delete()],
  ];
}

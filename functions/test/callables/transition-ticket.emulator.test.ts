import { randomUUID } from 'node:crypto';
import { emulatorProject } from '../../../test/support/emulator';
import { authOf, seedOrg } from '../../../test/support/fixtures';
import { ManualClock } from '../../src/domain/clock';
import { useClock } from '../../src/lib/clock';
import { createTicket } from '../../src/callables/create-ticket';
import { transitionTicket } from '../../src/callables/transition-ticket';
import { getTicket } from '../../src/callables/get-ticket';
import { routeNewTicket } from '../../src/store/route-ticket';
import { transitionTicket as engine } from '../../src/store/transition';
import { loadCalendar } from '../../src/store/config';

jest.setTimeout(30_000); // the machine is shared: emulator round trips are slow under load

const { db, fft, cleanup } = emulatorProject('transition');
const file = fft.wrap(createTicket);
const fire = fft.wrap(transitionTicket);
const read = fft.wrap(getTicket);
// Monday 2025-11-17 10:00 in Shanghai: an ordinary working morning.
const clock = new ManualClock(new Date('2025-11-17T02:00:00Z'));
const HOUR = 3_600_000;

const REPORTER = { name: '王女士', phone: '13900000009', email: 'wang@example.com', consentToContact: true };

async function newTicket(data: Record<string, unknown>): Promise<string> {
  const { ticketId } = await file({ data: { requestId: randomUUID(), clientId: 'c-1', channel: 'hotline', ...data }, auth: authOf('u-intake') } as never);
  await routeNewTicket(db, ticketId, clock.now());
  return ticketId;
}

const complaint = (over: Record<string, unknown> = {}) =>
  newTicket({ kind: 'complaint', subject: 'goods_expired', title: '买到过期牛奶', reporter: REPORTER, ...over });

async function act(uid: string, ticketId: string, action: string, fields: Record<string, unknown> = {}) {
  const shown = await db.doc(`tickets/${ticketId}`).get();
  const [state, expectedSeq] = [shown.get('state'), shown.get('lastEventSeq')];
  return fire({ data: { ticketId, action, expectedState: state, expectedSeq, ...fields }, auth: authOf(uid) } as never) as Promise<{ seq: number; state: string; allowedActions: string[] }>;
}

async function events(ticketId: string) {
  const snap = await db.collection(`tickets/${ticketId}/events`).orderBy('seq').get();
  return snap.docs.map((d) => d.data());
}

async function notified(ticketId: string, seq: number): Promise<string[]> {
  const snap = await db.collection('notifications').where('ticketId', '==', ticketId).where('eventSeq', '==', seq).get();
  return snap.docs.map((d) => d.get('uid') as string).sort();
}

async function rejection(p: Promise<unknown>): Promise<{ code: string; message: string; details: Record<string, unknown> }> {
  try {
    await p;
  } catch (e) {
    return e as { code: string; message: string; details: Record<string, unknown> };
  }
  throw new Error('expected a rejection');
}

beforeAll(async () => {
  useClock(clock);
  await seedOrg(db);
});
afterAll(cleanup);

test('happy path of a complaint: accept → resolve → callback satisfied → verify → closed', async () => {
  const id = await complaint();
  expect((await act('u-quality-1', id, 'accept')).state).toBe('in_progress');
  await act('u-quality-1', id, 'submit_resolution', { cause: '货架巡检漏查', measures: '下架同批次商品并退款', prevention: '每日临期检查' });
  expect(await notified(id, 4)).toEqual(['u-quality-head']);
  clock.advance(HOUR);
  const resolved = await act('u-quality-head', id, 'resolve', {});
  expect(resolved.state).toBe('callback'); // signed off → straight to the callback queue, no extra click
  await act('u-intake', id, 'callback', { outcome: 'unreachable', nextTryAt: '2025-11-17T07:00:00Z' });
  const cb = await act('u-intake', id, 'callback', { outcome: 'reached', satisfied: true, score: 5, awareOfChannel: true, comments: '满意' });
  expect(cb.state).toBe('verification');
  // The submitter and the signer worked it: neither may verify.
  for (const resolver of ['u-quality-1', 'u-quality-head']) {
    const e = await rejection(act(resolver, id, 'verify', { evidence: '现场查看' }));
    expect(e.code).toBe('permission-denied');
    expect(e.details).toMatchObject({ reason: 'lifecycle.verifier_worked_on_it' });
  }
  const missing = await rejection(act('u-quality-2', id, 'verify', {}));
  expect(missing.code).toBe('invalid-argument');
  expect(missing.details.fields).toHaveProperty('evidence');
  const closed = await act('u-quality-2', id, 'verify', { evidence: '现场查看：同批次已下架，临期检查记录齐全' });
  expect(closed).toMatchObject({ state: 'closed', seq: 8, allowedActions: ['reopen'] });

  const history = await events(id);
  expect(history.map((e) => [e.type, e.from, e.to])).toEqual([
    ['received', null, 'received'],
    ['assigned', 'received', 'assigned'],
    ['accepted', 'assigned', 'in_progress'],
    ['resolution_submitted', 'in_progress', 'in_progress'],
    ['resolved', 'in_progress', 'callback'],
    ['callback_attempted', 'callback', 'callback'],
    ['callback_satisfied', 'callback', 'verification'],
    ['verified', 'verification', 'closed'],
  ]);
  const ticket = (await db.doc(`tickets/${id}`).get()).data()!;
  expect(ticket.resolution).toMatchObject({ submittedBy: 'u-quality-1', signedOffBy: 'u-quality-head', measures: '下架同批次商品并退款' });
  expect(ticket.verification).toMatchObject({ byUid: 'u-quality-2' });
  expect(ticket.callbackAttempts.map((a: { outcome: string }) => a.outcome)).toEqual(['unreachable', 'reached']);
  expect(ticket.callbackResult).toMatchObject({ satisfied: true, score: 5, awareOfChannel: true });

  // Told: the whole quality dept awaits verification; on close the head, the assignee and the intake agent.
  expect(await notified(id, 7)).toEqual(['u-quality-1', 'u-quality-2', 'u-quality-head']);
  expect(await notified(id, 8)).toEqual(['u-intake', 'u-quality-1', 'u-quality-head']);
  const english = await db.doc(`notifications/${id}_8_u-quality-2`).get();
  expect(english.exists).toBe(false);
  // The complainant consented: a mail and an SMS when resolved (seq 5) and when closed (seq 8).
  for (const seq of [5, 8]) {
    const mail = await db.doc(`mail/${id}_${seq}_reporter`).get();
    expect(mail.get('to')).toBe('wang@example.com');
    const sms = await db.doc(`messages/${id}_${seq}_reporter`).get();
    expect(sms.data()).toEqual({ to: '13900000009', body: expect.stringContaining('HX-') });
  }

  // The detail view tells the web what it may do and shows the record.
  const detail = await read({ data: { ticketId: id }, auth: authOf('u-quality-2') } as never) as unknown as { lifecycle: Record<string, unknown> };
  expect(detail.lifecycle).toMatchObject({ allowedActions: ['reopen'], escalationLevel: 0, verification: { byUid: 'u-quality-2' } });
});

test('20 concurrent accepts with the same expected state: exactly one wins', async () => {
  const id = await complaint({ reporter: undefined });
  const people = ['u-quality-1', 'u-quality-2', 'u-quality-head'];
  const results = await Promise.allSettled(
    Array.from({ length: 20 }, (_, i) =>
      fire({ data: { ticketId: id, action: 'accept', expectedState: 'assigned', expectedSeq: 2 }, auth: authOf(people[i % 3]!) } as never)),
  );
  const won = results.filter((r) => r.status === 'fulfilled');
  const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
  expect(won).toHaveLength(1);
  expect(lost.map((r) => (r.reason as { code: string }).code)).toEqual(Array(19).fill('failed-precondition'));
  expect(lost.every((r) => /changed meanwhile.*now in_progress/.test((r.reason as Error).message))).toBe(true);
  const history = await events(id);
  expect(history.map((e) => e.type)).toEqual(['received', 'assigned', 'accepted']);
  // The ticket carries the winner's change, not a loser's.
  const ticket = (await db.doc(`tickets/${id}`).get()).data()!;
  expect(ticket).toMatchObject({ state: 'in_progress', assigneeUid: history[2]!.actorUid, lastEventSeq: 3 });
  const notes = await db.collection('notifications').where('ticketId', '==', id).where('eventSeq', '==', 3).get();
  expect(notes.size).toBeLessThanOrEqual(1);
});

test('system escalation through the engine, stale level refused', async () => {
  const id = await complaint({ reporter: undefined });
  const r = await engine(db, { ticketId: id, action: 'escalate', actor: 'system', input: { reason: '超时未处理', expectedLevel: 0 }, now: clock.now() });
  expect(r).toMatchObject({ seq: 3, state: 'assigned' });
  expect(r.ticket.escalationLevel).toBe(1);
  const again = await rejection(engine(db, { ticketId: id, action: 'escalate', actor: 'system', input: { reason: '超时未处理', expectedLevel: 0 }, now: clock.now() }));
  expect(again.code).toBe('failed-precondition');
  expect(again.message).toMatch(/level changed meanwhile: now 1/);
  expect(await notified(id, 3)).toEqual(['u-quality-head']);
});

test('reopen path: a dissatisfied callback reopens one level up; a closed complaint reopened reaches leadership', async () => {
  const id = await complaint();
  await act('u-quality-1', id, 'accept');
  await act('u-quality-head', id, 'resolve', { cause: '漏检', measures: '退款' });
  const r1 = await act('u-intake', id, 'callback', { outcome: 'reached', satisfied: false, score: 2, awareOfChannel: true, comments: '仍有过期商品' });
  expect(r1.state).toBe('in_progress');
  // Told: the head, the assignee and the whole quality dept; not leadership at level 1.
  expect(await notified(id, r1.seq)).toEqual(['u-quality-1', 'u-quality-2', 'u-quality-head']);
  const after1 = (await db.doc(`tickets/${id}`).get()).data()!;
  expect(after1).toMatchObject({ escalationLevel: 1, reopenCount: 1, resolution: null, callbackResult: { satisfied: false, score: 2 } });

  await act('u-quality-head', id, 'resolve', { cause: '漏检', measures: '全店排查' });
  await act('u-intake', id, 'callback', { outcome: 'reached', satisfied: true, score: 4, awareOfChannel: true });
  // u-quality-1 accepted it: a handler does not verify; u-quality-2 does.
  await act('u-quality-2', id, 'verify', { evidence: '全店排查记录' });
  const r2 = await act('u-intake', id, 'reopen', { reason: '客户来电：又买到过期商品' });
  expect(r2.state).toBe('in_progress');
  expect(await notified(id, r2.seq)).toEqual(['u-leader', 'u-quality-1', 'u-quality-2', 'u-quality-head']);
  const after2 = (await db.doc(`tickets/${id}`).get()).data()!;
  expect(after2).toMatchObject({ escalationLevel: 2, reopenCount: 2, verification: null });
  const types = (await events(id)).map((e) => e.type);
  expect(types.filter((t) => t === 'reopened')).toHaveLength(2);
});

test('double delivery: the same request twice (same expectedSeq) changes the ticket once', async () => {
  const id = await complaint({ reporter: undefined });
  const seq = (await db.doc(`tickets/${id}`).get()).get('lastEventSeq') as number;
  const req = { data: { ticketId: id, action: 'accept', expectedState: 'assigned', expectedSeq: seq }, auth: authOf('u-quality-1') };
  await fire(req as never);
  const again = await rejection(fire(req as never));
  expect(again.code).toBe('failed-precondition');
  expect(again.details).toMatchObject({ state: 'in_progress', seq: seq + 1 });

  // A callback attempt keeps the state: only expectedSeq tells a repeat from a second attempt.
  await act('u-quality-head', id, 'resolve', { cause: 'c', measures: 'm' });
  const s2 = (await db.doc(`tickets/${id}`).get()).get('lastEventSeq') as number;
  const attempt = { data: { ticketId: id, action: 'callback', expectedState: 'callback', expectedSeq: s2, outcome: 'unreachable' }, auth: authOf('u-intake') };
  await fire(attempt as never);
  expect((await rejection(fire(attempt as never))).code).toBe('failed-precondition');
  expect((await db.doc(`tickets/${id}`).get()).get('callbackAttempts')).toHaveLength(1);
});

test('refusals: wrong state names the allowed actions; wrong person; bad input per field; unknown action', async () => {
  const id = await complaint({ reporter: undefined });
  const wrongState = await rejection(act('u-quality-2', id, 'verify', { evidence: 'x' }));
  expect(wrongState.code).toBe('failed-precondition');
  expect(wrongState.message).toBe('cannot verify a ticket that is assigned; allowed now: accept, transfer, escalate, cancel, mark_major, promise_answer');
  expect(wrongState.details.allowedActions).toEqual(['accept', 'transfer', 'escalate', 'cancel', 'mark_major', 'promise_answer']);
  expect(wrongState.details).toMatchObject({ reason: 'lifecycle.wrong_state', params: { state_zh: '已分派', action_zh: '查验' } });
  expect((await rejection(act('u-business-1', id, 'accept'))).code).toBe('permission-denied');
  expect((await rejection(act('u-auditor', id, 'accept'))).code).toBe('permission-denied');
  const bad = await rejection(act('u-quality-1', id, 'transfer', { toDeptId: 'dept-nowhere', reason: '' }));
  expect(bad.code).toBe('invalid-argument');
  expect(bad.details.fields).toHaveProperty('reason');
  const unknown = await rejection(fire({ data: { ticketId: id, action: 'teleport', expectedState: 'assigned' }, auth: authOf('u-quality-1') } as never));
  expect(unknown.code).toBe('invalid-argument');
  expect((await rejection(fire({ data: { ticketId: id, action: 'accept', expectedState: 'assigned' } } as never))).code).toBe('unauthenticated');
  expect((await events(id)).map((e) => e.type)).toEqual(['received', 'assigned']);
});

test('transfer re-routes keeping the deadline; waiting on the client pauses it; a major complaint announces its report', async () => {
  const id = await complaint({ reporter: undefined, major: true });
  await act('u-quality-1', id, 'accept');
  const dueBefore = ((await db.doc(`tickets/${id}`).get()).get('dueAt')).toDate() as Date;
  clock.advance(HOUR);
  const t = await act('u-quality-1', id, 'transfer', { toDeptId: 'dept-business', reason: '属于经营问题' });
  expect(t.state).toBe('assigned');
  const moved = (await db.doc(`tickets/${id}`).get()).data()!;
  expect(moved.dueAt.toDate()).toEqual(dueBefore); // the transfer moves the ticket, not its deadline
  expect(moved).toMatchObject({ ownerDeptId: 'dept-business', assigneeUid: null, routing: { rule: 'transfer', reason: '属于经营问题' } });
  expect(await notified(id, t.seq)).toEqual(['u-business-1', 'u-business-head', 'u-quality-head']);

  await act('u-business-1', id, 'accept');
  await act('u-business-1', id, 'wait_on_client', { reason: '等客户提供小票' });
  const due = ((await db.doc(`tickets/${id}`).get()).get('dueAt')).toDate() as Date;
  const pausedAt = clock.now();
  clock.advance(2 * HOUR);
  await act('u-business-1', id, 'resume');
  const resumed = (await db.doc(`tickets/${id}`).get()).data()!;
  // The deadline moves by the working time spent waiting (lunch and evenings do not count).
  const cal = await loadCalendar(db);
  const paused = cal.workingTimeBetween(pausedAt, clock.now());
  expect(paused).toBeGreaterThan(0);
  expect(resumed.dueAt.toDate()).toEqual(cal.extendDue(due, paused));
  expect(resumed.pauses).toHaveLength(1);

  const pub = await act('u-quality-2', id, 'publish_corrective_report', { causeAnalysis: '巡检缺失', measures: '建立巡检制度', prevention: '每周抽查' });
  const ann = await db.doc(`announcements/${id}_${pub.seq}`).get();
  expect(ann.data()).toMatchObject({ kind: 'corrective_report', audience: 'all_staff', ticketId: id });
});

import { randomUUID } from 'node:crypto';
/**
 * What the lifecycle engine writes besides the ticket and its event: deferred e-mail and SMS
 * outside working hours, and the audit log of privileged actions (same transaction).
 */
import { emulatorProject } from '../../../test/support/emulator';
import { authOf, seedOrg } from '../../../test/support/fixtures';
import { ManualClock } from '../../src/domain/clock';
import { useClock } from '../../src/lib/clock';
import { createTicket } from '../../src/callables/create-ticket';
import { transitionTicket } from '../../src/callables/transition-ticket';
import { routeNewTicket } from '../../src/store/route-ticket';
import { sweepDeadlines } from '../../src/store/deadlines';
import { transitionTicket as engine } from '../../src/store/transition';

jest.setTimeout(30_000);
const { db, fft, cleanup } = emulatorProject('transition-effects');
const file = fft.wrap(createTicket);
const fire = fft.wrap(transitionTicket);
/** A Beijing-time instant. */
const at = (s: string): Date => new Date(`${s.replace(' ', 'T')}:00+08:00`);
const clock = new ManualClock(at('2025-11-17 10:00')); // Monday, a working morning
const TUESDAY_OPENING = at('2025-11-18 08:30');

const REPORTER = { name: '王女士', phone: '13900000009', email: 'wang@example.com', consentToContact: true };

async function newTicket(data: Record<string, unknown>, when = at('2025-11-17 10:00')): Promise<string> {
  clock.set(when);
  const { ticketId } = await file({ data: { requestId: randomUUID(), clientId: 'c-1', channel: 'hotline', ...data }, auth: authOf('u-intake') } as never);
  await routeNewTicket(db, ticketId, when);
  return ticketId;
}

const complaint = (over: Record<string, unknown> = {}) =>
  newTicket({ kind: 'complaint', subject: 'goods_expired', title: '买到过期牛奶', ...over });

async function act(uid: string, ticketId: string, action: string, fields: Record<string, unknown> = {}) {
  const shown = await db.doc(`tickets/${ticketId}`).get();
  const [state, expectedSeq] = [shown.get('state'), shown.get('lastEventSeq')];
  return fire({ data: { ticketId, action, expectedState: state, expectedSeq, ...fields }, auth: authOf(uid) } as never) as Promise<{ seq: number; state: string }>;
}

async function refused(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    return (e as { code: string }).code;
  }
  throw new Error('expected a refusal');
}

const exists = async (path: string) => (await db.doc(path).get()).exists;

async function auditOf(ticketId: string) {
  const snap = await db.collection('auditLog').get();
  return snap.docs.map((d) => d.data()).filter((e) => e.target.type === 'ticket' && e.target.id === ticketId)
    .sort((a, b) => a.at.toMillis() - b.at.toMillis());
}

beforeAll(async () => {
  useClock(clock);
  await seedOrg(db);
});
afterAll(cleanup);

describe('deferred delivery outside working hours', () => {
  test('a transition after hours: notification at once with deliverAt; no mail until the sweeper runs at/after deliverAt, then exactly one', async () => {
    const id = await complaint();
    clock.set(at('2025-11-17 19:00'));
    const { seq } = await act('u-quality-1', id, 'accept'); // tells the head
    const note = await db.doc(`notifications/${id}_${seq}_u-quality-head`).get();
    expect(note.exists).toBe(true);
    expect(note.get('deliverAt').toDate()).toEqual(TUESDAY_OPENING);
    const mailId = `mail/${id}_${seq}_u-quality-head`;
    expect(await exists(mailId)).toBe(false);
    expect((await db.doc(`deferredMail/${id}_${seq}_u-quality-head`).get()).get('deliverAt').toDate()).toEqual(TUESDAY_OPENING);

    await sweepDeadlines(db, at('2025-11-17 23:00'));
    await sweepDeadlines(db, at('2025-11-18 08:29'));
    expect(await exists(mailId)).toBe(false);

    const swept = await sweepDeadlines(db, TUESDAY_OPENING);
    expect(swept.mailsDelivered).toBeGreaterThanOrEqual(1);
    await sweepDeadlines(db, at('2025-11-18 08:35'));
    const mails = (await db.collection('mail').get()).docs.filter((d) => d.id.startsWith(`${id}_${seq}_`));
    expect(mails.map((d) => d.id)).toEqual([`${id}_${seq}_u-quality-head`]);
    expect(mails[0]!.get('to')).toBe('quality.head.wang@example.com');
    expect(await exists(`deferredMail/${id}_${seq}_u-quality-head`)).toBe(false);
    expect((await db.doc(`notifications/${id}_${seq}_u-quality-head`).get()).get('deliverAt')).toBeNull();
  });

  test('the same transition in working hours mails at once', async () => {
    const id = await complaint();
    clock.set(at('2025-11-18 10:00'));
    const { seq } = await act('u-quality-1', id, 'accept');
    expect(await exists(`mail/${id}_${seq}_u-quality-head`)).toBe(true);
    expect((await db.doc(`notifications/${id}_${seq}_u-quality-head`).get()).get('deliverAt')).toBeNull();
  });

  test('a leadership alert on a major complaint after hours is mailed at once; the rest of the audience waits', async () => {
    const major = await complaint({ major: true, title: '重大投诉：食品安全' });
    const ordinary = await complaint({ title: '价格不符' });
    const night = at('2025-11-17 22:00');
    for (const id of [major, ordinary]) {
      await engine(db, { ticketId: id, action: 'escalate', actor: 'system', input: { reason: '逾期', expectedLevel: 0 }, now: night });
      const top = await engine(db, { ticketId: id, action: 'escalate', actor: 'system', input: { reason: '逾期', expectedLevel: 1 }, now: night });
      expect(top.ticket.escalationLevel).toBe(2);
    }
    // Major: leadership at once, the department head in the morning.
    expect(await exists(`mail/${major}_4_u-leader`)).toBe(true);
    expect((await db.doc(`notifications/${major}_4_u-leader`).get()).get('deliverAt')).toBeNull();
    expect(await exists(`deferredMail/${major}_4_u-leader`)).toBe(false);
    expect(await exists(`mail/${major}_4_u-quality-head`)).toBe(false);
    expect(await exists(`deferredMail/${major}_4_u-quality-head`)).toBe(true);
    // Not major: leadership waits too.
    expect(await exists(`mail/${ordinary}_4_u-leader`)).toBe(false);
    expect((await db.doc(`deferredMail/${ordinary}_4_u-leader`).get()).get('deliverAt').toDate()).toEqual(TUESDAY_OPENING);
  });

  test('the complainant: e-mail at any hour, the SMS held until the next working instant', async () => {
    const id = await complaint({ reporter: REPORTER });
    await act('u-quality-1', id, 'accept');
    clock.set(at('2025-11-17 21:00'));
    const { seq } = await act('u-quality-head', id, 'resolve', { cause: '漏检', measures: '退款并下架' });
    const ref = `${id}_${seq}_reporter`;
    expect((await db.doc(`mail/${ref}`).get()).get('to')).toBe('wang@example.com');
    expect(await exists(`messages/${ref}`)).toBe(false);
    const held = await db.doc(`deferredMessages/${ref}`).get();
    expect(held.get('deliverAt').toDate()).toEqual(TUESDAY_OPENING);
    expect(held.get('ticketId')).toBe(id);

    await sweepDeadlines(db, at('2025-11-18 08:00'));
    expect(await exists(`messages/${ref}`)).toBe(false);
    const swept = await sweepDeadlines(db, TUESDAY_OPENING);
    expect(swept.messagesDelivered).toBeGreaterThanOrEqual(1);
    await sweepDeadlines(db, at('2025-11-18 09:00'));
    expect((await db.doc(`messages/${ref}`).get()).data()).toEqual({ to: '13900000009', body: expect.stringContaining('HX-') });
    expect(await exists(`deferredMessages/${ref}`)).toBe(false);
  });
});

describe('audit log of privileged lifecycle actions', () => {
  test('reassignment, transfer and cancellation: one entry each with actor, reason and changes', async () => {
    const id = await complaint();
    clock.set(at('2025-11-19 10:00'));
    await act('u-quality-1', id, 'accept');
    expect(await auditOf(id)).toEqual([]);

    clock.set(at('2025-11-19 10:10'));
    await act('u-quality-head', id, 'assign', { assigneeUid: 'u-quality-2', note: '人手调整' });
    clock.set(at('2025-11-19 10:20'));
    await act('u-quality-2', id, 'transfer', { toDeptId: 'dept-business', reason: '属于经营问题' });
    clock.set(at('2025-11-19 10:30'));
    // (malicious would need the head of quality or leadership: issue 9 point 14)
    await act('u-business-head', id, 'cancel', { reason: 'duplicate', duplicateOf: 'another-ticket', note: '核实无此事' });

    const log = await auditOf(id);
    expect(log.map((e) => [e.action, e.actorUid, e.actorRole])).toEqual([
      ['ticket_assigned', 'u-quality-head', 'head'],
      ['ticket_transferred', 'u-quality-2', 'quality'],
      ['ticket_cancelled', 'u-business-head', 'head'],
    ]);
    expect(log[0]).toMatchObject({
      actorName: 'Quality Head Wang', reason: expect.stringContaining('人手调整'),
      changes: { assigneeUid: { from: 'u-quality-1', to: 'u-quality-2' } },
    });
    expect(log[0]!.at.toDate()).toEqual(at('2025-11-19 10:10'));
    expect(log[1]).toMatchObject({
      reason: expect.stringContaining('属于经营问题'),
      changes: { ownerDeptId: { from: 'dept-quality', to: 'dept-business' }, state: { from: 'in_progress', to: 'assigned' } },
    });
    expect(log[1]!.changes).not.toHaveProperty('escalationLevel'); // a transfer keeps the escalation level
    expect(log[2]).toMatchObject({ reason: expect.stringContaining('核实无此事'), changes: { state: { from: 'assigned', to: 'cancelled' } } });
  });

  test('closing (verify, close) and reopening are audited; ordinary steps are not', async () => {
    const c = await complaint();
    clock.set(at('2025-11-20 10:00'));
    await act('u-quality-1', c, 'accept');
    await act('u-quality-head', c, 'resolve', { cause: '漏检', measures: '退款' });
    await act('u-intake', c, 'callback', { outcome: 'reached', satisfied: true, score: 5, awareOfChannel: true });
    expect(await auditOf(c)).toEqual([]);
    clock.set(at('2025-11-20 10:30'));
    await act('u-quality-2', c, 'verify', { evidence: '现场查看：已下架' });
    clock.set(at('2025-11-20 11:00'));
    await act('u-intake', c, 'reopen', { reason: '客户来电：又买到过期商品' });
    const log = await auditOf(c);
    expect(log.map((e) => [e.action, e.actorUid])).toEqual([['ticket_verified', 'u-quality-2'], ['ticket_reopened', 'u-intake']]);
    expect(log[0]).toMatchObject({ reason: expect.stringContaining('现场查看：已下架'), changes: { state: { from: 'verification', to: 'closed' } } });
    expect(log[1]).toMatchObject({
      reason: expect.stringContaining('又买到过期商品'),
      changes: { state: { from: 'closed', to: 'in_progress' }, escalationLevel: { from: 0, to: 1 } },
    });

    // An inquiry closed without a note: the reason is generated.
    const q = await newTicket({ kind: 'inquiry', title: '配送时间咨询' }, at('2025-11-20 10:00'));
    await act('u-business-1', q, 'accept');
    await act('u-business-head', q, 'resolve', { cause: '咨询', measures: '已答复' });
    await act('u-business-1', q, 'close');
    const closed = await auditOf(q);
    expect(closed).toHaveLength(1);
    expect(closed[0]).toMatchObject({ action: 'ticket_closed', actorUid: 'u-business-1', changes: { state: { from: 'callback', to: 'closed' } } });
    expect(closed[0]!.reason).toMatch(/^关闭：HX-.*callback → closed/);
  });

  test('a refused transition writes no audit entry', async () => {
    const id = await complaint();
    clock.set(at('2025-11-21 10:00'));
    await act('u-quality-1', id, 'accept');
    expect(await refused(act('u-quality-head', id, 'assign', { assigneeUid: 'u-business-1' }))).toBe('invalid-argument');
    expect(await refused(act('u-business-1', id, 'transfer', { toDeptId: 'dept-business', reason: '试试' }))).toBe('permission-denied');
    expect(await refused(act('u-quality-1', id, 'reopen', { reason: '不行' }))).toBe('failed-precondition');
    expect(await refused(act('u-intake', id, 'cancel', { reason: 'malicious', note: 'x' }))).toBe('permission-denied');
    expect(await auditOf(id)).toEqual([]);
    expect((await db.collection(`tickets/${id}/events`).get()).size).toBe(3);
  });
});

test('reopen at leadership level stays at level 2', async () => {
  const id = await complaint();
  const now = at('2025-11-24 10:00');
  clock.set(now);
  await engine(db, { ticketId: id, action: 'escalate', actor: 'system', input: { reason: '逾期', expectedLevel: 0 }, now });
  await engine(db, { ticketId: id, action: 'escalate', actor: 'system', input: { reason: '逾期', expectedLevel: 1 }, now });
  await act('u-quality-1', id, 'accept');
  await act('u-quality-head', id, 'resolve', { cause: '漏检', measures: '退款' });
  const r = await act('u-intake', id, 'callback', { outcome: 'reached', satisfied: false, score: 1, awareOfChannel: true, comments: '不满意' });
  expect(r.state).toBe('in_progress');
  expect((await db.doc(`tickets/${id}`).get()).data()).toMatchObject({ escalationLevel: 2, reopenCount: 1 });
  expect((await db.doc(`notifications/${id}_${r.seq}_u-leader`).get()).exists).toBe(true);
});

/**
 * Issue 9 point 7 — on-site feedback is the on-site staff's until the close of that working day
 * ([000]); still open then, it goes to the business department automatically, with an event and
 * a notification. A promised answer date is tracked the same way. Injected clock throughout.
 */
import { seedOrgWithExtras } from '../../../test/support/fixtures';
import { checkDeadline } from '../../src/store/deadlines';
import { at, deadlinesHarness } from './harness';

jest.setTimeout(60_000);
const h = deadlinesHarness('deadlines-onsite', at('2025-11-17 10:00'));
beforeAll(() => seedOrgWithExtras(h.db));
afterAll(h.cleanup);

const onsiteFeedback = { clientId: 'c-3', kind: 'complaint', subject: 'goods_expired', channel: 'onsite', title: '货架商品过期' };

test('not handled by the close of the day: handed to the business department once, with an event naming who was told', async () => {
  const id = await h.file('u-onsite', '2025-11-17 10:00', onsiteFeedback);
  let t = await h.ticket(id);
  expect(t).toMatchObject({ state: 'assigned', ownerDeptId: 'dept-onsite', assigneeUid: 'u-onsite', routing: { rule: 'onsite' } });
  expect(t.dueAt.toDate()).toEqual(at('2025-11-17 17:30')); // the close of that working day
  const due = h.timers.find((x) => x.ticketId === id && x.kind === 'due')!;

  await h.act(id, '2025-11-17 10:05', 'u-onsite', 'accept');
  expect(await checkDeadline(h.db, id, at('2025-11-17 17:30'), at('2025-11-17 17:30'))).toEqual({ outcome: 'warned' }); // not yet
  // the timer fires after the close, twice
  await h.task('2025-11-17 17:31', due);
  await h.task('2025-11-17 17:31', due);
  t = await h.ticket(id);
  expect(t).toMatchObject({ state: 'assigned', ownerDeptId: 'dept-business', assigneeUid: null, escalationLevel: 0, routing: { rule: 'onsite_handoff' } });
  // the complaint's clock is kept (due next working day 10:00, counted from receipt) but the
  // business department gets at least two working hours from the hand-off: 08:30 + 2 h
  expect(t.dueAt.toDate()).toEqual(at('2025-11-18 10:30'));
  const handed = (await h.events(id)).filter((e) => e.type === 'handed_to_business');
  expect(handed).toHaveLength(1);
  expect(handed[0]!.note).toContain('Business Head Sun');
  expect(handed[0]!.note).toContain('Business Zhou');
  expect(await h.told(id, 'handed_to_business')).toEqual(['u-business-1', 'u-business-head', 'u-onsite']);
  // the sweeper meets it later: the business department's deadline, no second hand-off
  await h.sweep('2025-11-17 17:40');
  expect((await h.events(id)).filter((e) => e.type === 'handed_to_business')).toHaveLength(1);
});

test('handled in time (passed on by the on-site staff themselves): nothing happens at the close', async () => {
  const id = await h.file('u-onsite', '2025-11-17 11:00', { ...onsiteFeedback, title: '价签错误' });
  const due = h.timers.find((x) => x.ticketId === id && x.kind === 'due')!;
  await h.act(id, '2025-11-17 11:10', 'u-onsite', 'transfer', { toDeptId: 'dept-business', reason: '需要营销部处理价签' });
  await h.task('2025-11-17 17:31', due);
  expect((await h.events(id)).map((e) => e.type)).not.toContain('handed_to_business');
});

test('hotline feedback is not on-site feedback: routed by the rules, escalated (not handed off) when late', async () => {
  const id = await h.file('u-intake', '2025-11-17 09:00', {});
  expect((await h.ticket(id)).routing.rule).not.toBe('onsite');
});

test('a promised answer date: the owner is reminded before it, owner, head and intake are told when it passes; once each', async () => {
  const id = await h.file('u-intake', '2025-11-18 09:00', { title: '答复日期' });
  await h.act(id, '2025-11-18 09:30', 'u-quality-1', 'accept');
  await h.act(id, '2025-11-18 09:40', 'u-quality-1', 'promise_answer', { promisedAt: at('2025-11-20 16:00').toISOString(), note: '周四前答复客户' });
  const t = await h.ticket(id);
  expect(t.promisedAt.toDate()).toEqual(at('2025-11-20 16:00'));
  expect((await h.events(id)).map((e) => e.type)).toContain('answer_promised');
  const reminder = h.timers.find((x) => x.ticketId === id && x.key?.startsWith('promise-remind'))!;
  expect(reminder.runAt).toEqual(at('2025-11-20 14:00'));
  await h.task('2025-11-20 14:00', reminder);
  await h.task('2025-11-20 14:00', reminder);
  expect(await h.told(id, 'promise_reminder')).toEqual(['u-quality-1']);
  await h.sweep('2025-11-20 16:01');
  await h.sweep('2025-11-20 16:02');
  expect(await h.told(id, 'promise_due')).toEqual(['u-intake', 'u-quality-1', 'u-quality-head']);
});

/**
 * Issue 9 point 6 — deadlines after resolution, with the injected clock: the callback is due one
 * working day after sign-off, an unreachable attempt's next try is acted on (a reminder at that
 * time), the third failed attempt tells quality, verification has its own deadline; every timer,
 * trigger and sweep delivered twice changes nothing the second time.
 */
import { seedOrg } from '../../../test/support/fixtures';
import { at, deadlinesHarness } from './harness';

jest.setTimeout(60_000);
const h = deadlinesHarness('deadlines-after-resolution', at('2025-11-17 09:00'));
beforeAll(() => seedOrg(h.db));
afterAll(h.cleanup);

test('callback due, next tries, failed attempts, verification: each acted on once', async () => {
  const id = await h.file('u-intake', '2025-11-17 09:00', {});
  await h.act(id, '2025-11-17 09:30', 'u-quality-1', 'accept');
  await h.act(id, '2025-11-17 15:00', 'u-quality-head', 'resolve', { cause: '批次过期', measures: '下架并赔付' });
  let t = await h.ticket(id);
  expect(t.state).toBe('callback');
  // the callback is due one working day after the sign-off; the sweeper's index points there
  expect(t.nextFollowUpAt.toDate()).toEqual(at('2025-11-18 15:00'));
  expect(h.timers.map((x) => x.name)).toContain(`${id}-fu-callback-${at('2025-11-17 15:00').getTime()}`);

  // an unreachable attempt with a next try: a reminder to the caller at exactly that time
  await h.act(id, '2025-11-18 09:00', 'u-intake', 'callback', { outcome: 'unreachable', nextTryAt: at('2025-11-18 14:00').toISOString() });
  const retry = h.timers.find((x) => x.key === 'retry-1')!;
  expect(retry.runAt).toEqual(at('2025-11-18 14:00'));
  await h.task('2025-11-18 13:59', retry); // early (the Tasks emulator ignores scheduleTime): nothing
  expect(await h.told(id, 'callback_retry')).toEqual([]);
  await h.task('2025-11-18 14:00', retry);
  await h.task('2025-11-18 14:00', retry); // delivered twice
  expect(await h.told(id, 'callback_retry')).toEqual(['u-intake']);

  // the callback deadline passes: the intake agent, the customer-service centre (no head: its
  // members) and quality's head are told, once, whoever runs first
  await h.sweep('2025-11-18 15:01');
  await h.sweep('2025-11-18 15:02');
  await h.task('2025-11-18 15:02', h.timers.find((x) => x.key?.startsWith('callback-'))!);
  expect(await h.told(id, 'callback_due')).toEqual(['u-intake', 'u-quality-head']);
  const marker = await h.db.doc(`followUps/${id}_callback-${at('2025-11-17 15:00').getTime()}`).get();
  expect(marker.get('notified').map((n: { name: string }) => n.name).sort()).toEqual(['Intake Li', 'Quality Head Wang']);

  // two more failed attempts: the third tells quality (head and department), once
  await h.act(id, '2025-11-18 16:00', 'u-intake', 'callback', { outcome: 'refused' });
  expect(await h.told(id, 'callback_failures')).toEqual([]);
  await h.act(id, '2025-11-19 09:00', 'u-intake', 'callback', { outcome: 'unreachable' });
  await h.written(id, 2); // the trigger redelivered
  expect(await h.told(id, 'callback_failures')).toEqual(['u-quality-1', 'u-quality-2', 'u-quality-head']);
  // without a named next try the caller is reminded two working hours later
  expect(h.timers.find((x) => x.key === 'retry-3')!.runAt).toEqual(at('2025-11-19 11:00'));

  // reached and satisfied → verification, due two working days later; overdue → quality told once
  await h.act(id, '2025-11-19 10:00', 'u-intake', 'callback', { outcome: 'reached', satisfied: true, score: 5, awareOfChannel: true });
  t = await h.ticket(id);
  expect(t.state).toBe('verification');
  expect(t.nextFollowUpAt.toDate()).toEqual(at('2025-11-21 10:00'));
  await h.sweep('2025-11-21 10:01');
  await h.sweep('2025-11-21 10:05');
  expect(await h.told(id, 'verification_due')).toEqual(['u-quality-1', 'u-quality-2', 'u-quality-head']);
  expect(await h.told(id, 'callback_retry')).toEqual(['u-intake']); // stale retries stay silent
  expect((await h.ticket(id)).nextFollowUpAt.toDate()).toEqual(at('2025-11-25 10:00')); // leadership next

  // verified → closed: nothing is owed any more
  await h.act(id, '2025-11-21 11:00', 'u-quality-2', 'verify', { evidence: '现场查看已整改' });
  expect((await h.ticket(id)).nextFollowUpAt).toBeNull();
  await h.sweep('2025-11-26 10:00');
  expect(await h.told(id, 'verification_leadership')).toEqual([]);
});

/**
 * Issue 9 point 9 — escalation reaches someone: a department without an active head notifies the
 * department and the next level and the event names them; warnings go once per deadline, not
 * again after a pause/resume; a routing failure falls back to the customer-service centre with the
 * reason and tells admins; the sweeper routes tickets stuck in `received`. Injected clock.
 */
import { seedOrgWithExtras, tokenOf } from '../../../test/support/fixtures';
import { createTicket } from '../../src/callables/create-ticket';
import { checkDeadline } from '../../src/store/deadlines';
import { routeNewTicket } from '../../src/store/route-ticket';
import { at, deadlinesHarness } from './harness';

jest.setTimeout(60_000);
const h = deadlinesHarness('deadlines-escalation', at('2025-11-17 09:00'));
beforeAll(() => seedOrgWithExtras(h.db));
afterAll(h.cleanup);

test('warned once per deadline: a pause and resume move the deadline but warn nobody again', async () => {
  const id = await h.file('u-intake', '2025-11-17 09:00', { title: '等待客户' });
  await h.act(id, '2025-11-17 09:30', 'u-quality-1', 'accept');
  expect(await checkDeadline(h.db, id, at('2025-11-17 17:00'))).toEqual({ outcome: 'warned' });
  await h.act(id, '2025-11-17 17:05', 'u-quality-1', 'wait_on_client', { reason: '等客户提供小票' });
  await h.act(id, '2025-11-18 10:00', 'u-quality-1', 'resume');
  // waited 25 + 90 working minutes: the deadline moved from 09:00 to 10:55 — still the same deadline
  expect((await h.ticket(id)).dueAt.toDate()).toEqual(at('2025-11-18 10:55'));
  expect(await checkDeadline(h.db, id, at('2025-11-18 10:30'))).toEqual({ outcome: 'already-warned' });
  const warn = h.timers.filter((x) => x.ticketId === id && x.kind === 'warn').pop()!;
  await h.task('2025-11-18 10:30', warn);
  expect(await h.told(id, 'deadline_warning')).toEqual(['u-quality-1']);
  // escalated (a new deadline at level 1): that one is warned again, once
  expect((await checkDeadline(h.db, id, at('2025-11-18 10:56'))).outcome).toBe('escalated');
  expect(await checkDeadline(h.db, id, at('2025-11-19 10:00'))).toEqual({ outcome: 'warned' });
  expect(await checkDeadline(h.db, id, at('2025-11-19 10:10'))).toEqual({ outcome: 'already-warned' });
});

test('a routing failure falls back to the customer-service centre with the reason and tells the admins once', async () => {
  await h.db.doc('branches/br-island').set({ name: '海岛办事处', level: 'office', parentId: null });
  await h.db.doc('clients/c-island').set({
    name: '海岛小卖部', code: 'HD-001', branchId: 'br-island', tier: 'C', marketType: 'X', format: 'grocery', scale: 3, zone: 'rural',
    address: '', contactName: '', contactPhone: '', accountManagerUid: null,
  });
  const id = await h.file('u-intake', '2025-11-17 10:00', { clientId: 'c-island', title: '无人分派' });
  expect(await routeNewTicket(h.db, id, at('2025-11-17 10:01'))).toBe('already-routed');
  const t = await h.ticket(id);
  expect(t).toMatchObject({ state: 'assigned', ownerDeptId: 'dept-cs', routing: { rule: 'routing_failed' } });
  expect(t.routing.reason).toContain('br-island');
  expect(t.dueAt).not.toBeNull();
  expect(await h.told(id, 'routing_failed')).toEqual(['u-admin']);
});

test('the sweeper routes a ticket left in `received` (its trigger was lost), once', async () => {
  h.clk.set(at('2025-11-17 11:00'));
  const wrapped = h.fft.wrap(createTicket);
  const { ticketId } = (await wrapped({ data: { requestId: 'stuck-received', clientId: 'c-1', kind: 'suggestion', channel: 'hotline', title: '建议延长营业时间' }, auth: tokenOf('u-intake') } as never)) as { ticketId: string };
  await h.sweep('2025-11-17 11:05'); // not stuck yet (10 minutes)
  expect((await h.ticket(ticketId)).state).toBe('received');
  await h.sweep('2025-11-17 11:11');
  await h.sweep('2025-11-17 11:12');
  expect((await h.ticket(ticketId)).state).toBe('assigned');
  expect((await h.events(ticketId)).map((e) => e.type)).toEqual(['received', 'assigned']);
});

test('a department without an active head: its members and leadership are told, and the event names them', async () => {
  await h.db.doc('staff/u-quality-head').update({ disabled: true });
  try {
    const id = await h.file('u-intake', '2025-11-20 09:00', { title: '负责人休假' });
    const r = await checkDeadline(h.db, id, at('2025-11-21 09:01'));
    expect(r.outcome).toBe('escalated');
    expect([...r.notified!].sort()).toEqual(['Leader Zheng', 'Quality Qian', 'Quality Zhao']);
    expect(await checkDeadline(h.db, id, at('2025-11-21 09:02'))).toMatchObject({ outcome: 'not-due' });
    const escalated = (await h.events(id)).filter((e) => e.type === 'escalated');
    expect(escalated).toHaveLength(1);
    expect(escalated[0]!.note).toMatch(/Quality Zhao.*|Quality Qian/);
    expect(escalated[0]!.note).toContain('Leader Zheng');
    expect(await h.told(id, 'escalated')).toEqual(['u-leader', 'u-quality-1', 'u-quality-2']);
  } finally {
    await h.db.doc('staff/u-quality-head').update({ disabled: false });
  }
});

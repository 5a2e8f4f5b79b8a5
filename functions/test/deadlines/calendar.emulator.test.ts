/**
 * Issue 9 point 2 — calendars past the published years, with the injected clock: statutory
 * provisional holidays, deadlines flagged provisional, the calendar screen's callables (pasted
 * notice, audited, strict), the November reminder (once per admin), coverage following the
 * clock, and a sweep that meets an uncovered instant records it on that ticket and carries on.
 */
import { seedOrgWithExtras, tokenOf } from '../../../test/support/fixtures';
import { adminSaveCalendar } from '../../src/callables/deadlines/admin-save-calendar';
import { getCalendar } from '../../src/callables/deadlines/get-calendar';
import { listNotifications } from '../../src/callables/list-notifications';
import type { NotificationView } from '../../src/domain/api';
import { remindProvisionalCalendar } from '../../src/store/deadlines/calendar';
import { at, deadlinesHarness } from './harness';

jest.setTimeout(60_000);
const h = deadlinesHarness('deadlines-calendar', at('2026-10-31 09:00'));
const get = h.fft.wrap(getCalendar);
const save = h.fft.wrap(adminSaveCalendar);
beforeAll(() => seedOrgWithExtras(h.db));
afterAll(h.cleanup);

type Day = { date: string; holiday: boolean; working: boolean; name: string | null };

test('a year without a published schedule holds the statutory holidays, provisional; deadlines over it are flagged', async () => {
  const y2027 = (await get({ data: { year: 2027 }, auth: tokenOf('u-intake') } as never)) as { provisional: boolean; source: string; days: Day[] };
  expect(y2027).toMatchObject({ provisional: true, source: 'statutory' });
  expect(y2027.days.find((d) => d.date === '2027-02-06')).toMatchObject({ holiday: true, working: false, name: '春节' });
  expect(y2027.days.find((d) => d.date === '2027-10-01')).toMatchObject({ holiday: true, name: '国庆节' });

  // filed on the last working day of 2026: due after New Year's Day 2027 (a statutory holiday), flagged
  const id = await h.file('u-intake', '2026-12-31 16:00', {});
  const t = await h.ticket(id);
  expect(t.dueAt.toDate()).toEqual(at('2027-01-04 16:00'));
  expect(t.dueAtProvisional).toBe(true);
  const early = await h.file('u-intake', '2026-12-01 10:00', {});
  expect((await h.ticket(early)).dueAtProvisional).toBe(false);
});

test('from 1 November admins are told next year is provisional: once per admin, not before', async () => {
  expect(await remindProvisionalCalendar(h.db, at('2026-10-31 09:00'))).toBe(0);
  expect(await remindProvisionalCalendar(h.db, at('2026-11-01 09:00'))).toBe(1);
  expect(await remindProvisionalCalendar(h.db, at('2026-11-02 09:00'))).toBe(0);
  const notes = await h.db.collection('notifications').where('type', '==', 'calendar_provisional').get();
  expect(notes.docs.map((d) => d.get('uid'))).toEqual(['u-admin']);
  // In the inbox it links to the year it is about, not to a ticket.
  const inbox = (await h.fft.wrap(listNotifications)({ data: { limit: 10 }, auth: tokenOf('u-admin') } as never)) as { notifications: NotificationView[] };
  expect(inbox.notifications.find((n) => n.type === 'calendar_provisional')?.target.path).toBe('/admin/calendar?year=2027');
});

test('adminSaveCalendar: admins only, strict, the official notice pasted; audited; the year is no longer provisional', async () => {
  const notice = { year: 2027, holidays: '1月1日至1月3日\n2月5日至2月11日、4月5日', makeupDays: '2月20日', reason: '国务院办公厅通知' };
  await expect(save({ data: notice, auth: tokenOf('u-quality-head') } as never)).rejects.toMatchObject({ code: 'permission-denied' });
  await expect(save({ data: { ...notice, holidays: '2月5日 bogus' }, auth: tokenOf('u-admin') } as never))
    .rejects.toMatchObject({ code: 'invalid-argument', details: { fields: { holidays: expect.stringContaining('bogus') } } });
  await expect(save({ data: { ...notice, makeupDays: '2月22日' }, auth: tokenOf('u-admin') } as never)) // a Monday
    .rejects.toMatchObject({ code: 'invalid-argument', details: { fields: { makeupDays: expect.any(String) } } });
  await expect(save({ data: { ...notice, extra: 1 }, auth: tokenOf('u-admin') } as never)).rejects.toMatchObject({ code: 'invalid-argument' });
  expect((await h.db.doc('config/calendar').get()).exists).toBe(false); // nothing written

  const saved = (await save({ data: notice, auth: tokenOf('u-admin') } as never)) as { provisional: boolean; source: string; days: Day[] };
  expect(saved).toMatchObject({ provisional: false, source: 'saved' });
  expect(saved.days.find((d) => d.date === '2027-02-20')).toMatchObject({ working: true });
  expect(saved.days.find((d) => d.date === '2027-10-01')).toMatchObject({ holiday: false, working: true });
  const audit = await h.db.collection('auditLog').where('action', '==', 'calendar_saved').get();
  expect(audit.docs.map((d) => [d.get('actorUid'), d.get('reason'), d.get('target')])).toEqual([['u-admin', '国务院办公厅通知', { type: 'config', id: 'calendar/2027' }]]);

  // deadlines now count the published days: filed Thu 4 Feb 2027 16:00, 5–11 Feb off → due Fri 12 Feb 16:00
  const id = await h.file('u-intake', '2027-02-04 16:00', {});
  const t = await h.ticket(id);
  expect(t.dueAt.toDate()).toEqual(at('2027-02-12 16:00'));
  expect(t.dueAtProvisional).toBe(false);
  expect(await remindProvisionalCalendar(h.db, at('2026-11-20 09:00'))).toBe(0); // 2027 is published now
});

test('coverage follows the injected clock: a complaint filed in 2033 gets a deadline (statutory, flagged)', async () => {
  const id = await h.file('u-intake', '2033-05-10 10:00', {});
  const t = await h.ticket(id);
  expect(t.dueAt.toDate()).toEqual(at('2033-05-11 10:00'));
  expect(t.dueAtProvisional).toBe(true);
});

test('a sweep that meets an instant outside the calendar records it on that ticket and carries on with the others', async () => {
  const late = await h.file('u-intake', '2033-06-01 09:00', { title: '正常逾期' });
  const base = await h.ticket(late);
  // a ticket imported from an old system, awaiting its callback since 2015: its callback deadline
  // lies years before anything the calendar covers
  const signed = at('2015-03-02 15:00');
  await h.db.doc('tickets/legacy-1').set({
    ...base, number: 'HX-OLD-1', state: 'callback', receivedAt: at('2015-03-02 09:00'), dueAt: at('2015-03-03 09:00'), updatedAt: signed,
    resolution: { cause: 'c', measures: 'm', prevention: '', submittedBy: 'u-quality-1', submittedByName: 'Quality Zhao', submittedAt: signed, signedOffBy: 'u-quality-head', signedOffByName: 'Quality Head Wang', signedOffAt: signed },
    nextFollowUpAt: at('2015-03-03 15:00'),
  });
  const overdue = new Date(base.dueAt.toDate().getTime() + 60_000);
  h.clk.set(overdue);
  await h.sweep(new Date(overdue.getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' '));
  const legacy = await h.ticket('legacy-1');
  expect(legacy.deadlineProblem).toMatchObject({ code: 'calendar_range' });
  expect(legacy.deadlineProblem.message).toContain('outside the working calendar');
  expect((await h.ticket(late)).escalationLevel).toBe(1); // the other ticket was escalated in the same sweep
  await h.sweep(new Date(overdue.getTime() + 8 * 3_600_000 + 60_000).toISOString().slice(0, 16).replace('T', ' '));
  expect(await h.told('legacy-1', 'deadline_problem')).toEqual(['u-admin']); // told once
});

test('routing that meets an uncovered instant routes the ticket anyway, without a deadline, and records why', async () => {
  const base = await h.ticket(await h.file('u-intake', '2033-06-06 10:00', { title: '模板' }));
  // imported still `received`, received in 2015: the sweeper routes it (stuck in received)
  await h.db.doc('tickets/legacy-2').set({
    ...base, number: 'HX-OLD-2', state: 'received', ownerDeptId: null, routing: null, dueAt: null, assigneeUid: null,
    receivedAt: at('2015-03-02 09:00'), updatedAt: at('2015-03-02 09:00'), lastEventSeq: 1, nextFollowUpAt: null, dueAtProvisional: false,
  });
  await h.db.doc('tickets/legacy-2/events/000001').set({ seq: 1, type: 'received', at: at('2015-03-02 09:00'), actorUid: 'u-intake', actorName: 'x', from: null, to: 'received', changes: {}, note: '' });
  await h.sweep('2033-06-06 10:30');
  const t = await h.ticket('legacy-2');
  expect(t).toMatchObject({ state: 'assigned', ownerDeptId: 'dept-quality', dueAt: null, deadlineProblem: { code: 'calendar_range' } });
  expect(await h.told('legacy-2', 'deadline_problem')).toEqual(['u-admin']);
});

/** The inbox link of every kind of notification: a ticket, or the page a stand-in id stands for. */
import { notificationTarget } from '../../src/domain/notification-target';

test('ticket notifications open the ticket (ids are escaped)', () => {
  expect(notificationTarget('deadline_warning', 'abc123')).toEqual({ path: '/tickets/abc123', label: { 'zh-CN': '查看工单', en: 'Open ticket' } });
  expect(notificationTarget('work_order_dispatched', 'a/b').path).toBe('/tickets/a%2Fb');
});

test('KPI notifications open the month of their snapshot, whatever the scope', () => {
  for (const type of ['kpi_built', 'kpi_published', 'kpi_reminder', 'kpi_escalation']) {
    expect(notificationTarget(type, '2026-10_branch_b-city')).toMatchObject({ path: '/kpis/2026-10', label: { en: 'Open monthly KPIs' } });
  }
  expect(notificationTarget('kpi_built', 'odd-id').path).toBe('/kpis');
});

test('the calendar reminder opens the year it is about; the client-side queues open their pages', () => {
  expect(notificationTarget('calendar_provisional', 'calendar-2027').path).toBe('/admin/calendar?year=2027');
  expect(notificationTarget('calendar_provisional', 'calendar').path).toBe('/admin/calendar');
  expect(notificationTarget('visits_missed', 'visit-misses-2026-10').path).toBe('/visits');
  expect(notificationTarget('spot_check_results', 'spot-results-2026-10').path).toBe('/spot-checks');
  expect(notificationTarget('repair_callback_sample', 'order-1')).toMatchObject({ path: '/repair-callbacks', label: { 'zh-CN': '去回访' } });
  expect(notificationTarget('client_score_due', 'client-score-2026-10').path).toBe('/clients');
});

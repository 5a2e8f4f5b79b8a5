/**
 * Where a notification takes its reader. Notifications are ticket-shaped (`ticketId`, `eventSeq`);
 * those about something else (a KPI month, a visit plan, a survey of repairs, the calendar) carry a
 * stand-in id in `ticketId` whose shape their writer fixes. This one table turns the type and that
 * id into a page of the web client and the words of its link, so the inbox never sends anyone to a
 * ticket that does not exist. Pure: no Firebase.
 */
import type { Label } from './vocabulary';

export interface NotificationTarget {
  /** A route of the web client, without the leading '#'. */
  path: string;
  label: Label;
}

const OPEN_TICKET: Label = { 'zh-CN': '查看工单', en: 'Open ticket' };
const enc = encodeURIComponent;
/** 'YYYY-MM' inside a stand-in id ('client-score-2026-10', '2026-10_branch_b-city'), or null. */
const monthIn = (s: string): string | null => /(\d{4}-(?:0[1-9]|1[0-2]))(?!\d)/.exec(s)?.[1] ?? null;

/** Types whose `ticketId` is not a ticket, and where they lead instead. */
const ELSEWHERE: Readonly<Record<string, (standIn: string) => NotificationTarget>> = {
  calendar_provisional: (s) => {
    const year = /^calendar-(\d{4})$/.exec(s)?.[1];
    return { path: year ? `/admin/calendar?year=${year}` : '/admin/calendar', label: { 'zh-CN': '打开工作日历', en: 'Open the calendar' } };
  },
  repair_callback_sample: () => ({ path: '/repair-callbacks', label: { 'zh-CN': '去回访', en: 'Call back' } }),
  visits_missed: () => ({ path: '/visits', label: { 'zh-CN': '查看走访计划', en: 'Open visit plan' } }),
  spot_check_results: () => ({ path: '/spot-checks', label: { 'zh-CN': '查看抽查结果', en: 'Open spot checks' } }),
  client_score_due: () => ({ path: '/clients', label: { 'zh-CN': '打开客户档案', en: 'Open client archive' } }),
  kpi_built: (s) => kpiMonth(s),
  kpi_published: (s) => kpiMonth(s),
  kpi_reminder: (s) => kpiMonth(s),
  kpi_escalation: (s) => kpiMonth(s),
};

function kpiMonth(snapshotId: string): NotificationTarget {
  const month = monthIn(snapshotId);
  return { path: month ? `/kpis/${month}` : '/kpis', label: { 'zh-CN': '查看月度指标', en: 'Open monthly KPIs' } };
}

export function notificationTarget(type: string, ticketId: string): NotificationTarget {
  const elsewhere = ELSEWHERE[type];
  return elsewhere ? elsewhere(ticketId) : { path: `/tickets/${enc(ticketId)}`, label: OPEN_TICKET };
}

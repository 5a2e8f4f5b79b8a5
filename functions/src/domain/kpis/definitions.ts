/**
 * Every KPI, defined once. Counters are what the aggregates store (incremented as work happens);
 * KPIs are ratios or counts of counters. For each counter: which events count, and which month
 * the increment belongs to (its basis):
 *
 * - `received` basis — the month (Asia/Shanghai) the ticket was RECEIVED (`ticket.receivedAt`):
 *   intake volume and its breakdowns by kind / subject / channel, and cancellations (a duplicate or
 *   malicious ticket cancelled in December still belongs to the October volume it inflated).
 * - `event` basis — the month the counted event happens: resolutions (the resolved month),
 *   callbacks, closings (the closed month), reopenings, escalations, transfers, confirmed
 *   complaints, and the facts other areas record (visits, survey answers, spot checks).
 *
 * Departments: an increment goes to the department that owns the ticket when the event happens
 * (for a transfer: the department that gives it away; for routing: the one it is routed to).
 * A ticket cancelled before routing counts under the pseudo-department `UNROUTED`.
 *
 * "On time" (`resolvedOnTime`), for a ticket resolved at instant `at`:
 *   at ≤ the deadline in force, AND the ticket was not escalated for lateness.
 * The deadline in force already accounts for pauses and transfers (domain/lifecycle/machine.ts):
 * a pause (waiting on the client) moves the deadline by the WORKING time spent waiting, so paused
 * time never counts against the department; a transfer gives the receiving department the full
 * time for the kind, counted from the transfer; a reopening sets a fresh deadline. An escalation
 * also sets a new deadline, but it happens because the first one was missed: a ticket escalated
 * more times than it was reopened (escalationLevel > min(reopenCount, 2)) is late, whatever its
 * new deadline. No deadline at all (none configured) counts as on time.
 *
 * Pure: no Firebase import. docs/analytics.md repeats these definitions in BigQuery SQL; a unit
 * test checks both name the same KPIs and counters.
 */
import type { LifecycleTicket } from '../documents';
import { CHANNEL_LABELS, COMPLAINT_SUBJECT_LABELS, TICKET_KIND_LABELS, type Label } from '../vocabulary';

export type Basis = 'received' | 'event';

/** Where a counter's increments come from. */
export type Source = 'ticket' | 'visit' | 'survey_answer' | 'spot_check' | 'callback';

export interface CounterDef {
  label: Label;
  basis: Basis;
  source: Source;
  /** Which events count, in words (shown to admins; the code is in delta.ts). */
  counts: string;
}

export const COUNTERS = {
  received: { label: { 'zh-CN': '受理量', en: 'Received' }, basis: 'received', source: 'ticket', counts: 'routing of a received ticket to its first department' },
  cancelled: { label: { 'zh-CN': '撤销（重复/恶意）', en: 'Cancelled (duplicate/malicious)' }, basis: 'received', source: 'ticket', counts: 'cancel' },
  resolved: { label: { 'zh-CN': '办结量', en: 'Resolved' }, basis: 'event', source: 'ticket', counts: 'resolve (head sign-off)' },
  resolvedOnTime: { label: { 'zh-CN': '按时办结', en: 'Resolved on time' }, basis: 'event', source: 'ticket', counts: 'resolve at or before the deadline in force, not escalated for lateness' },
  callbacksReached: { label: { 'zh-CN': '回访量', en: 'Callbacks made' }, basis: 'event', source: 'ticket', counts: 'callback with outcome reached' },
  satisfied: { label: { 'zh-CN': '满意', en: 'Satisfied' }, basis: 'event', source: 'ticket', counts: 'callback reached, client satisfied' },
  aware: { label: { 'zh-CN': '知晓投诉渠道', en: 'Aware of the channel' }, basis: 'event', source: 'ticket', counts: 'callback reached, client aware of the complaint channel' },
  scoreSum: { label: { 'zh-CN': '评分合计', en: 'Sum of scores' }, basis: 'event', source: 'ticket', counts: 'callback reached: its 1–5 score' },
  closed: { label: { 'zh-CN': '关闭量', en: 'Closed' }, basis: 'event', source: 'ticket', counts: 'verify (complaints) or satisfied callback (other kinds)' },
  confirmedComplaints: { label: { 'zh-CN': '确认有责投诉', en: 'Confirmed complaints' }, basis: 'event', source: 'ticket', counts: 'verify naming a responsible staff member, on a complaint never reopened (once per complaint)' },
  reopened: { label: { 'zh-CN': '重新处理', en: 'Reopened' }, basis: 'event', source: 'ticket', counts: 'reopen, or a dissatisfied callback' },
  escalated: { label: { 'zh-CN': '升级', en: 'Escalated' }, basis: 'event', source: 'ticket', counts: 'escalate (timer or person)' },
  transferred: { label: { 'zh-CN': '转办', en: 'Transferred' }, basis: 'event', source: 'ticket', counts: 'transfer (counted for the giving department)' },
  visitsPlanned: { label: { 'zh-CN': '计划走访', en: 'Visits planned' }, basis: 'event', source: 'visit', counts: 'recordKpiEvent visit (planned)' },
  visitsDone: { label: { 'zh-CN': '完成走访', en: 'Visits done' }, basis: 'event', source: 'visit', counts: 'recordKpiEvent visit (done)' },
  surveyAnswers: { label: { 'zh-CN': '问卷答复', en: 'Survey answers' }, basis: 'event', source: 'survey_answer', counts: 'recordKpiEvent survey_answer' },
  surveySatisfied: { label: { 'zh-CN': '问卷满意', en: 'Survey: satisfied' }, basis: 'event', source: 'survey_answer', counts: 'survey answer: satisfied overall' },
  supplySurveyed: { label: { 'zh-CN': '供货评价答复', en: 'Supply: answers' }, basis: 'event', source: 'survey_answer', counts: 'survey answer with a supply rating' },
  supplySatisfied: { label: { 'zh-CN': '供货满意', en: 'Supply: satisfied' }, basis: 'event', source: 'survey_answer', counts: 'survey answer: satisfied with supply' },
  spotChecks: { label: { 'zh-CN': '抽查', en: 'Spot checks' }, basis: 'event', source: 'spot_check', counts: 'recordKpiEvent spot_check' },
  spotChecksPassed: { label: { 'zh-CN': '抽查合格', en: 'Spot checks passed' }, basis: 'event', source: 'spot_check', counts: 'spot check passed' },
  sampleCallbacks: { label: { 'zh-CN': '抽样回访', en: 'Sample callbacks' }, basis: 'event', source: 'callback', counts: 'recordKpiEvent callback (sampled, outside the ticket lifecycle)' },
  sampleCallbacksSatisfied: { label: { 'zh-CN': '抽样回访满意', en: 'Sample callbacks satisfied' }, basis: 'event', source: 'callback', counts: 'sampled callback, satisfied' },
} as const satisfies Record<string, CounterDef>;

export type CounterName = keyof typeof COUNTERS;
export const COUNTER_NAMES = Object.keys(COUNTERS) as CounterName[];

/** Breakdowns of the received volume: `kind.complaint`, `subject.goods_expired`, `channel.hotline`. */
export const BREAKDOWNS = {
  kind: Object.keys(TICKET_KIND_LABELS),
  subject: Object.keys(COMPLAINT_SUBJECT_LABELS),
  channel: Object.keys(CHANNEL_LABELS),
} as const;
export type Breakdown = keyof typeof BREAKDOWNS;

/** Per-staff counters (`staff.<uid>.<name>`), for flags and a person's own figures. */
export const STAFF_COUNTERS = ['confirmedComplaints', 'visitsDone', 'spotChecks', 'spotChecksPassed', 'resolved'] as const;
export type StaffCounter = (typeof STAFF_COUNTERS)[number];

/** The pseudo-department of tickets cancelled before routing. */
export const UNROUTED = '_unrouted';

export interface KpiDef {
  label: Label;
  /** `rate`: numerator / denominator (0–1; null when the denominator is 0); `count`: the numerator alone. */
  type: 'rate' | 'count' | 'average';
  numerator: CounterName;
  denominator: CounterName | null;
  /** Default target in percent (rates with a rule behind them), null = no target. */
  defaultTarget: number | null;
  /** Where the target comes from. */
  source?: string;
}

export const KPIS = {
  onTimeRate: { label: { 'zh-CN': '按时办结率', en: 'On-time resolution' }, type: 'rate', numerator: 'resolvedOnTime', denominator: 'resolved', defaultTarget: 95, source: '[001 §17] one working day' },
  callbackRate: { label: { 'zh-CN': '回访率', en: 'Callback rate' }, type: 'rate', numerator: 'callbacksReached', denominator: 'resolved', defaultTarget: 95, source: '[001 §17] ≥ 95 %' },
  satisfactionRate: { label: { 'zh-CN': '处理结果满意率', en: 'Satisfaction' }, type: 'rate', numerator: 'satisfied', denominator: 'callbacksReached', defaultTarget: 85, source: '[001 §17] ≥ 85 %' },
  awarenessRate: { label: { 'zh-CN': '投诉渠道知晓率', en: 'Channel awareness' }, type: 'rate', numerator: 'aware', denominator: 'callbacksReached', defaultTarget: 85, source: '[001 §17] ≥ 85 %' },
  supplySatisfactionRate: { label: { 'zh-CN': '供货满意率', en: 'Supply satisfaction' }, type: 'rate', numerator: 'supplySatisfied', denominator: 'supplySurveyed', defaultTarget: 80, source: 'domain.md: supply satisfaction ≥ 80 %' },
  surveySatisfactionRate: { label: { 'zh-CN': '问卷满意率', en: 'Survey satisfaction' }, type: 'rate', numerator: 'surveySatisfied', denominator: 'surveyAnswers', defaultTarget: 85 },
  visitCoverage: { label: { 'zh-CN': '走访完成率', en: 'Visit coverage' }, type: 'rate', numerator: 'visitsDone', denominator: 'visitsPlanned', defaultTarget: 100 },
  spotCheckPassRate: { label: { 'zh-CN': '抽查合格率', en: 'Spot checks passed' }, type: 'rate', numerator: 'spotChecksPassed', denominator: 'spotChecks', defaultTarget: null },
  averageScore: { label: { 'zh-CN': '平均评分', en: 'Average score' }, type: 'average', numerator: 'scoreSum', denominator: 'callbacksReached', defaultTarget: null },
  received: { label: { 'zh-CN': '受理量', en: 'Received' }, type: 'count', numerator: 'received', denominator: null, defaultTarget: null },
  cancelled: { label: { 'zh-CN': '撤销量', en: 'Cancelled' }, type: 'count', numerator: 'cancelled', denominator: null, defaultTarget: null },
  reopened: { label: { 'zh-CN': '重新处理次数', en: 'Reopenings' }, type: 'count', numerator: 'reopened', denominator: null, defaultTarget: null },
  escalated: { label: { 'zh-CN': '升级次数', en: 'Escalations' }, type: 'count', numerator: 'escalated', denominator: null, defaultTarget: null },
  confirmedComplaints: { label: { 'zh-CN': '确认有责投诉', en: 'Confirmed complaints' }, type: 'count', numerator: 'confirmedComplaints', denominator: null, defaultTarget: null },
} as const satisfies Record<string, KpiDef>;

export type KpiId = keyof typeof KPIS;
export const KPI_IDS = Object.keys(KPIS) as KpiId[];
/** KPIs that take a target (the rates). */
export const TARGETABLE: readonly KpiId[] = KPI_IDS.filter((k) => KPIS[k].type === 'rate');

/** Staff with this many confirmed complaints in a month are flagged [001 商场 三(四)]. */
export const FLAG_THRESHOLD = 2;

/** On time: see the module comment. `before` is the ticket as it was when resolved. */
export function isResolvedOnTime(before: Pick<LifecycleTicket, 'dueAt' | 'escalationLevel' | 'reopenCount'>, at: Date): boolean {
  const escalatedForLateness = before.escalationLevel > Math.min(before.reopenCount, 2);
  if (escalatedForLateness) return false;
  return before.dueAt === null || at.getTime() <= before.dueAt.getTime();
}

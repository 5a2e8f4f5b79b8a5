/**
 * Deadlines after resolution and promised dates (issue 9 points 6 and 7): what is owed on a
 * ticket besides its main `dueAt`, derived from the ticket alone, so a timer, the sweeper and a
 * redelivered trigger all compute the same list. Plain TypeScript, no Firebase.
 *
 * Each follow-up has a deterministic `key` (it names what is owed and the instant it is counted
 * from, never "now"): the store fires it at most once (a marker document `followUps/{ticket}_{key}`
 * created first) and a follow-up that is no longer owed (the ticket moved on) is simply absent.
 *
 *   callback_due          resolved/callback: the callback is due one working day after sign-off
 *                         (a repair reopened after a complaint — a re-repair — gets the special
 *                         24-hour callback instead). Overdue → the person who took it in, the
 *                         customer-service centre's head, the owning head and (complaints) quality.
 *   callback_retry        callback: the last attempt did not reach the client → a reminder to the
 *                         caller at its `nextTryAt` (or `callbackRetry` after the attempt).
 *   callback_failures     callback: every `maxFailedCallbackAttempts` failed attempts → quality is told.
 *   verification_due      verification: quality verifies within `verification` of the callback;
 *                         overdue → quality's head and department.
 *   verification_leadership  verification still open a leadership period later → leadership.
 *   corrective_report_due a major complaint without its corrective-action report, `correctiveReport`
 *                         after sign-off → quality's head and leadership.
 *   promise_reminder / promise_due  an answer promised to the client (`promisedAt`) while the
 *                         ticket is not yet resolved: the owner is reminded before, and owner,
 *                         head and the person who took it in are told when the date passes.
 */
import type { WorkCalendar } from '../calendar';
import { HOUR_MS } from '../calendar/dates';
import type { LifecycleTicket } from '../documents';
import type { Audience } from '../lifecycle/types';
import { dueFor, type SlaPolicy } from '../sla';
import type { Label } from '../vocabulary';

export const FOLLOW_UP_KINDS = [
  'callback_due', 'callback_retry', 'callback_failures', 'verification_due', 'verification_leadership',
  'corrective_report_due', 'promise_reminder', 'promise_due',
] as const;
export type FollowUpKind = (typeof FOLLOW_UP_KINDS)[number];

export const FOLLOW_UP_LABELS: Record<FollowUpKind, Label> = {
  callback_due: { 'zh-CN': '回访逾期', en: 'Callback overdue' },
  callback_retry: { 'zh-CN': '再次回访', en: 'Call the client again' },
  callback_failures: { 'zh-CN': '多次回访未果', en: 'Callback attempts keep failing' },
  verification_due: { 'zh-CN': '查验逾期', en: 'Verification overdue' },
  verification_leadership: { 'zh-CN': '查验严重逾期', en: 'Verification long overdue' },
  corrective_report_due: { 'zh-CN': '整改报告逾期', en: 'Corrective-action report overdue' },
  promise_reminder: { 'zh-CN': '承诺答复日期将到', en: 'Promised answer date is near' },
  promise_due: { 'zh-CN': '承诺答复日期已过', en: 'Promised answer date has passed' },
};

/** Departments the follow-ups name (resolved by the store for the ticket's branch). */
export interface FollowUpOrg {
  qualityDeptId: string | null;
  csDeptId: string | null;
}

export interface FollowUp {
  key: string;
  kind: FollowUpKind;
  dueAt: Date;
  notify: Audience[];
}

const head = (deptId: string | null): Audience[] => (deptId ? [{ kind: 'head', deptId }] : []);
const owner = (t: LifecycleTicket): Audience[] =>
  t.assigneeUid ? [{ kind: 'user', uid: t.assigneeUid }] : t.ownerDeptId ? [{ kind: 'dept', deptId: t.ownerDeptId }] : [];

const NOT_YET_RESOLVED = ['assigned', 'in_progress', 'waiting_on_client'] as const;

/** Every follow-up the ticket owes now, earliest first. May throw RangeError for uncovered instants. */
export function followUpsOf(t: LifecycleTicket, cal: WorkCalendar, policy: SlaPolicy, org: FollowUpOrg): FollowUp[] {
  const out: FollowUp[] = [];
  const signedOff = t.resolution?.signedOffAt ?? null;

  if ((t.state === 'resolved' || t.state === 'callback') && signedOff) {
    const reRepair = t.kind === 'repair' && t.reopenCount > 0;
    const dueAt = dueFor(cal, reRepair ? policy.reRepairCallback : policy.callback, signedOff);
    const notify: Audience[] = [{ kind: 'user', uid: t.createdBy }, ...head(org.csDeptId), ...head(t.ownerDeptId)];
    if (t.kind === 'complaint') notify.push(...head(org.qualityDeptId));
    out.push({ key: `callback-${signedOff.getTime()}`, kind: 'callback_due', dueAt, notify });
  }

  if (t.state === 'callback') {
    const since = signedOff?.getTime() ?? 0;
    const failed = t.callbackAttempts.filter((a) => a.outcome !== 'reached' && a.at.getTime() >= since);
    const last = failed[failed.length - 1];
    if (last && t.callbackAttempts[t.callbackAttempts.length - 1] === last) {
      const n = t.callbackAttempts.length;
      const retryAt = last.nextTryAt ?? dueFor(cal, policy.callbackRetry, last.at);
      out.push({ key: `retry-${n}`, kind: 'callback_retry', dueAt: retryAt, notify: [{ kind: 'user', uid: last.byUid }] });
      if (failed.length % policy.maxFailedCallbackAttempts === 0) {
        out.push({
          key: `failures-${n}`, kind: 'callback_failures', dueAt: last.at,
          notify: [...head(org.qualityDeptId), ...(org.qualityDeptId ? [{ kind: 'dept' as const, deptId: org.qualityDeptId }] : [])],
        });
      }
    }
  }

  if (t.state === 'verification' && t.callbackResult) {
    const from = t.callbackResult.at;
    const dueAt = dueFor(cal, policy.verification, from);
    const quality: Audience[] = [...head(org.qualityDeptId), ...(org.qualityDeptId ? [{ kind: 'dept' as const, deptId: org.qualityDeptId }] : [])];
    out.push({ key: `verify-${from.getTime()}`, kind: 'verification_due', dueAt, notify: quality });
    out.push({
      key: `verify-lead-${from.getTime()}`, kind: 'verification_leadership',
      dueAt: dueFor(cal, policy.escalationTargets['2'], dueAt), notify: [...head(org.qualityDeptId), { kind: 'leadership' }],
    });
  }

  if (t.kind === 'complaint' && t.major && !t.correctiveReport && signedOff && ['resolved', 'callback', 'verification'].includes(t.state)) {
    out.push({
      key: `report-${signedOff.getTime()}`, kind: 'corrective_report_due', dueAt: dueFor(cal, policy.correctiveReport, signedOff),
      notify: [...head(org.qualityDeptId), { kind: 'leadership' }],
    });
  }

  if (t.promisedAt && (NOT_YET_RESOLVED as readonly string[]).includes(t.state)) {
    const p = t.promisedAt.getTime();
    const lead = policy.promiseReminder;
    const leadMs = lead.type === 'workingDays' ? lead.n * 24 * HOUR_MS : lead.type === 'endOfWorkingDay' ? 0 : Math.round(lead.n * HOUR_MS);
    out.push({ key: `promise-remind-${p}`, kind: 'promise_reminder', dueAt: new Date(p - leadMs), notify: [...owner(t)] });
    out.push({
      key: `promise-due-${p}`, kind: 'promise_due', dueAt: new Date(p),
      notify: [...owner(t), ...head(t.ownerDeptId), { kind: 'user', uid: t.createdBy }],
    });
  }

  return out.sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime());
}

/** The message of a follow-up that has come due. */
export function followUpMessage(
  f: Pick<FollowUp, 'kind' | 'dueAt'>, t: Pick<LifecycleTicket, 'number' | 'clientName' | 'title'>, locale: 'zh-CN' | 'en',
  formatInstant: (d: Date, locale: 'zh-CN' | 'en') => string,
): { title: string; body: string } {
  const label = FOLLOW_UP_LABELS[f.kind][locale];
  const when = formatInstant(f.dueAt, locale);
  return locale === 'zh-CN'
    ? { title: `${label}：${t.number}`, body: `${t.clientName}：${t.title}。期限 ${when}。` }
    : { title: `${label}: ${t.number}`, body: `${t.clientName}: ${t.title}. Due ${when}.` };
}

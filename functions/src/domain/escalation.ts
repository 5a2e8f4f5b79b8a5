/**
 * Deadlines that pass: what the timer (and the sweeper that backs it up) does with a ticket.
 * Plain TypeScript, no Firebase.
 *
 * Rules (domain.md, "Deadlines (SLA)"): overdue tickets escalate one level up and notify the
 * owner and their head. Levels: 0 = the owning department, 1 = its head, 2 = leadership. Each
 * escalation sets a fresh deadline (sla.escalationDeadline). A ticket overdue at level 2 has
 * nowhere higher to go: nothing more happens automatically (leadership already owns it).
 * Before the deadline, once `warnAtShare` of the allowed time has elapsed, the owner is warned
 * once per deadline.
 *
 * Notification deferral: nobody is paged at night or on a holiday. A notification that falls
 * outside working hours is delivered at the next working instant — except a leadership alert on
 * a major complaint, which goes at once.
 */
import type { WorkCalendar } from './calendar';
import { HOUR_MS } from './calendar/dates';
import type { Ticket } from './documents';
import type { Audience } from './lifecycle/types';
import { escalationDeadline, targetFor, type EscalationLevel, type SlaPolicy, type SlaTarget } from './sla';
import { formatShanghai, type RenderedMessage } from './notify';
import type { Locale, TicketState } from './vocabulary';

/** States in which a deadline runs. Waiting on the client pauses it; later states have met it. */
export const DEADLINE_STATES: readonly TicketState[] = ['assigned', 'in_progress'];

export const MAX_ESCALATION_LEVEL = 2;

/** The facts of a ticket the decision looks at. */
export type DeadlineTicket = Pick<
  Ticket,
  'state' | 'dueAt' | 'escalationLevel' | 'ownerDeptId' | 'assigneeUid' | 'kind' | 'clientTier' | 'major'
> & { routing?: Pick<NonNullable<Ticket['routing']>, 'rule'> | null };

/** Routing rule of on-site feedback kept by the on-site staff who took it in (route-ticket.ts). */
export const ONSITE_RULE = 'onsite';

export interface DeadlineCheck {
  ticket: DeadlineTicket;
  /**
   * The deadline the timer was set for. When the ticket's dueAt differs, the deadline moved
   * (escalated, reopened, paused…) and this timer is stale: a newer one exists. Omitted by the
   * sweeper, which always looks at the current deadline.
   */
  expectedDueAt?: Date | null;
  now: Date;
  calendar: WorkCalendar;
  policy: SlaPolicy;
}

export type NoActionReason = 'not-open' | 'no-deadline' | 'deadline-moved' | 'not-due' | 'top-level';

export type DeadlineDecision =
  | { action: 'none'; reason: NoActionReason }
  /** Most of the allowed time has gone: tell the owner, once for this `dueAt`. */
  | { action: 'warn'; dueAt: Date; warnAt: Date; notify: Audience[] }
  /**
   * On-site feedback not handled by the close of the working day it was taken in: it goes to the
   * business department automatically ([000]); no escalation.
   */
  | { action: 'handoff' }
  /** Overdue: one level up, with a fresh deadline counted from `now`. */
  | { action: 'escalate'; fromLevel: number; level: EscalationLevel; dueAt: Date; warnAt: Date; notify: Audience[] };

/** The owner of a ticket: its assignee, or the whole owning department while nobody is assigned. */
export function ownerAudience(t: DeadlineTicket): Audience[] {
  if (t.assigneeUid) return [{ kind: 'user', uid: t.assigneeUid }];
  return t.ownerDeptId ? [{ kind: 'dept', deptId: t.ownerDeptId }] : [];
}

/**
 * Who hears of an escalation to `level`: the owning department's head and the assignee; at
 * level 2 also leadership. The same audience as the lifecycle's `escalate` effect, which is
 * what actually writes the notifications (a unit test keeps the two in step).
 */
export function escalationAudience(t: DeadlineTicket, level: EscalationLevel): Audience[] {
  const out: Audience[] = [];
  if (t.ownerDeptId) out.push({ kind: 'head', deptId: t.ownerDeptId });
  if (t.assigneeUid) out.push({ kind: 'user', uid: t.assigneeUid });
  if (level === 2) out.push({ kind: 'leadership' });
  return out;
}

/** The target the ticket's current deadline was computed from: its kind's SLA, or its escalation level's. */
export function currentTarget(policy: SlaPolicy, t: DeadlineTicket): SlaTarget {
  const level = Math.min(t.escalationLevel, MAX_ESCALATION_LEVEL);
  if (level === 0 && t.routing?.rule === ONSITE_RULE) return policy.onsiteHandoff;
  if (level === 0) return targetFor(policy, t.kind, t.clientTier);
  return level === 1 ? policy.escalationTargets['1'] : policy.escalationTargets['2'];
}

/**
 * How long before `dueAt` the owner is warned: (1 − warnAtShare) of the target's allowed time.
 * Working time for calendar targets (a working day counts as the working length of the due
 * day), clock time for clockHours. Derived from dueAt alone so no extra field has to be stored.
 */
export function warnLeadMs(cal: WorkCalendar, policy: SlaPolicy, target: SlaTarget, dueAt: Date): number {
  const rest = 1 - policy.warnAtShare;
  switch (target.type) {
    case 'workingDays':
      return Math.floor(rest * target.n * cal.workingMsOnDay(dueAt));
    case 'endOfWorkingDay':
      return Math.floor(rest * cal.workingMsOnDay(dueAt));
    case 'workingHours':
    case 'clockHours':
      return Math.floor(rest * target.n * HOUR_MS);
  }
}

/** Whether the warning for the ticket's current deadline is due at `now` (false once overdue). */
function warnDue(cal: WorkCalendar, policy: SlaPolicy, t: DeadlineTicket, dueAt: Date, now: Date): boolean {
  if (now.getTime() > dueAt.getTime()) return false;
  const target = currentTarget(policy, t);
  const lead = warnLeadMs(cal, policy, target, dueAt);
  const remaining = target.type === 'clockHours' ? dueAt.getTime() - now.getTime() : cal.workingTimeBetween(now, dueAt);
  return remaining <= lead;
}

/**
 * The one decision behind every timer and sweep. Pure and idempotent in itself: the store
 * makes its effect happen at most once per deadline (the escalation changes dueAt, so a second
 * call finds the deadline moved; a warning has deterministic ids).
 * A deadline is overdue strictly after dueAt: at dueAt itself the time allowed is not yet over.
 */
export function decideDeadline(c: DeadlineCheck): DeadlineDecision {
  const { ticket: t, now, calendar, policy } = c;
  if (!DEADLINE_STATES.includes(t.state)) return { action: 'none', reason: 'not-open' };
  if (!t.dueAt) return { action: 'none', reason: 'no-deadline' };
  if (c.expectedDueAt !== undefined && (c.expectedDueAt?.getTime() ?? null) !== t.dueAt.getTime()) {
    return { action: 'none', reason: 'deadline-moved' };
  }
  if (now.getTime() <= t.dueAt.getTime()) {
    if (warnDue(calendar, policy, t, t.dueAt, now)) {
      const lead = warnLeadMs(calendar, policy, currentTarget(policy, t), t.dueAt);
      return { action: 'warn', dueAt: t.dueAt, warnAt: warnInstant(calendar, currentTarget(policy, t), t.dueAt, lead), notify: ownerAudience(t) };
    }
    return { action: 'none', reason: 'not-due' };
  }
  if (t.routing?.rule === ONSITE_RULE) return { action: 'handoff' };
  if (t.escalationLevel >= MAX_ESCALATION_LEVEL) return { action: 'none', reason: 'top-level' };
  const level = (t.escalationLevel + 1) as EscalationLevel;
  const next = escalationDeadline(calendar, policy, level, now);
  return {
    action: 'escalate', fromLevel: t.escalationLevel, level, dueAt: next.dueAt, warnAt: next.warnAt,
    notify: escalationAudience(t, level),
  };
}

/**
 * The instant the warning becomes due (for timers): the earliest instant with at most `lead`
 * of time left before `dueAt`. The calendar only adds working time forwards, so step back by
 * bisection: the working time left is non-increasing in the instant.
 */
export function warnInstant(cal: WorkCalendar, target: SlaTarget, dueAt: Date, lead: number): Date {
  if (target.type === 'clockHours') return new Date(dueAt.getTime() - lead);
  let lo = dueAt.getTime() - 60 * 24 * HOUR_MS; // holidays never span 60 days
  let hi = dueAt.getTime();
  if (cal.workingTimeBetween(new Date(lo), dueAt) <= lead) return new Date(lo);
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (cal.workingTimeBetween(new Date(mid), dueAt) <= lead) hi = mid;
    else lo = mid;
  }
  return new Date(hi);
}

/** Time the warning of the ticket's current deadline falls due (for scheduling its timer). */
export function warnAtOf(cal: WorkCalendar, policy: SlaPolicy, t: DeadlineTicket & { dueAt: Date }): Date {
  const target = currentTarget(policy, t);
  return warnInstant(cal, target, t.dueAt, warnLeadMs(cal, policy, target, t.dueAt));
}

/**
 * When a notification caused at `at` is delivered: `null` = at once (working time, or a
 * leadership alert on a major complaint), else the next working instant.
 */
export function deliverAtFor(
  cal: WorkCalendar,
  at: Date,
  opts: { major: boolean; audience: Audience['kind'] },
): Date | null {
  if (opts.major && opts.audience === 'leadership') return null;
  if (cal.isWorkingTime(at)) return null;
  return cal.nextWorkingInstant(at);
}

/**
 * Delivery of one message to a person named by several audiences: the earliest of their
 * deliveries wins (immediate beats deferred), e.g. a leader who is also the assignee of a major
 * complaint is mailed at once.
 */
export function earliestDeliverAt(
  cal: WorkCalendar,
  at: Date,
  opts: { major: boolean; audiences: readonly Audience['kind'][] },
): Date | null {
  let best: Date | null | undefined;
  for (const audience of opts.audiences) {
    const d = deliverAtFor(cal, at, { major: opts.major, audience });
    if (d === null) return null;
    if (best === undefined || (best !== null && d.getTime() < best.getTime())) best = d;
  }
  return best ?? deliverAtFor(cal, at, { major: opts.major, audience: 'user' });
}

/** When a complainant's SMS goes: not at night or on a holiday — at the next working instant. E-mail goes at once. */
export function smsDeliverAt(cal: WorkCalendar, at: Date): Date | null {
  return cal.isWorkingTime(at) ? null : cal.nextWorkingInstant(at);
}

/**
 * The latest dueAt a ticket can have and still be in its warning window at `now`: a bound for
 * the sweeper's query (`dueAt <= horizon`), checked exactly per ticket by decideDeadline.
 */
export function warnHorizon(cal: WorkCalendar, policy: SlaPolicy, now: Date): Date {
  const rest = 1 - policy.warnAtShare;
  const targets: SlaTarget[] = [
    ...policy.rules.map((r) => r.target), policy.escalationTargets['1'], policy.escalationTargets['2'], policy.onsiteHandoff,
  ];
  // The longest working day a calendar has is at most 24 h: a safe upper bound for day targets.
  const leads = targets.map((t) => {
    switch (t.type) {
      case 'workingDays': return rest * t.n * 24 * HOUR_MS;
      case 'endOfWorkingDay': return rest * 24 * HOUR_MS;
      default: return rest * t.n * HOUR_MS;
    }
  });
  const maxLead = Math.ceil(Math.max(...leads));
  const clockBound = now.getTime() + maxLead;
  const workingBound = cal.addWorkingTime(now, maxLead).getTime();
  return new Date(Math.max(clockBound, workingBound));
}

/** The warning a ticket's owner gets when most of the allowed time has gone. */
export function warningMessage(t: Pick<Ticket, 'number' | 'clientName' | 'title'>, dueAt: Date, locale: Locale): RenderedMessage {
  const due = formatShanghai(dueAt, locale);
  return locale === 'zh-CN'
    ? { title: `即将逾期：${t.number}`, body: `${t.clientName}：${t.title}。请于 ${due} 前处理，逾期将自动升级。` }
    : { title: `Due soon: ${t.number}`, body: `${t.clientName}: ${t.title}. Handle it by ${due}; it escalates automatically when overdue.` };
}

/**
 * Service-level deadlines (SLA) on top of the working calendar. Plain TypeScript, no Firebase.
 *
 * Rules from the sources (domain.md, "Deadlines (SLA)"):
 * - complaint: handled within 1 working day and fed back to the complainant `[001 §17]`;
 * - on-site feedback the on-site staff cannot handle reaches the business dept the same working
 *   day `[000]` → {@link onsiteHandoffDue} (end of the working day);
 * - re-repair after a complaint about a repair: special callback within 24 h `[003]` →
 *   {@link reRepairCallbackDue} (24 clock hours: the hotline runs 24 h);
 * - repair: 1 working day (our default; the sources only say "dispatch immediately").
 * - suggestion / inquiry / praise / paid_service: 2 working days — OUR default, the sources set
 *   no figure.
 * Escalation (overdue → one level up): level 1 = department head, level 2 = leadership; each
 * level gets a fresh deadline from the moment of escalation — defaults: level 1 → 1 working day,
 * level 2 → 2 working days (our defaults; the sources only say "escalate one level up").
 */
import { z } from 'zod';
import type { WorkCalendar } from './calendar';
import { HOUR_MS } from './calendar/dates';
import { ClientTier, TicketKind } from './vocabulary';

export const SlaTarget = z.discriminatedUnion('type', [
  /** n working days later, see WorkCalendar.addWorkingDays. */
  z.object({ type: z.literal('workingDays'), n: z.number().int().min(1).max(365) }),
  /** close of the working day (or of the next one when received after hours / on a day off). */
  z.object({ type: z.literal('endOfWorkingDay') }),
  /** n hours of working time (fractions allowed, e.g. 0.5). */
  z.object({ type: z.literal('workingHours'), n: z.number().positive().max(10_000) }),
  /** n hours of wall-clock time, regardless of the calendar. */
  z.object({ type: z.literal('clockHours'), n: z.number().positive().max(10_000) }),
]);
export type SlaTarget = z.infer<typeof SlaTarget>;

/** Target for tickets of `kind`, optionally only for clients of `tier`. A tier rule beats a tier-less one. */
export const SlaRule = z.object({
  kind: TicketKind,
  tier: ClientTier.optional(),
  target: SlaTarget,
});
export type SlaRule = z.infer<typeof SlaRule>;

export const EscalationLevel = z.union([z.literal(1), z.literal(2)]);
export type EscalationLevel = z.infer<typeof EscalationLevel>;

const oneWorkingDay: SlaTarget = { type: 'workingDays', n: 1 };
const twoWorkingDays: SlaTarget = { type: 'workingDays', n: 2 };

export const DEFAULT_SLA_RULES: readonly SlaRule[] = [
  { kind: 'complaint', target: oneWorkingDay },
  { kind: 'repair', target: oneWorkingDay },
  { kind: 'suggestion', target: twoWorkingDays },
  { kind: 'inquiry', target: twoWorkingDays },
  { kind: 'praise', target: twoWorkingDays },
  { kind: 'paid_service', target: twoWorkingDays },
];

export const SlaPolicy = z
  .object({
    rules: z.array(SlaRule).default(() => DEFAULT_SLA_RULES.map((r) => ({ ...r }))),
    /** Warn when this share of the allowed time has elapsed (working time, or clock time for clockHours). */
    warnAtShare: z.number().gt(0).lt(1).default(0.75),
    /** Deadline of the escalated ticket at each level, counted from the escalation. */
    escalationTargets: z
      .object({
        /** department head */
        '1': SlaTarget.default(oneWorkingDay),
        /** leadership */
        '2': SlaTarget.default(twoWorkingDays),
      })
      .default({ '1': oneWorkingDay, '2': twoWorkingDays }),
    /** A transfer keeps the deadline, but the receiving department gets at least this much time. */
    transferMinimum: SlaTarget.default({ type: 'workingHours', n: 2 }),
    /** On-site feedback must reach the business dept the same working day. */
    onsiteHandoff: SlaTarget.default({ type: 'endOfWorkingDay' }),
    /** Special callback after a re-repair: within 24 hours. */
    reRepairCallback: SlaTarget.default({ type: 'clockHours', n: 24 }),
    /** Callback after the resolution is signed off: one working day (domain.md). */
    callback: SlaTarget.default(oneWorkingDay),
    /** Next try after an unreachable callback attempt when the caller named no time (our default). */
    callbackRetry: SlaTarget.default({ type: 'workingHours', n: 2 }),
    /** After this many failed callback attempts quality is told (and again at each multiple). */
    maxFailedCallbackAttempts: z.number().int().min(1).max(20).default(3),
    /** Quality verifies within this after the satisfied callback (our default). */
    verification: SlaTarget.default(twoWorkingDays),
    /** A major complaint's corrective-action report is due this long after the sign-off (our default). */
    correctiveReport: SlaTarget.default({ type: 'workingDays', n: 5 }),
    /** The owner is reminded this long before a promised answer date. */
    promiseReminder: SlaTarget.default({ type: 'workingHours', n: 2 }),
    /** A ticket still `received` this many minutes after intake is routed again by the sweeper. */
    stuckReceivedMinutes: z.number().int().min(1).max(1440).default(10),
  })
  .superRefine((policy, ctx) => {
    const seen = new Set<string>();
    policy.rules.forEach((rule, i) => {
      const key = `${rule.kind}/${rule.tier ?? '*'}`;
      if (seen.has(key)) {
        ctx.addIssue({
          code: 'custom',
          path: ['rules', i],
          message: `duplicate rule for kind ${rule.kind}${rule.tier ? ` and tier ${rule.tier}` : ''}`,
        });
      }
      seen.add(key);
    });
    for (const kind of TicketKind.options) {
      if (!seen.has(`${kind}/*`)) {
        ctx.addIssue({ code: 'custom', path: ['rules'], message: `no rule without tier for kind ${kind}: every kind needs one` });
      }
    }
  });
export type SlaPolicy = z.infer<typeof SlaPolicy>;
export type SlaPolicyInput = z.input<typeof SlaPolicy>;

/** The default policy (all defaults above). */
export function defaultSlaPolicy(): SlaPolicy {
  return SlaPolicy.parse({});
}

export interface Deadline {
  dueAt: Date;
  warnAt: Date;
  target: SlaTarget;
}

/** The rule target for kind × tier: the tier-specific rule if any, else the kind's tier-less rule. */
export function targetFor(policy: SlaPolicy, kind: TicketKind, tier?: ClientTier | null): SlaTarget {
  const specific = tier ? policy.rules.find((r) => r.kind === kind && r.tier === tier) : undefined;
  const general = policy.rules.find((r) => r.kind === kind && r.tier === undefined);
  const rule = specific ?? general;
  if (!rule) throw new Error(`SLA policy has no rule for ticket kind ${kind}`);
  return rule.target;
}

/** When `target` falls due for something started at `from`. */
export function dueFor(cal: WorkCalendar, target: SlaTarget, from: Date): Date {
  switch (target.type) {
    case 'workingDays':
      return cal.addWorkingDays(from, target.n);
    case 'endOfWorkingDay':
      return cal.endOfWorkingDay(from);
    case 'workingHours':
      return cal.addWorkingTime(from, Math.round(target.n * HOUR_MS));
    case 'clockHours':
      return new Date(from.getTime() + Math.round(target.n * HOUR_MS));
  }
}

/**
 * Due and warning instants for `target` started at `from`. `warnAt` is when `warnAtShare` of the
 * allowed working time (clock time for clockHours) has elapsed; never after `dueAt`.
 */
export function deadlineFor(cal: WorkCalendar, target: SlaTarget, from: Date, warnAtShare: number): Deadline {
  const dueAt = dueFor(cal, target, from);
  let warnAt: Date;
  if (target.type === 'clockHours') {
    warnAt = new Date(from.getTime() + Math.floor((dueAt.getTime() - from.getTime()) * warnAtShare));
  } else {
    const allowed = Math.max(0, cal.workingTimeBetween(from, dueAt));
    warnAt = cal.addWorkingTime(from, Math.floor(allowed * warnAtShare));
  }
  if (warnAt.getTime() > dueAt.getTime()) warnAt = dueAt;
  return { dueAt, warnAt, target };
}

export interface DeadlineRequest {
  kind: TicketKind;
  tier?: ClientTier | null;
  receivedAt: Date;
}

/** Deadline of a newly received ticket by kind × client tier. */
export function computeDeadline(cal: WorkCalendar, policy: SlaPolicy, req: DeadlineRequest): Deadline {
  return deadlineFor(cal, targetFor(policy, req.kind, req.tier), req.receivedAt, policy.warnAtShare);
}

/** Deadline at escalation `level` (1 = department head, 2 = leadership), counted from `escalatedAt`. */
export function escalationDeadline(
  cal: WorkCalendar,
  policy: SlaPolicy,
  level: EscalationLevel,
  escalatedAt: Date,
): Deadline {
  const target = level === 1 ? policy.escalationTargets['1'] : policy.escalationTargets['2'];
  return deadlineFor(cal, target, escalatedAt, policy.warnAtShare);
}

/** On-site feedback (channel 'onsite') must reach the business dept by the end of the same working day. */
export function onsiteHandoffDue(cal: WorkCalendar, receivedAt: Date, policy: SlaPolicy = defaultSlaPolicy()): Date {
  return dueFor(cal, policy.onsiteHandoff, receivedAt);
}

/** Special callback after a repair is re-dispatched because of a complaint: within 24 clock hours. */
export function reRepairCallbackDue(cal: WorkCalendar, redispatchedAt: Date, policy: SlaPolicy = defaultSlaPolicy()): Date {
  return dueFor(cal, policy.reRepairCallback, redispatchedAt);
}

/**
 * Deadline moved back by the working time the ticket spent paused (waiting on the client).
 * Thin wrapper over WorkCalendar.extendDue for symmetry.
 */
export function extendForPause(cal: WorkCalendar, dueAt: Date, pausedWorkingMs: number): Date {
  return cal.extendDue(dueAt, pausedWorkingMs);
}

/**
 * The deadline after a transfer: the ticket keeps its deadline (the receiving department gets the
 * remaining time), never less than `transferMinimum` from the transfer — but that minimum is
 * granted once per escalation level (`graceAvailable`), so repeated transfers cannot postpone
 * escalation; an overdue ticket stays overdue (no grace). Returns the new due instant and
 * whether the grace was used.
 */
export function transferDeadline(
  cal: WorkCalendar,
  policy: SlaPolicy,
  dueAt: Date | null,
  transferredAt: Date,
  graceAvailable: boolean,
): { dueAt: Date | null; graceUsed: boolean } {
  if (!dueAt) return { dueAt: null, graceUsed: false };
  if (dueAt.getTime() <= transferredAt.getTime() || !graceAvailable) return { dueAt, graceUsed: false };
  const floor = dueFor(cal, policy.transferMinimum, transferredAt);
  return floor.getTime() > dueAt.getTime() ? { dueAt: floor, graceUsed: true } : { dueAt, graceUsed: false };
}

/**
 * What time limit runs in each state of the lifecycle, or why none does (issue 9 point 6).
 * `dueAt` = the ticket's main deadline (kind × tier, escalation levels, the on-site hand-off);
 * the follow-up kinds are computed by domain/deadlines/follow-ups.ts. A unit test walks every
 * state of the machine against this table.
 */
export type StateDeadline =
  | { deadline: 'routing'; why: string }
  | { deadline: 'dueAt'; why: string }
  | { deadline: 'follow-up'; kinds: readonly string[]; why: string }
  | { deadline: null; why: string };

export const STATE_DEADLINES: Record<import('./vocabulary').TicketState, StateDeadline> = {
  received: { deadline: 'routing', why: 'routed at once by the trigger; the sweeper routes any ticket still received after stuckReceivedMinutes' },
  assigned: { deadline: 'dueAt', why: 'kind × tier SLA (on-site feedback: close of the working day), escalating one level when overdue' },
  in_progress: { deadline: 'dueAt', why: 'as assigned' },
  waiting_on_client: {
    deadline: null,
    why: 'the SLA clock is stopped while the client is awaited (domain.md); resume moves dueAt by the working time spent waiting. A promised answer date still reminds the owner.',
  },
  resolved: { deadline: 'follow-up', kinds: ['callback_due', 'corrective_report_due'], why: 'callback one working day after sign-off (re-repair: 24 h)' },
  callback: { deadline: 'follow-up', kinds: ['callback_due', 'callback_retry', 'callback_failures', 'corrective_report_due'], why: 'callback due; each unreachable attempt has its next try' },
  verification: { deadline: 'follow-up', kinds: ['verification_due', 'verification_leadership', 'corrective_report_due'], why: 'quality verifies within the verification target, then leadership hears' },
  closed: { deadline: null, why: 'terminal: nothing is owed (a reopen starts a new deadline)' },
  cancelled: { deadline: null, why: 'terminal' },
};

/**
 * Deadlines in Firestore: the ONE idempotent check behind every timer and sweep, the timers
 * themselves (Cloud Tasks in production, a fake in tests) and delivery of deferred mail and SMS.
 *
 * At-least-once everywhere: a timer may fire early (the Tasks emulator ignores scheduleTime),
 * twice, or after the ticket moved on; the sweeper may run concurrently with a timer. Each of
 * them only calls {@link checkDeadline}, which escalates through the lifecycle engine with the
 * ticket's event seq as precondition: of two concurrent checks one escalates, the other finds
 * the deadline moved. Warnings and deferred mails have deterministic ids, written in transactions.
 */
import { HttpsError } from 'firebase-functions/v2/https';
import { getFunctions } from 'firebase-admin/functions';
import type { DocumentData, Firestore } from 'firebase-admin/firestore';
import type { z } from 'zod';
import type { WorkCalendar } from '../domain/calendar';
import { COL, eventId } from '../domain/collections';
import { DeferredMail, DeferredMessage, Ticket, TicketEvent, type LifecycleTicket } from '../domain/documents';
import {
  DEADLINE_STATES, ONSITE_RULE, decideDeadline, earliestDeliverAt, warnAtOf, warnHorizon, warningMessage, type DeadlineTicket,
  type NoActionReason,
} from '../domain/escalation';
import type { Audience } from '../domain/lifecycle/types';
import { deptName, formatShanghai, notificationId, renderNotification } from '../domain/notify';
import { findDepartment, type DeptEntry } from '../domain/routing';
import { parseDoc } from '../lib/firestore';
import { REGION } from '../lib/options';
import { resolveAudience } from './audience';
import { loadCalendar, loadSla } from './config';
import { fireFollowUps } from './deadlines/follow-ups';
import { recordDeadlineProblem } from './deadlines/problems';
import { loadOrg, loadStaff } from './org';
import { routeNewTicket } from './route-ticket';
import { ticketRef, writeNotification } from './tickets';
import { transitionTicket } from './transition';

export type CheckOutcome =
  | 'escalated' | 'handed-off' | 'warned' | 'already-warned' | 'missing' | 'calendar-problem' | 'no-business-dept' | NoActionReason;

export interface CheckResult {
  outcome: CheckOutcome;
  /** The new escalation level, when escalated. */
  level?: number;
  /** Who the escalation or hand-off was sent to (display names), as the event's note names them. */
  notified?: string[];
}

/** A concurrent change won: re-read and decide again, at most this many times. */
const MAX_ATTEMPTS = 3;

/**
 * Checks one ticket's deadline at `now` and does what is due: nothing, warn the owner once,
 * escalate one level through the engine (`escalate`, system actor), or — for on-site feedback
 * still with the on-site staff at the close of the day — hand it to the business department
 * (`hand_to_business`). `expectedDueAt` is the deadline the caller's timer was set for; when the
 * ticket's deadline differs, the timer is stale and nothing happens (the sweeper omits it).
 * An instant outside the working calendar is recorded on the ticket (`calendar-problem`); it never throws.
 */
export async function checkDeadline(db: Firestore, ticketId: string, now: Date, expectedDueAt?: Date | null): Promise<CheckResult> {
  try {
    return await checkDeadlineOnce(db, ticketId, now, expectedDueAt);
  } catch (e) {
    if (!(e instanceof RangeError)) throw e;
    await recordDeadlineProblem(db, ticketId, { code: 'calendar_range', message: e.message }, now);
    return { outcome: 'calendar-problem' };
  }
}

async function checkDeadlineOnce(db: Firestore, ticketId: string, now: Date, expectedDueAt?: Date | null): Promise<CheckResult> {
  const [calendar, policy] = await Promise.all([loadCalendar(db, now), loadSla(db)]);
  for (let attempt = 1; ; attempt++) {
    const snap = await ticketRef(db, ticketId).get();
    if (!snap.exists) return { outcome: 'missing' };
    const ticket = parseDoc(Ticket, snap);
    const decision = decideDeadline({ ticket, now, calendar, policy, ...(expectedDueAt !== undefined ? { expectedDueAt } : {}) });
    if (decision.action === 'none') return { outcome: decision.reason };
    if (decision.action === 'warn') return warn(db, ticketId, now, expectedDueAt);
    try {
      if (decision.action === 'handoff') return await handOff(db, ticketId, ticket, now);
      const org = await loadOrg(db);
      const dept = org.departments.find((d) => d.id === ticket.ownerDeptId) ?? null;
      const headActive = await hasActiveHead(db, dept?.headUid ?? null);
      // A department without an active head: its members and the next level hear of it too.
      const extra: Audience[] = headActive || !dept ? [] : [{ kind: 'dept', deptId: dept.id }, { kind: 'leadership' }];
      const audience = await resolveAudience(db, [...decision.notify, ...extra], org.departments);
      const names = await namesOf(db, audience.map((a) => a.recipient.uid));
      const who = decision.level === 1 ? '部门负责人' : '公司领导';
      const noHead = headActive || !dept ? '' : '（该部门无在岗负责人，已通知本部门全体及公司领导）';
      const result = await transitionTicket(db, {
        ticketId, action: 'escalate', actor: 'system', now,
        input: { reason: `逾期未办结，自动升级至${who}${noHead}；通知：${names.join('、') || '无人（请检查组织架构）'}`, expectedLevel: decision.fromLevel },
        expectedState: ticket.state, expectedSeq: ticket.lastEventSeq,
      });
      if (extra.length) await notifyExtra(db, ticketId, result.seq, result.ticket, calendar, extra, org.departments, now);
      return { outcome: 'escalated', level: decision.level, notified: names };
    } catch (e) {
      // The ticket changed between our read and the engine's transaction: decide again.
      if (e instanceof HttpsError && e.code === 'failed-precondition' && attempt < MAX_ATTEMPTS) continue;
      throw e;
    }
  }
}

async function hasActiveHead(db: Firestore, headUid: string | null): Promise<boolean> {
  if (!headUid) return false;
  const head = await loadStaff(db, headUid);
  return head !== null && !head.disabled;
}

async function namesOf(db: Firestore, uids: readonly string[]): Promise<string[]> {
  return Promise.all(uids.map(async (uid) => (await loadStaff(db, uid))?.displayName ?? uid));
}

/**
 * Notifications of the escalation event for the extra audience (department, next level), under
 * the event's own notification ids: whoever the engine already told is skipped, a second run adds nothing.
 */
async function notifyExtra(
  db: Firestore, ticketId: string, seq: number, ticket: LifecycleTicket, calendar: WorkCalendar, extra: Audience[],
  departments: readonly DeptEntry[], now: Date,
): Promise<void> {
  const people = await resolveAudience(db, extra, departments);
  const event = await db.collection(COL.tickets).doc(ticketId).collection(COL.events).doc(eventId(seq)).get();
  const parsed = parseDoc(TicketEvent, event);
  await Promise.all(people.map(async ({ recipient: r, kinds }) => {
    const msg = renderNotification(ticket, parsed, r.locale, { ownerDeptName: deptName(departments.find((d) => d.id === ticket.ownerDeptId), r.locale), formatInstant: formatShanghai });
    try {
      await db.runTransaction(async (tx) => {
        writeNotification(tx, db, notificationId(ticketId, seq, r.uid), {
          uid: r.uid, ticketId, eventSeq: seq, type: parsed.type, title: msg.title, body: msg.body, read: false, createdAt: now,
          deliverAt: earliestDeliverAt(calendar, now, { major: ticket.major, audiences: kinds }),
        }, r.email);
      });
    } catch (e) {
      if ((e as { code?: unknown }).code !== 6) throw e; // already told by the engine or a previous run
    }
  }));
}

/** On-site feedback not handled the same working day goes to the business department serving its branch. */
async function handOff(db: Firestore, ticketId: string, ticket: LifecycleTicket, now: Date): Promise<CheckResult> {
  const org = await loadOrg(db);
  const business = findDepartment('business', ticket.branchId, org.departments, org.branches);
  if (!business) {
    await recordDeadlineProblem(db, ticketId, { code: 'routing', message: `no business department serves branch ${ticket.branchId}: on-site feedback cannot be handed over` }, now);
    return { outcome: 'no-business-dept' };
  }
  const audience = await resolveAudience(db, [{ kind: 'dept', deptId: business.id }], org.departments);
  const names = await namesOf(db, audience.map((a) => a.recipient.uid));
  await transitionTicket(db, {
    ticketId, action: 'hand_to_business', actor: 'system', now,
    input: { toDeptId: business.id, reason: `现场人员当日未办结，自动转交${business.name}；通知：${names.join('、') || business.name}` },
    expectedState: ticket.state, expectedSeq: ticket.lastEventSeq,
  });
  return { outcome: 'handed-off', notified: names };
}

/**
 * Id of a deadline warning: one per recipient and deadline. The deadline is named by what it is
 * (escalation level, reopen count, on-site or not), not by its instant: a pause/resume moves
 * the instant but it is still the same deadline, so nobody is warned again.
 */
export function warningId(ticketId: string, t: Pick<LifecycleTicket, 'escalationLevel' | 'reopenCount' | 'routing'>, uid: string): string {
  const onsite = t.routing?.rule === ONSITE_RULE ? 'onsite-' : '';
  return `${ticketId}_warn-${onsite}L${t.escalationLevel}-R${t.reopenCount}_${uid}`;
}

async function warn(db: Firestore, ticketId: string, now: Date, expectedDueAt?: Date | null): Promise<CheckResult> {
  const [calendar, policy, org] = await Promise.all([loadCalendar(db, now), loadSla(db), loadOrg(db)]);
  return db.runTransaction(async (tx) => {
    const snap = await tx.get(ticketRef(db, ticketId));
    if (!snap.exists) return { outcome: 'missing' as const };
    const ticket = parseDoc(Ticket, snap);
    const decision = decideDeadline({ ticket, now, calendar, policy, ...(expectedDueAt !== undefined ? { expectedDueAt } : {}) });
    if (decision.action !== 'warn') return { outcome: decision.action === 'none' ? decision.reason : 'already-warned' };
    const recipients = await resolveAudience(db, decision.notify, org.departments);
    const refs = recipients.map((r) => db.collection(COL.notifications).doc(warningId(ticketId, ticket, r.recipient.uid)));
    const existing = refs.length ? await tx.getAll(...refs) : [];
    let written = 0;
    recipients.forEach(({ recipient: r, kinds }, i) => {
      if (existing[i]!.exists) return;
      const msg = warningMessage(ticket, decision.dueAt, r.locale);
      writeNotification(tx, db, refs[i]!.id, {
        uid: r.uid, ticketId, eventSeq: ticket.lastEventSeq, type: 'deadline_warning', title: msg.title, body: msg.body,
        read: false, createdAt: now, deliverAt: earliestDeliverAt(calendar, now, { major: ticket.major, audiences: kinds }),
      }, r.email);
      written++;
    });
    return { outcome: written ? ('warned' as const) : ('already-warned' as const) };
  });
}

// ── timers ───────────────────────────────────────────────────────────────────────────────────

export type TimerKind = 'due' | 'warn' | 'followup';

/** What a deadline task carries: the ticket and the deadline it was set for. */
export interface DeadlineTaskData {
  ticketId: string;
  /** ISO instant: the dueAt the timer was set for (stale when the ticket's differs). */
  dueAt: string;
  kind: TimerKind;
  /** For kind 'followup': the follow-up's key (domain/deadlines/follow-ups.ts). */
  key?: string;
}

export interface DeadlineTimer extends DeadlineTaskData {
  /** When to run: just after dueAt, or at the warning instant. */
  runAt: Date;
  /** Task name: a redelivered trigger schedules the same name, which the queue refuses. */
  name: string;
}

/** Where timers go: Cloud Tasks in production, a recorder in tests. */
export interface DeadlineTimers {
  schedule(timer: DeadlineTimer): Promise<'scheduled' | 'exists'>;
}

export const DEADLINE_TASK = 'deadlineTask';

/** Task name for a deadline: the ticket id and the deadline's instant (and the kind for warnings). */
export function deadlineTaskName(ticketId: string, dueAt: Date, kind: TimerKind = 'due'): string {
  return kind === 'due' ? `${ticketId}-${dueAt.getTime()}` : `${ticketId}-${dueAt.getTime()}-warn`;
}

/** The production timers: the `deadlineTask` queue, in the functions' region. */
export function cloudTasksTimers(): DeadlineTimers {
  return {
    async schedule(timer) {
      const queue = getFunctions().taskQueue<DeadlineTaskData>(`locations/${REGION}/functions/${DEADLINE_TASK}`);
      const data: DeadlineTaskData = { ticketId: timer.ticketId, dueAt: timer.dueAt, kind: timer.kind, ...(timer.key ? { key: timer.key } : {}) };
      try {
        await queue.enqueue(data, { scheduleTime: timer.runAt, id: timer.name });
        return 'scheduled';
      } catch (e) {
        if ((e as { code?: string }).code === 'functions/task-already-exists') return 'exists';
        throw e;
      }
    },
  };
}

let timers: DeadlineTimers | null = null;

/** The timers entry points use (Cloud Tasks unless replaced). */
export function deadlineTimers(): DeadlineTimers {
  return (timers ??= cloudTasksTimers());
}

/** Replaces the timers (tests). Returns the previous ones. */
export function useDeadlineTimers(next: DeadlineTimers | null): DeadlineTimers | null {
  const previous = timers;
  timers = next;
  return previous;
}

/** A second after the deadline: the check treats the deadline instant itself as still in time. */
const AFTER_DUE_MS = 1000;

/** Schedules the timers of one deadline: the escalation check just after dueAt, and the warning. */
export async function scheduleDeadlineTask(
  db: Firestore, ticketId: string, ticket: DeadlineTicket & { dueAt: Date }, now: Date,
  target: DeadlineTimers = deadlineTimers(),
): Promise<DeadlineTimer[]> {
  const dueAt = ticket.dueAt;
  const [calendar, policy] = await Promise.all([loadCalendar(db, now), loadSla(db)]);
  const warnAt = warnAtOf(calendar, policy, { ...ticket, dueAt });
  const all: DeadlineTimer[] = [
    { ticketId, dueAt: dueAt.toISOString(), kind: 'due', runAt: new Date(dueAt.getTime() + AFTER_DUE_MS), name: deadlineTaskName(ticketId, dueAt) },
  ];
  if (warnAt.getTime() > now.getTime()) {
    all.push({ ticketId, dueAt: dueAt.toISOString(), kind: 'warn', runAt: warnAt, name: deadlineTaskName(ticketId, dueAt, 'warn') });
  }
  await Promise.all(all.map((t) => target.schedule(t)));
  return all;
}

// ── sweeper ──────────────────────────────────────────────────────────────────────────────────

export interface SweepResult {
  checked: number;
  escalated: number;
  warned: number;
  /** On-site feedback handed to the business department. */
  handedOff: number;
  /** Follow-ups (callback, retries, verification, reports, promises) fired. */
  followUps: number;
  /** Tickets found still `received` and routed. */
  rerouted: number;
  /** Tickets whose deadline could not be computed (recorded on each; the sweep carried on). */
  problems: number;
  mailsDelivered: number;
  /** Complainants' SMS held back outside working hours, now handed to the gateway. */
  messagesDelivered: number;
  notificationsReleased: number;
}

/** Runs `work` for one ticket; an unexpected error is logged and counted, never stops the sweep. */
async function each<T>(id: string, work: () => Promise<T>, failed: string[]): Promise<T | null> {
  try {
    return await work();
  } catch (e) {
    failed.push(`${id}: ${e instanceof Error ? e.message : String(e)}`);
    return null;
  }
}

/**
 * The safety net behind the timers: every open ticket whose deadline (or warning) has come is
 * checked with the same {@link checkDeadline}; follow-ups whose time has come are fired; tickets
 * stuck in `received` are routed; deferred mails and notifications whose time has come are
 * delivered. One ticket's failure is recorded and the others carry on.
 */
export async function sweepDeadlines(db: Firestore, now: Date): Promise<SweepResult & { failures: string[] }> {
  const [calendar, policy] = await Promise.all([loadCalendar(db, now), loadSla(db)]);
  const horizon = warnHorizon(calendar, policy, now);
  const stuckBefore = new Date(now.getTime() - policy.stuckReceivedMinutes * 60_000);
  const [candidates, followUpDue, stuck] = await Promise.all([
    db.collection(COL.tickets).where('state', 'in', [...DEADLINE_STATES]).where('dueAt', '<=', horizon).get(),
    db.collection(COL.tickets).where('nextFollowUpAt', '<=', now).get(),
    db.collection(COL.tickets).where('state', '==', 'received').where('receivedAt', '<=', stuckBefore).get(),
  ]);
  const failures: string[] = [];
  const results = await Promise.all(candidates.docs.map((d) => each(d.id, () => checkDeadline(db, d.id, now), failures)));
  const fired = await Promise.all(followUpDue.docs.map((d) => each(d.id, async () => {
    try {
      return await fireFollowUps(db, d.id, now);
    } catch (e) {
      if (!(e instanceof RangeError)) throw e;
      await recordDeadlineProblem(db, d.id, { code: 'calendar_range', message: e.message }, now);
      return [];
    }
  }, failures)));
  const routed = await Promise.all(stuck.docs.map((d) => each(d.id, () => routeNewTicket(db, d.id, now), failures)));
  const [mailsDelivered, messagesDelivered, notificationsReleased] = await Promise.all([
    deliverDeferredMail(db, now), deliverDeferredMessages(db, now), releaseNotifications(db, now),
  ]);
  const outcomes = results.map((r) => r?.outcome);
  return {
    checked: results.length,
    escalated: outcomes.filter((o) => o === 'escalated').length,
    warned: outcomes.filter((o) => o === 'warned').length,
    handedOff: outcomes.filter((o) => o === 'handed-off').length,
    followUps: fired.flatMap((f) => f ?? []).filter((f) => f.outcome === 'fired').length,
    rerouted: routed.filter((r) => r === 'routed' || r === 'fallback').length,
    problems: outcomes.filter((o) => o === 'calendar-problem').length + failures.length,
    mailsDelivered,
    messagesDelivered,
    notificationsReleased,
    failures,
  };
}

/** Moves deferred mails whose time has come into `mail` (same id), each exactly once. */
export function deliverDeferredMail(db: Firestore, now: Date): Promise<number> {
  return deliverDeferred(db, now, COL.deferredMail, COL.mail, DeferredMail, (d) => d.mail);
}

/** Moves deferred SMS whose time has come into `messages` (same id), each exactly once. */
export function deliverDeferredMessages(db: Firestore, now: Date): Promise<number> {
  return deliverDeferred(db, now, COL.deferredMessages, COL.messages, DeferredMessage, (d) => d.message);
}

/**
 * Moves held documents whose `deliverAt` has come into the extension's collection (same id),
 * each exactly once: the extensions send on creation, so `create` never overwrites.
 */
async function deliverDeferred<S extends z.ZodType<{ deliverAt: Date }>>(
  db: Firestore, now: Date, from: string, to: string, schema: S, payload: (held: z.infer<S>) => DocumentData,
): Promise<number> {
  const due = await db.collection(from).where('deliverAt', '<=', now).get();
  const moved = await Promise.all(due.docs.map((d) => db.runTransaction(async (tx) => {
    const [held, sent] = await tx.getAll(d.ref, db.collection(to).doc(d.id));
    if (!held!.exists) return 0; // another sweep moved it
    const deferred = parseDoc(schema, held!);
    if (!sent!.exists) tx.create(sent!.ref, payload(deferred));
    tx.delete(held!.ref);
    return sent!.exists ? 0 : 1;
  }).catch((e: unknown) => {
    // A concurrent sweep created the document first; that sweep also removes the held copy.
    if ((e as { code?: unknown }).code === 6) return 0;
    throw e;
  })));
  return moved.reduce<number>((a, b) => a + b, 0);
}

/** Clears `deliverAt` of in-app notifications whose e-mail time has come: `deliverAt` set = e-mail still held. */
export async function releaseNotifications(db: Firestore, now: Date): Promise<number> {
  const due = await db.collection(COL.notifications).where('deliverAt', '<=', now).get();
  await Promise.all(due.docs.map((d) => d.ref.update({ deliverAt: null })));
  return due.size;
}

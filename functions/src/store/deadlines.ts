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
import { COL } from '../domain/collections';
import { DeferredMail, DeferredMessage, Ticket } from '../domain/documents';
import {
  DEADLINE_STATES, decideDeadline, earliestDeliverAt, warnAtOf, warnHorizon, warningMessage, type DeadlineTicket, type NoActionReason,
} from '../domain/escalation';
import { parseDoc } from '../lib/firestore';
import { REGION } from '../lib/options';
import { resolveAudience } from './audience';
import { loadCalendar, loadSla } from './config';
import { loadOrg } from './org';
import { ticketRef, writeNotification } from './tickets';
import { transitionTicket } from './transition';

export type CheckOutcome = 'escalated' | 'warned' | 'already-warned' | 'missing' | NoActionReason;

export interface CheckResult {
  outcome: CheckOutcome;
  /** The new escalation level, when escalated. */
  level?: number;
}

/** A concurrent change won: re-read and decide again, at most this many times. */
const MAX_ATTEMPTS = 3;

/**
 * Checks one ticket's deadline at `now` and does what is due: nothing, warn the owner once, or
 * escalate one level through the engine (`escalate`, system actor), which sets the next
 * deadline and notifies. `expectedDueAt` is the deadline the caller's timer was set for; when
 * the ticket's deadline differs, the timer is stale and nothing happens (the sweeper omits it).
 */
export async function checkDeadline(db: Firestore, ticketId: string, now: Date, expectedDueAt?: Date | null): Promise<CheckResult> {
  const [calendar, policy] = await Promise.all([loadCalendar(db), loadSla(db)]);
  for (let attempt = 1; ; attempt++) {
    const snap = await ticketRef(db, ticketId).get();
    if (!snap.exists) return { outcome: 'missing' };
    const ticket = parseDoc(Ticket, snap);
    const decision = decideDeadline({ ticket, now, calendar, policy, ...(expectedDueAt !== undefined ? { expectedDueAt } : {}) });
    if (decision.action === 'none') return { outcome: decision.reason };
    if (decision.action === 'warn') return warn(db, ticketId, now, expectedDueAt);
    try {
      const who = decision.level === 1 ? '部门负责人' : '公司领导';
      await transitionTicket(db, {
        ticketId, action: 'escalate', actor: 'system', now,
        input: { reason: `逾期未办结，自动升级至${who}`, expectedLevel: decision.fromLevel },
        expectedState: ticket.state, expectedSeq: ticket.lastEventSeq,
      });
      return { outcome: 'escalated', level: decision.level };
    } catch (e) {
      // The ticket changed between our read and the engine's transaction: decide again.
      if (e instanceof HttpsError && e.code === 'failed-precondition' && attempt < MAX_ATTEMPTS) continue;
      throw e;
    }
  }
}

/** Id of a deadline warning: one per recipient and deadline. */
export function warningId(ticketId: string, dueAt: Date, uid: string): string {
  return `${ticketId}_warn-${dueAt.getTime()}_${uid}`;
}

async function warn(db: Firestore, ticketId: string, now: Date, expectedDueAt?: Date | null): Promise<CheckResult> {
  const [calendar, policy, org] = await Promise.all([loadCalendar(db), loadSla(db), loadOrg(db)]);
  return db.runTransaction(async (tx) => {
    const snap = await tx.get(ticketRef(db, ticketId));
    if (!snap.exists) return { outcome: 'missing' as const };
    const ticket = parseDoc(Ticket, snap);
    const decision = decideDeadline({ ticket, now, calendar, policy, ...(expectedDueAt !== undefined ? { expectedDueAt } : {}) });
    if (decision.action !== 'warn') return { outcome: decision.action === 'none' ? decision.reason : 'already-warned' };
    const recipients = await resolveAudience(db, decision.notify, org.departments);
    const refs = recipients.map((r) => db.collection(COL.notifications).doc(warningId(ticketId, decision.dueAt, r.recipient.uid)));
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

export type TimerKind = 'due' | 'warn';

/** What a deadline task carries: the ticket and the deadline it was set for. */
export interface DeadlineTaskData {
  ticketId: string;
  /** ISO instant: the dueAt the timer was set for (stale when the ticket's differs). */
  dueAt: string;
  kind: TimerKind;
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
      const data: DeadlineTaskData = { ticketId: timer.ticketId, dueAt: timer.dueAt, kind: timer.kind };
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
  const [calendar, policy] = await Promise.all([loadCalendar(db), loadSla(db)]);
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
  mailsDelivered: number;
  /** Complainants' SMS held back outside working hours, now handed to the gateway. */
  messagesDelivered: number;
  notificationsReleased: number;
}

/**
 * The safety net behind the timers: every open ticket whose deadline (or warning) has come is
 * checked with the same {@link checkDeadline}; deferred mails and notifications whose time has
 * come are delivered.
 */
export async function sweepDeadlines(db: Firestore, now: Date): Promise<SweepResult> {
  const [calendar, policy] = await Promise.all([loadCalendar(db), loadSla(db)]);
  const horizon = warnHorizon(calendar, policy, now);
  const candidates = await db.collection(COL.tickets)
    .where('state', 'in', [...DEADLINE_STATES])
    .where('dueAt', '<=', horizon)
    .get();
  const results = await Promise.all(candidates.docs.map((d) => checkDeadline(db, d.id, now)));
  const [mailsDelivered, messagesDelivered, notificationsReleased] = await Promise.all([
    deliverDeferredMail(db, now), deliverDeferredMessages(db, now), releaseNotifications(db, now),
  ]);
  return {
    checked: results.length,
    escalated: results.filter((r) => r.outcome === 'escalated').length,
    warned: results.filter((r) => r.outcome === 'warned').length,
    mailsDelivered,
    messagesDelivered,
    notificationsReleased,
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

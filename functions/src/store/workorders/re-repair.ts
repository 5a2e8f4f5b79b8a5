/**
 * Re-repair [003]: a complaint that earlier work is still faulty → a new order linked to the
 * first, dispatched at once, with a special callback within 24 h (`reRepairCallbackDue`,
 * config/sla `reRepairCallback`) owed by the office's CS centre. The deadline has a timer
 * (Cloud Task `workOrderCallbackTask`) and a sweeper behind it (`sweepWorkOrderCallbacks`);
 * both only call {@link checkSpecialCallback}, which is idempotent: an overdue callback
 * escalates one level (1: heads of the CS centre and of the working department; 2: the office's
 * leadership), each level once, keyed by the deadline it was set for.
 */
import { getFunctions } from 'firebase-admin/functions';
import type { Firestore, Transaction } from 'firebase-admin/firestore';
import type { Actor } from '../../domain/actor';
import { COL } from '../../domain/collections';
import { dueFor, reRepairCallbackDue } from '../../domain/sla';
import type { DispatchReRepairInput } from '../../domain/workorders/api';
import { CallbackTask, WorkOrder } from '../../domain/workorders/documents';
import { canDispatchReRepair } from '../../domain/workorders/policy';
import { parseDoc } from '../../lib/firestore';
import { REGION } from '../../lib/options';
import { loadCalendar, loadSla } from '../config';
import { writeNotification } from '../tickets';
import { appendEvent, dispatchWorkOrder, isRace, orderRef } from './orders';
import { customerServiceOf, headsFor, leadershipOf, type Person } from './recipients';
import { refusal } from './refuse';

export function reRepairTaskId(orderId: string): string {
  return `rerepair_${orderId}`;
}

/** Dispatches the re-repair of `originalOrderId` and opens its special callback. */
export async function dispatchReRepair(
  db: Firestore, actor: Actor, input: DispatchReRepairInput, now: Date, timers: CallbackTimers = callbackTimers(),
): Promise<{ orderId: string; created: boolean; callbackDueAt: Date }> {
  const originalSnap = await orderRef(db, input.originalOrderId).get();
  if (!originalSnap.exists) throw refusal('workorders.not_found', { what: 'work order', id: input.originalOrderId }, 'not-found');
  const original = parseDoc(WorkOrder, originalSnap);
  if (!original.finishedAt) throw refusal('workorders.not_original', { number: original.number });
  const [calendar, sla, cs] = await Promise.all([loadCalendar(db), loadSla(db), customerServiceOf(db, original.branchId)]);
  const dueAt = reRepairCallbackDue(calendar, now, sla);
  const result = await dispatchWorkOrder(db, actor, {
    ticketId: input.complaintTicketId ?? original.ticketId, deptId: original.deptId, technicianUid: input.technicianUid,
    appointmentFrom: input.appointmentFrom, appointmentTo: input.appointmentTo, location: original.location, item: original.item,
    description: input.description, requestId: input.requestId,
  }, now, {
    authorize: canDispatchReRepair,
    kind: 'repair',
    reRepairOf: { orderId: input.originalOrderId, number: original.number },
    extra: (tx, orderId, order) => {
      const taskId = reRepairTaskId(orderId);
      tx.create(db.collection(COL.callbackTasks).doc(taskId), CallbackTask.parse({
        kind: 're_repair', orderId, orderNumber: order.number, ticketId: order.ticketId, branchId: order.branchId,
        clientId: order.clientId, clientName: order.clientName, sampleId: null, dueAt, state: 'open', result: null, createdAt: now,
      }));
      for (const p of cs) {
        writeNotification(tx, db, `wo_${orderId}_1_${p.uid}`, {
          uid: p.uid, ticketId: order.ticketId, eventSeq: 1, type: 're_repair_callback_due',
          title: `返修特别回访 ${order.number}`, body: `${order.clientName}：请于 24 小时内回访（原单 ${original.number}）`,
          read: false, createdAt: now, deliverAt: null,
        }, p.email);
      }
      return { specialCallback: { taskId, dueAt, doneAt: null, escalationLevel: 0 }, specialCallbackDueAt: dueAt };
    },
  });
  if (result.created) await scheduleCallbackTimer(result.orderId, dueAt, timers);
  const order = parseDoc(WorkOrder, await orderRef(db, result.orderId).get());
  return { ...result, callbackDueAt: order.specialCallback?.dueAt ?? dueAt };
}

// ── timers ───────────────────────────────────────────────────────────────────────────────────

export interface CallbackTimer {
  orderId: string;
  /** ISO: the deadline the timer was set for (stale when the order's differs). */
  dueAt: string;
  runAt: Date;
  name: string;
}

export interface CallbackTimers {
  schedule(timer: CallbackTimer): Promise<'scheduled' | 'exists'>;
}

export const CALLBACK_TASK = 'workOrderCallbackTask';

export function cloudTasksCallbackTimers(): CallbackTimers {
  return {
    async schedule(timer) {
      const queue = getFunctions().taskQueue<{ orderId: string; dueAt: string }>(`locations/${REGION}/functions/${CALLBACK_TASK}`);
      try {
        await queue.enqueue({ orderId: timer.orderId, dueAt: timer.dueAt }, { scheduleTime: timer.runAt, id: timer.name });
        return 'scheduled';
      } catch (e) {
        if ((e as { code?: string }).code === 'functions/task-already-exists') return 'exists';
        throw e;
      }
    },
  };
}

let timers: CallbackTimers | null = null;

export function callbackTimers(): CallbackTimers {
  return (timers ??= cloudTasksCallbackTimers());
}

/** Replaces the timers (tests). Returns the previous ones. */
export function useCallbackTimers(next: CallbackTimers | null): CallbackTimers | null {
  const previous = timers;
  timers = next;
  return previous;
}

function scheduleCallbackTimer(orderId: string, dueAt: Date, target: CallbackTimers): Promise<'scheduled' | 'exists'> {
  return target.schedule({ orderId, dueAt: dueAt.toISOString(), runAt: new Date(dueAt.getTime() + 1000), name: `${orderId}-callback-${dueAt.getTime()}` });
}

// ── the check ────────────────────────────────────────────────────────────────────────────────

export type CallbackCheck = 'escalated' | 'not-due' | 'done' | 'deadline-moved' | 'missing';

/**
 * Checks one re-repair's special callback at `now`: nothing when done, not due, or when the
 * timer was set for another deadline; else escalates one level (event + notifications in one
 * transaction) and sets the next deadline (level 1) or stops (level 2, the top).
 */
export async function checkSpecialCallback(
  db: Firestore, orderId: string, now: Date, expectedDueAt?: Date, target: CallbackTimers = callbackTimers(),
): Promise<{ outcome: CallbackCheck; level?: number }> {
  const first = await orderRef(db, orderId).get();
  if (!first.exists) return { outcome: 'missing' };
  const peek = parseDoc(WorkOrder, first);
  const level = (peek.specialCallback?.escalationLevel ?? 0) + 1;
  const [calendar, sla, recipients] = await Promise.all([
    loadCalendar(db), loadSla(db),
    level === 1 ? headsFor(db, peek.branchId, peek.deptId) : leadershipOf(db, peek.branchId),
  ]);
  let next: Date | null = null;
  try {
    const outcome = await db.runTransaction(async (tx) => {
      const snap = await tx.get(orderRef(db, orderId));
      const order = parseDoc(WorkOrder, snap);
      const sc = order.specialCallback;
      const due = order.specialCallbackDueAt;
      if (!sc || sc.doneAt || !due || order.state === 'cancelled') return 'done' as const;
      if (expectedDueAt && expectedDueAt.getTime() !== due.getTime()) return 'deadline-moved' as const;
      if (now.getTime() <= due.getTime()) return 'not-due' as const;
      if (sc.escalationLevel + 1 !== level) return 'deadline-moved' as const; // another check escalated meanwhile
      next = level === 1 ? dueFor(calendar, sla.escalationTargets['1'], now) : null;
      const who = level === 1 ? '客服中心及工程部门负责人' : '管理处领导';
      const seq = appendEvent(tx, db, orderId, order, {
        type: 'special_callback_overdue', at: now, actorUid: 'system', actorName: '系统', from: order.state, to: order.state,
        note: `返修特别回访逾期，升级至${who}`,
      }, () => ({ specialCallback: { ...sc, escalationLevel: level }, specialCallbackDueAt: next }));
      notify(tx, db, orderId, order, seq, recipients, now, level);
      return 'escalated' as const;
    });
    if (outcome === 'escalated' && next) await scheduleCallbackTimer(orderId, next, target);
    return outcome === 'escalated' ? { outcome, level } : { outcome };
  } catch (e) {
    // A concurrent check created the same event first: it escalated.
    if (isRace(e)) return { outcome: 'deadline-moved' };
    throw e;
  }
}

function notify(
  tx: Transaction, db: Firestore, orderId: string, order: WorkOrder, seq: number, people: Person[], now: Date, level: number,
): void {
  for (const p of people) {
    writeNotification(tx, db, `wo_${orderId}_${seq}_${p.uid}`, {
      uid: p.uid, ticketId: order.ticketId, eventSeq: seq, type: 'special_callback_overdue',
      title: `返修特别回访逾期 ${order.number}`, body: `${order.clientName}：24 小时内未完成特别回访（升级第 ${level} 级）`,
      read: false, createdAt: now, deliverAt: null,
    }, p.email);
  }
}

/** The sweeper behind the timers: every open special callback whose deadline has passed. */
export async function sweepSpecialCallbacks(db: Firestore, now: Date): Promise<{ checked: number; escalated: number }> {
  const due = await db.collection(COL.workOrders).where('specialCallbackDueAt', '<=', now).get();
  const results = [];
  // One at a time: checks of one office load the same recipients and config.
  for (const d of due.docs) results.push(await checkSpecialCallback(db, d.id, now));
  return { checked: results.length, escalated: results.filter((r) => r.outcome === 'escalated').length };
}

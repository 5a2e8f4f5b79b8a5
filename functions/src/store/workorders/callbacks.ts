/**
 * Repair callbacks by the customer-service centre: the weekly random 20 % sample of each office's
 * finished orders [003], and recording a callback's result (the sample's or a re-repair's special
 * callback) on the task and on the order.
 *
 * The weekly draw is safe to deliver twice: the sample document `callbackSamples/{office}_{week}`
 * is created first (a second delivery finds it and only completes missing tasks), the seed comes
 * from the office and the week, tasks and notifications have deterministic ids and are created,
 * never overwritten (a result already recorded stays).
 */
import type { DocumentReference, Firestore } from 'firebase-admin/firestore';
import type { Actor } from '../../domain/actor';
import { COL } from '../../domain/collections';
import { Branch } from '../../domain/documents';
import type { RecordCallbackInput } from '../../domain/workorders/api';
import { CallbackSample, CallbackTask, WorkOrder, type CallbackResult } from '../../domain/workorders/documents';
import { previousWeek, startOfShanghaiDate } from '../../domain/workorders/periods';
import { canRecordCallback } from '../../domain/workorders/policy';
import { drawSample, sampleSeed, WEEKLY_SHARE } from '../../domain/workorders/sampling';
import { parseDoc } from '../../lib/firestore';
import { writeNotification } from '../tickets';
import { appendEvent, isRace, orderRef } from './orders';
import { customerServiceOf } from './recipients';
import { authorizeWorkOrders, refusal } from './refuse';

export interface SampleResult {
  sampleId: string;
  branchId: string;
  week: string;
  population: number;
  sampled: number;
  tasksCreated: number;
  /** False when an earlier delivery had drawn it. */
  drawn: boolean;
}

const FINISHED = new Set(['finished', 'accepted', 'refused']);
/** The order fields a callback task copies (read with a field mask). */
const TASK_FIELDS = ['number', 'ticketId', 'clientId', 'clientName'] as const;
const TaskSource = WorkOrder.pick({ number: true, ticketId: true, clientId: true, clientName: true });
const BATCH = 400;

export function sampleId(branchId: string, week: string): string {
  return `${branchId}_${week}`;
}

/** Draws (or completes) one office's sample of the week starting Monday `week` (YYYY-MM-DD). */
export async function drawWeeklySample(db: Firestore, branchId: string, week: string, now: Date): Promise<SampleResult> {
  const id = sampleId(branchId, week);
  const ref = db.collection(COL.callbackSamples).doc(id);
  let sample: CallbackSample;
  let drawn = false;
  const existing = await ref.get();
  if (existing.exists) {
    sample = parseDoc(CallbackSample, existing);
  } else {
    // Only the state is needed to draw: a projection keeps 10 000 orders' documents off the wire.
    const population = await db.collection(COL.workOrders).where('branchId', '==', branchId).where('finishedWeek', '==', week).select('state').get();
    const ids = population.docs.filter((d) => FINISHED.has(d.get('state'))).map((d) => d.id);
    const seed = sampleSeed(branchId, week);
    sample = CallbackSample.parse({ branchId, week, seed, share: WEEKLY_SHARE, population: ids.length, orderIds: drawSample(ids, seed), drawnAt: now });
    try {
      await ref.create(sample);
      drawn = true;
    } catch (e) {
      if (!isRace(e)) throw e;
      sample = parseDoc(CallbackSample, await ref.get()); // a concurrent delivery drew it (the same orders)
    }
  }
  const tasksCreated = await createTasks(db, id, sample, week, now);
  return { sampleId: id, branchId, week, population: sample.population, sampled: sample.orderIds.length, tasksCreated, drawn };
}

/** Creates the sample's missing callback tasks (deterministic ids) and tells the CS centre once. */
async function createTasks(db: Firestore, id: string, sample: CallbackSample, week: string, now: Date): Promise<number> {
  if (!sample.orderIds.length) return 0;
  const dueAt = new Date(startOfShanghaiDate(week).getTime() + 14 * 86_400_000); // the end of the week after the sampled one
  let created = 0;
  for (let i = 0; i < sample.orderIds.length; i += BATCH) {
    created += await createChunk(db, id, sample, sample.orderIds.slice(i, i + BATCH), dueAt, now);
  }
  await notifySample(db, id, sample, now);
  return created;
}

/** Creates the chunk's missing tasks; when a concurrent delivery created some first, looks again. */
async function createChunk(db: Firestore, id: string, sample: CallbackSample, chunk: string[], dueAt: Date, now: Date, attempt = 1): Promise<number> {
  const taskRefs = chunk.map((o) => db.collection(COL.callbackTasks).doc(`${id}_${o}`));
  const have = await db.getAll(...taskRefs);
  const missing = chunk.filter((_, n) => !have[n]!.exists);
  if (!missing.length) return 0;
  const orders = await db.getAll(...missing.map((o) => orderRef(db, o)), { fieldMask: [...TASK_FIELDS] });
  const batch = db.batch();
  orders.forEach((snap, n) => {
    const order = parseDoc(TaskSource, snap);
    batch.create(db.collection(COL.callbackTasks).doc(`${id}_${missing[n]}`), CallbackTask.parse({
      kind: 'weekly_sample', orderId: missing[n], orderNumber: order.number, ticketId: order.ticketId, branchId: sample.branchId,
      clientId: order.clientId, clientName: order.clientName, sampleId: id, dueAt, state: 'open', result: null, createdAt: now,
    }));
  });
  try {
    await batch.commit();
  } catch (e) {
    if (isRace(e) && attempt < 3) return createChunk(db, id, sample, chunk, dueAt, now, attempt + 1);
    throw e;
  }
  return missing.length;
}

async function notifySample(db: Firestore, id: string, sample: CallbackSample, now: Date): Promise<void> {
  const people = await customerServiceOf(db, sample.branchId);
  await Promise.all(people.map((p) => db.runTransaction(async (tx) => {
    const ref: DocumentReference = db.collection(COL.notifications).doc(`sample_${id}_${p.uid}`);
    if ((await tx.get(ref)).exists) return;
    writeNotification(tx, db, ref.id, {
      uid: p.uid, ticketId: sample.orderIds[0]!, eventSeq: 1, type: 'repair_callback_sample',
      title: `维修回访抽样（${sample.week} 周）`, body: `${sample.population} 张完工派工单中抽取 ${sample.orderIds.length} 张，请电话回访`,
      read: false, createdAt: now, deliverAt: null,
    }, p.email);
  }).catch((e: unknown) => { if (!isRace(e)) throw e; })));
}

/** The Monday run: every office's sample of the previous week. */
export async function drawAllWeeklySamples(db: Firestore, now: Date): Promise<SampleResult[]> {
  const week = previousWeek(now);
  const branches = await db.collection(COL.branches).get();
  const out: SampleResult[] = [];
  for (const b of branches.docs) {
    parseDoc(Branch, b);
    out.push(await drawWeeklySample(db, b.id, week, now));
  }
  return out;
}

/**
 * Records a callback's result on the task and on the order (one order event), in one
 * transaction. A re-repair's result also closes its special callback.
 */
export async function recordCallback(db: Firestore, actor: Actor, input: RecordCallbackInput, now: Date): Promise<{ taskId: string; orderId: string }> {
  const taskRef = db.collection(COL.callbackTasks).doc(input.taskId);
  try {
    return await db.runTransaction(async (tx) => {
      const taskSnap = await tx.get(taskRef);
      if (!taskSnap.exists) throw refusal('workorders.not_found', { what: 'callback task', id: input.taskId }, 'not-found');
      const task = parseDoc(CallbackTask, taskSnap);
      authorizeWorkOrders(canRecordCallback(actor, task.branchId));
      if (task.state === 'done') throw refusal('workorders.callback_done', { at: task.result?.at.toISOString() ?? '—' });
      const order = parseDoc(WorkOrder, await tx.get(orderRef(db, task.orderId)));
      // A sampled order is called after the work; a re-repair's special callback may come before it ends (24 h).
      if (task.kind === 'weekly_sample' ? !FINISHED.has(order.state) : order.state === 'cancelled') throw refusal('workorders.not_callback_state');
      const result: CallbackResult = {
        taskId: input.taskId, kind: task.kind, reached: input.reached, satisfied: input.satisfied, comments: input.comments,
        at: now, byUid: actor.uid, byName: actor.displayName,
      };
      const special = task.kind === 're_repair' && order.specialCallback
        ? { specialCallback: { ...order.specialCallback, doneAt: now }, specialCallbackDueAt: null } : {};
      const verdict = !input.reached ? '未联系上' : input.satisfied ? '满意' : '不满意';
      appendEvent(tx, db, task.orderId, order, {
        type: 'callback_recorded', at: now, actorUid: actor.uid, actorName: actor.displayName, from: order.state, to: order.state,
        note: `${task.kind === 're_repair' ? '返修特别回访' : '维修回访'}：${verdict}${input.comments ? `，${input.comments}` : ''}`,
      }, () => ({ callback: result, ...special }));
      tx.update(taskRef, { state: 'done', result });
      return { taskId: input.taskId, orderId: task.orderId };
    });
  } catch (e) {
    if (isRace(e)) throw refusal('workorders.stale', { seq: 0 });
    throw e;
  }
}

/** The office's callback tasks (open or done), oldest due first. */
export async function listCallbackTasks(db: Firestore, branchId: string, state: 'open' | 'done', limit = 500): Promise<Array<{ id: string; task: CallbackTask }>> {
  const snap = await db.collection(COL.callbackTasks).where('branchId', '==', branchId).where('state', '==', state)
    .orderBy('dueAt').limit(limit).get();
  return snap.docs.map((d) => ({ id: d.id, task: parseDoc(CallbackTask, d) }));
}

/**
 * Work orders in Firestore: the top-level `workOrders` collection (ticketId on each order),
 * chosen over a ticket subcollection because every list crosses tickets (the technician's
 * orders, an office's week for the callback sample, a month for the statement) and the offline
 * emulator runs no collection-group queries. Lists are ordered by `dispatchedAt` (composite
 * indexes); the sample, statement, warranty and re-repair queries are equality-only (merged from
 * single-field indexes) or a single-field range.
 *
 * Every step is one transaction that re-reads the order, checks the expected step number
 * (`expectedSeq`), decides with the domain (domain/workorders/machine.ts), creates the history
 * event FIRST (id = next seq, so a concurrent loser fails with ALREADY_EXISTS before it writes
 * anything on the gRPC emulator, which neither isolates nor rolls back) and then updates the
 * order. A retry of the step just taken by the same person returns the order unchanged.
 */
import type { DocumentReference, Firestore, Transaction } from 'firebase-admin/firestore';
import type { Actor } from '../../domain/actor';
import { COL, eventId } from '../../domain/collections';
import { Department, Staff, Ticket } from '../../domain/documents';
import type { Decision, TicketScope } from '../../domain/policy';
import type { DispatchWorkOrderInput, WorkOrderActionInput, WorkOrderAction } from '../../domain/workorders/api';
import { WorkOrder, WorkOrderEvent, type PriceList, type WorkOrderKind, type WorkOrderState } from '../../domain/workorders/documents';
import { actionsFor, decideStep, EVENT_TYPE } from '../../domain/workorders/machine';
import { canActOnOrder, type OrderScope } from '../../domain/workorders/policy';
import { findWarranty, itemKey } from '../../domain/workorders/pricing';
import { parseDoc } from '../../lib/firestore';
import { writeNotification } from '../tickets';
import { loadPriceList } from './price-list';
import { authorizeWorkOrders, refusal } from './refuse';

export function orderRef(db: Firestore, orderId: string): DocumentReference {
  return db.collection(COL.workOrders).doc(orderId);
}

function eventRef(db: Firestore, orderId: string, seq: number): DocumentReference {
  return orderRef(db, orderId).collection(COL.events).doc(eventId(seq));
}

export function ticketScope(t: Ticket): TicketScope {
  return { kind: t.kind, branchId: t.branchId, ownerDeptId: t.ownerDeptId, createdBy: t.createdBy, state: t.state, assigneeUid: t.assigneeUid };
}

export function orderScope(o: WorkOrder): OrderScope {
  return { branchId: o.branchId, deptId: o.deptId, dispatchedByDeptId: o.dispatchedByDeptId, technicianUid: o.technicianUid };
}

/** ALREADY_EXISTS (a concurrent writer took the id) or ABORTED (contention). */
export function isRace(e: unknown): boolean {
  const code = (e as { code?: unknown }).code;
  return code === 6 || code === 10 || code === 'already-exists' || code === 'aborted';
}

/** Creates the event first, then writes the order (see the module comment for why the order matters). */
export function appendEvent(
  tx: Transaction, db: Firestore, orderId: string, before: WorkOrder | null,
  event: Omit<WorkOrderEvent, 'seq'>, write: (seq: number) => Partial<WorkOrder> | WorkOrder,
): number {
  const seq = before ? before.lastEventSeq + 1 : 1;
  tx.create(eventRef(db, orderId, seq), WorkOrderEvent.parse({ ...event, seq }));
  const patch = { ...write(seq), lastEventSeq: seq, lastEventType: event.type, lastActorUid: event.actorUid, updatedAt: event.at };
  if (before) tx.update(orderRef(db, orderId), patch);
  else tx.create(orderRef(db, orderId), WorkOrder.parse(patch));
  return seq;
}

export interface DispatchExtra {
  /** Policy for the parent ticket (dispatch or re-repair). */
  authorize: (actor: Actor, ticket: TicketScope) => Decision;
  kind?: WorkOrderKind;
  reRepairOf?: { orderId: string; number: string };
  /** Fields and writes a re-repair adds in the same transaction. */
  extra?: (tx: Transaction, orderId: string, order: WorkOrder) => Partial<WorkOrder>;
}

const DISPATCH_TICKET_KINDS = new Set(['repair', 'paid_service', 'complaint']);

/**
 * Dispatches a work order under a ticket to a technician of `deptId`. The order's id is
 * `{ticketId}-{n}`, its number `{ticket number}-{n}`; the warranty of an earlier accepted repair
 * of the same item is looked up and recorded. Returns the order id (the existing one on a retry).
 */
export async function dispatchWorkOrder(
  db: Firestore, actor: Actor, input: DispatchWorkOrderInput, now: Date, how: DispatchExtra,
): Promise<{ orderId: string; created: boolean }> {
  if (input.appointmentTo.getTime() <= input.appointmentFrom.getTime()) throw refusal('workorders.bad_window');
  const [techSnap, deptSnap] = await Promise.all([db.collection(COL.staff).doc(input.technicianUid).get(), db.collection(COL.departments).doc(input.deptId).get()]);
  if (!deptSnap.exists) throw refusal('workorders.not_technician', { name: input.technicianUid, dept: input.deptId }, 'invalid-argument');
  const dept = parseDoc(Department, deptSnap);
  const tech = techSnap.exists ? parseDoc(Staff, techSnap) : null;
  if (!tech || tech.disabled || tech.deptId !== input.deptId) {
    throw refusal('workorders.not_technician', { name: tech?.displayName ?? input.technicianUid, dept: dept.name }, 'invalid-argument');
  }
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.runTransaction(async (tx) => {
        const ticketSnap = await tx.get(db.collection(COL.tickets).doc(input.ticketId));
        if (!ticketSnap.exists) throw refusal('workorders.not_found', { what: 'ticket', id: input.ticketId }, 'not-found');
        const ticket = parseDoc(Ticket, ticketSnap);
        authorizeWorkOrders(how.authorize(actor, ticketScope(ticket)));
        if (!DISPATCH_TICKET_KINDS.has(ticket.kind)) throw refusal('workorders.ticket_kind', { kind: ticket.kind });
        if (ticket.state === 'closed' || ticket.state === 'cancelled') throw refusal('workorders.ticket_closed', { number: ticket.number });
        const key = itemKey(ticket.clientId, input.location, input.item);
        const [siblings, sameItem] = await Promise.all([
          tx.get(db.collection(COL.workOrders).where('ticketId', '==', input.ticketId)),
          tx.get(db.collection(COL.workOrders).where('itemKey', '==', key)),
        ]);
        const again = siblings.docs.find((d) => d.get('requestId') === input.requestId);
        if (again) return { orderId: again.id, created: false };
        const n = siblings.size + 1;
        const orderId = `${input.ticketId}-${n}`;
        const warranty = findWarranty(sameItem.docs.map((d) => ({ id: d.id, order: parseDoc(WorkOrder, d) })), key, now);
        const order: WorkOrder = WorkOrder.parse({
          number: `${ticket.number}-${n}`, ticketId: input.ticketId, ticketNumber: ticket.number, ticketKind: ticket.kind,
          kind: how.kind ?? (ticket.kind === 'paid_service' ? 'paid_service' : 'repair'),
          branchId: ticket.branchId, clientId: ticket.clientId, clientName: ticket.clientName,
          deptId: input.deptId, dispatchedByDeptId: actor.deptId, dispatchedByUid: actor.uid,
          technicianUid: input.technicianUid, technicianName: tech.displayName,
          appointmentFrom: input.appointmentFrom, appointmentTo: input.appointmentTo,
          location: input.location, item: input.item, itemKey: key, description: input.description,
          state: 'dispatched', dispatchedAt: now, warranty, reRepairOf: how.reRepairOf ?? null,
          requestId: input.requestId, createdAt: now, updatedAt: now, lastEventSeq: 1, lastEventType: 'dispatched', lastActorUid: actor.uid,
        });
        const extra = how.extra?.(tx, orderId, order) ?? {};
        const note = `派工给 ${tech.displayName}（${dept.name}）${warranty ? `；保修期内（原单 ${warranty.number}）` : ''}`;
        appendEvent(tx, db, orderId, null, { type: 'dispatched', at: now, actorUid: actor.uid, actorName: actor.displayName, from: null, to: 'dispatched', note },
          () => ({ ...order, ...extra }));
        writeNotification(tx, db, `wo_${orderId}_1_${input.technicianUid}`, {
          uid: input.technicianUid, ticketId: input.ticketId, eventSeq: 1, type: 'work_order_dispatched',
          title: `新派工单 ${order.number}`, body: `${order.clientName} · ${order.location} · ${order.item}`, read: false, createdAt: now, deliverAt: null,
        }, tech.email);
        return { orderId, created: true };
      });
    } catch (e) {
      // Two dispatches on one ticket took the same number: the loser counts again.
      if (isRace(e) && attempt < 3) continue;
      throw e;
    }
  }
}

export interface StepResult {
  orderId: string;
  order: WorkOrder;
  seq: number;
  /** True when this was a retry of the step already taken: nothing was written. */
  replayed: boolean;
}

/** Takes one step on an order (arrive, quote, accept the price, finish, sign, refuse, cancel, record a payment). */
export async function stepWorkOrder(db: Firestore, actor: Actor, input: WorkOrderActionInput, now: Date, priceList?: PriceList): Promise<StepResult> {
  const list = priceList ?? (await loadPriceList(db));
  try {
    return await db.runTransaction(async (tx) => {
      const snap = await tx.get(orderRef(db, input.orderId));
      if (!snap.exists) throw refusal('workorders.not_found', { what: 'work order', id: input.orderId }, 'not-found');
      const order = parseDoc(WorkOrder, snap);
      authorizeWorkOrders(canActOnOrder(actor, orderScope(order), input.action));
      if (order.lastEventSeq === input.expectedSeq + 1 && order.lastEventType === EVENT_TYPE[input.action] && order.lastActorUid === actor.uid) {
        return { orderId: input.orderId, order, seq: order.lastEventSeq, replayed: true };
      }
      if (order.lastEventSeq !== input.expectedSeq) throw refusal('workorders.stale', { seq: order.lastEventSeq });
      const step = decideStep(order, input, { now, actor: { uid: actor.uid, name: actor.displayName }, priceList: list });
      if (step.refused) throw refusal(step.reason, step.params);
      if (input.action === 'record_payment') {
        // One receipt / bank reference pays one order: the marker is created before anything else.
        const markerRef = db.collection(COL.paymentReferences).doc(paymentKey(input.method, input.reference));
        const marker = await tx.get(markerRef);
        if (marker.exists) throw refusal('workorders.receipt_used', { reference: input.reference, number: String(marker.get('orderNumber')) });
        tx.create(markerRef, { orderId: input.orderId, orderNumber: order.number, method: input.method, reference: input.reference, at: now });
      }
      const seq = appendEvent(tx, db, input.orderId, order, {
        type: EVENT_TYPE[input.action], at: now, actorUid: actor.uid, actorName: actor.displayName, from: order.state, to: step.to, note: step.note,
      }, () => step.patch);
      return { orderId: input.orderId, order: { ...order, ...step.patch, lastEventSeq: seq, lastEventType: EVENT_TYPE[input.action], lastActorUid: actor.uid, updatedAt: now }, seq, replayed: false };
    });
  } catch (e) {
    if (isRace(e)) throw refusal('workorders.stale', { seq: input.expectedSeq + 1 });
    throw e;
  }
}

/** Document id of a payment reference: method and the reference without characters ids refuse. */
export function paymentKey(method: string, reference: string): string {
  return `${method}_${Buffer.from(reference.trim().toUpperCase()).toString('base64url')}`;
}

export async function loadOrder(db: Firestore, orderId: string): Promise<WorkOrder | null> {
  const snap = await orderRef(db, orderId).get();
  return snap.exists ? parseDoc(WorkOrder, snap) : null;
}

export async function loadHistory(db: Firestore, orderId: string): Promise<WorkOrderEvent[]> {
  const snap = await orderRef(db, orderId).collection(COL.events).orderBy('seq').get();
  return snap.docs.map((d) => parseDoc(WorkOrderEvent, d));
}

const OPEN: readonly WorkOrderState[] = ['dispatched', 'arrived', 'finished'];

/**
 * Orders by one equality filter (technician, office or ticket), newest first, optionally open
 * only. The technician's and the office's lists are ordered and limited in Firestore (composite
 * indexes in firestore.indexes.json); a ticket has a handful of orders, sorted here.
 */
export async function listOrders(
  db: Firestore, by: { field: 'technicianUid' | 'branchId' | 'ticketId'; value: string }, openOnly: boolean, limit: number,
): Promise<Array<{ id: string; order: WorkOrder }>> {
  let q = db.collection(COL.workOrders).where(by.field, '==', by.value);
  if (openOnly) q = q.where('state', 'in', [...OPEN]);
  if (by.field !== 'ticketId') q = q.orderBy('dispatchedAt', 'desc').limit(limit);
  const snap = await q.get();
  return snap.docs
    .map((d) => ({ id: d.id, order: parseDoc(WorkOrder, d) }))
    .sort((a, b) => b.order.dispatchedAt.getTime() - a.order.dispatchedAt.getTime())
    .slice(0, limit);
}

/** Actions the actor may take on the order now (the server decides; the client shows them). */
export function allowedActions(actor: Actor, order: WorkOrder): WorkOrderAction[] {
  return actionsFor(order).filter((a) => canActOnOrder(actor, orderScope(order), a).allowed);
}

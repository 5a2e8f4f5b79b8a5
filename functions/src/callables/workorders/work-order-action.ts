import { onCall } from 'firebase-functions/v2/https';
import { WorkOrderActionInput } from '../../domain/workorders/api';
import { toWire } from '../../domain/workorders/views';
import { requireActor } from '../../lib/actor';
import { clock } from '../../lib/clock';
import { parseInput } from '../../lib/errors';
import { db } from '../../lib/firestore';
import { allowedActions, stepWorkOrder } from '../../store/workorders/orders';

/** One step on a work order: arrive, quote, accept_price, finish, sign, refuse, cancel, record_payment. */
export const workOrderAction = onCall(async (request) => {
  const actor = await requireActor(db(), request);
  const input = parseInput(WorkOrderActionInput, request.data);
  const r = await stepWorkOrder(db(), actor, input, clock().now());
  return { orderId: r.orderId, seq: r.seq, state: r.order.state, replayed: r.replayed, order: toWire(r.order), allowedActions: allowedActions(actor, r.order) };
});

import { onCall } from 'firebase-functions/v2/https';
import { GetWorkOrderInput } from '../../domain/workorders/api';
import { canReadOrder } from '../../domain/workorders/policy';
import { toWire } from '../../domain/workorders/views';
import { requireActor } from '../../lib/actor';
import { parseInput } from '../../lib/errors';
import { db } from '../../lib/firestore';
import { allowedActions, loadHistory, loadOrder, orderScope } from '../../store/workorders/orders';
import { authorizeWorkOrders, refusal } from '../../store/workorders/refuse';

/** One work order with its history and the steps the caller may take (for the phone page and printing). */
export const getWorkOrder = onCall(async (request) => {
  const actor = await requireActor(db(), request);
  const { orderId } = parseInput(GetWorkOrderInput, request.data);
  const order = await loadOrder(db(), orderId);
  if (!order) throw refusal('workorders.not_found', { what: 'work order', id: orderId }, 'not-found');
  authorizeWorkOrders(canReadOrder(actor, orderScope(order)));
  return { orderId, order: toWire(order), history: toWire(await loadHistory(db(), orderId)), allowedActions: allowedActions(actor, order) };
});

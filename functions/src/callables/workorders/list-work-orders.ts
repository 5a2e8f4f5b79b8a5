import { onCall } from 'firebase-functions/v2/https';
import { ListWorkOrdersInput } from '../../domain/workorders/api';
import { canReadOrder } from '../../domain/workorders/policy';
import { toWire } from '../../domain/workorders/views';
import { requireActor } from '../../lib/actor';
import { parseInput } from '../../lib/errors';
import { db } from '../../lib/firestore';
import { listOrders, orderScope } from '../../store/workorders/orders';

/** The technician's own orders, the office's, or one ticket's; every row filtered by the read policy. */
export const listWorkOrders = onCall(async (request) => {
  const actor = await requireActor(db(), request);
  const input = parseInput(ListWorkOrdersInput, request.data);
  const by = input.scope === 'mine' ? { field: 'technicianUid' as const, value: actor.uid }
    : input.scope === 'office' ? { field: 'branchId' as const, value: actor.branchId }
      : { field: 'ticketId' as const, value: input.ticketId! };
  const rows = await listOrders(db(), by, input.openOnly, input.limit);
  return { orders: rows.filter((r) => canReadOrder(actor, orderScope(r.order)).allowed).map((r) => ({ id: r.id, ...toWire(r.order) })) };
});

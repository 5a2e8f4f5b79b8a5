import { onCall } from 'firebase-functions/v2/https';
import { DispatchWorkOrderInput } from '../../domain/workorders/api';
import { canDispatch } from '../../domain/workorders/policy';
import { requireActor } from '../../lib/actor';
import { clock } from '../../lib/clock';
import { parseInput } from '../../lib/errors';
import { db } from '../../lib/firestore';
import { dispatchWorkOrder as dispatch } from '../../store/workorders/orders';

/** Dispatches a work order under a repair or paid-service ticket (policy checked on the ticket, in the transaction). */
export const dispatchWorkOrder = onCall(async (request) => {
  const actor = await requireActor(db(), request);
  const input = parseInput(DispatchWorkOrderInput, request.data);
  return dispatch(db(), actor, input, clock().now(), { authorize: canDispatch });
});

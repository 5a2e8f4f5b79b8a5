import { onCall } from 'firebase-functions/v2/https';
import { ListCallbackTasksInput } from '../../domain/workorders/api';
import { canListCallbackTasks } from '../../domain/workorders/policy';
import { toWire } from '../../domain/workorders/views';
import { requireActor } from '../../lib/actor';
import { parseInput } from '../../lib/errors';
import { db } from '../../lib/firestore';
import { listCallbackTasks as list } from '../../store/workorders/callbacks';
import { authorizeWorkOrders } from '../../store/workorders/refuse';

/** The caller's office's repair callback tasks (weekly sample and re-repair special callbacks). */
export const listRepairCallbackTasks = onCall(async (request) => {
  const actor = await requireActor(db(), request);
  const { state } = parseInput(ListCallbackTasksInput, request.data);
  authorizeWorkOrders(canListCallbackTasks(actor));
  return { tasks: (await list(db(), actor.branchId, state)).map((r) => ({ id: r.id, ...toWire(r.task) })) };
});

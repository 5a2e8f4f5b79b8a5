/** The work-order callables (functions/src/callables/workorders/): list, one order, steps, dispatch, callbacks, price list. */
import type { z } from 'zod';
import type {
  DispatchWorkOrderInput, GetWorkOrderInput, ListCallbackTasksInput, ListWorkOrdersInput, RecordCallbackInput, WorkOrderActionInput,
} from '../../../../functions/src/domain/workorders/api';
import type { CallbackTask, PriceList, WorkOrder, WorkOrderEvent } from '../../../../functions/src/domain/workorders/documents';
import type { Wire } from '../../../../functions/src/domain/workorders/views';
import { callable } from '../../api/call';

export type OrderView = Wire<WorkOrder>;
export type OrderRow = OrderView & { id: string };
export type OrderEventView = Wire<WorkOrderEvent>;
export type TaskRow = Wire<CallbackTask> & { id: string };
export type StepAction = z.input<typeof WorkOrderActionInput>['action'];

export const listWorkOrders = callable<z.input<typeof ListWorkOrdersInput>, { orders: OrderRow[] }>('listWorkOrders');
export const getWorkOrder = callable<z.input<typeof GetWorkOrderInput>, { orderId: string; order: OrderView; history: OrderEventView[]; allowedActions: StepAction[] }>('getWorkOrder');
export const workOrderAction = callable<z.input<typeof WorkOrderActionInput>, { orderId: string; seq: number; state: string; replayed: boolean; order: OrderView; allowedActions: StepAction[] }>('workOrderAction');
export const dispatchWorkOrder = callable<z.input<typeof DispatchWorkOrderInput>, { orderId: string; created: boolean }>('dispatchWorkOrder');
export const listRepairCallbackTasks = callable<z.input<typeof ListCallbackTasksInput>, { tasks: TaskRow[] }>('listRepairCallbackTasks');
export const recordRepairCallback = callable<z.input<typeof RecordCallbackInput>, unknown>('recordRepairCallback');
export const getPriceList = callable<Record<string, never>, PriceList>('getPriceList');

/** Fen → '¥12.50'. */
export const yuan = (fen: number | null | undefined): string => (fen === null || fen === undefined ? '—' : `¥${(fen / 100).toFixed(2)}`);

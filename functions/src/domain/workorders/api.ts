/** Callable inputs of the work-order area (`.strict()`: unknown fields are refused). No Firebase. */
import { z } from 'zod';
import { MaterialUse, PaymentMethod, PriceList } from './documents';
import { Signature } from './signature-schema';

const id = z.string().min(1).max(128);
const instant = z.iso.datetime({ offset: true }).transform((s) => new Date(s));
const requestId = z.string().min(8).max(64).regex(/^[A-Za-z0-9_-]+$/);

export const DispatchWorkOrderInput = z.object({
  ticketId: id,
  /** The department doing the work (engineering by default on the client). */
  deptId: id,
  technicianUid: id,
  appointmentFrom: instant,
  appointmentTo: instant,
  location: z.string().trim().min(1).max(200),
  item: z.string().trim().min(1).max(100),
  description: z.string().trim().max(2000).default(''),
  /** Chosen by the client once per dispatch form: a retried call returns the same order. */
  requestId,
}).strict();
export type DispatchWorkOrderInput = z.infer<typeof DispatchWorkOrderInput>;

export const DispatchReRepairInput = z.object({
  /** The earlier order the client complains about. */
  originalOrderId: id,
  /** The complaint ticket, when the complaint was filed as its own ticket; else the first order's ticket. */
  complaintTicketId: id.optional(),
  technicianUid: id,
  appointmentFrom: instant,
  appointmentTo: instant,
  description: z.string().trim().min(1).max(2000),
  requestId,
}).strict();
export type DispatchReRepairInput = z.infer<typeof DispatchReRepairInput>;

const step = { orderId: id, expectedSeq: z.number().int().min(1) };
const signed = { signerName: z.string().trim().min(1).max(50), signature: Signature };

export const WorkOrderActionInput = z.discriminatedUnion('action', [
  z.object({ action: z.literal('arrive'), ...step }).strict(),
  z.object({
    action: z.literal('quote'), ...step,
    lines: z.array(z.object({ code: z.string().min(1).max(40), quantity: z.number().positive().max(10_000) }).strict()).min(1).max(50),
    afterHours: z.boolean().default(false),
  }).strict(),
  z.object({ action: z.literal('accept_price'), ...step, ...signed }).strict(),
  z.object({
    action: z.literal('finish'), ...step,
    workDone: z.string().trim().min(1).max(2000),
    materials: z.array(MaterialUse).max(50).default([]),
    minutesSpent: z.number().int().min(1).max(24 * 60 * 7),
  }).strict(),
  z.object({ action: z.literal('sign'), ...step, ...signed }).strict(),
  z.object({ action: z.literal('refuse'), ...step, reason: z.string().trim().min(1).max(1000) }).strict(),
  z.object({ action: z.literal('cancel'), ...step, reason: z.string().trim().min(1).max(1000) }).strict(),
  z.object({
    action: z.literal('record_payment'), ...step,
    method: PaymentMethod,
    reference: z.string().trim().min(1).max(64),
    /** Fen; must equal the accepted total. */
    amount: z.number().int().min(1),
  }).strict(),
]);
export type WorkOrderActionInput = z.infer<typeof WorkOrderActionInput>;
export type WorkOrderAction = WorkOrderActionInput['action'];

export const RecordCallbackInput = z.object({
  taskId: id,
  reached: z.boolean(),
  /** Required when reached; null otherwise. */
  satisfied: z.boolean().nullable(),
  comments: z.string().trim().max(1000).default(''),
}).strict().refine((v) => (v.reached ? v.satisfied !== null : v.satisfied === null), {
  path: ['satisfied'], message: 'say whether the client was satisfied when reached, and nothing when not reached',
});
export type RecordCallbackInput = z.infer<typeof RecordCallbackInput>;

export const GetWorkOrderInput = z.object({ orderId: id }).strict();

export const ListWorkOrdersInput = z.object({
  /** mine: the technician's own orders; office: the caller's branch (dispatchers, CS centre); ticket: one ticket's. */
  scope: z.enum(['mine', 'office', 'ticket']),
  ticketId: id.optional(),
  openOnly: z.boolean().default(false),
  limit: z.number().int().min(1).max(500).default(100),
}).strict().refine((v) => v.scope !== 'ticket' || v.ticketId, { path: ['ticketId'], message: 'ticketId is required for scope ticket' });
export type ListWorkOrdersInput = z.infer<typeof ListWorkOrdersInput>;

export const ListCallbackTasksInput = z.object({ state: z.enum(['open', 'done']).default('open') }).strict();

export const SavePriceListInput = z.object({ priceList: PriceList, reason: z.string().trim().min(1).max(1000) }).strict();

const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'YYYY-MM');
export const StatementInput = z.object({ branchId: id, month }).strict();
export type StatementInput = z.infer<typeof StatementInput>;

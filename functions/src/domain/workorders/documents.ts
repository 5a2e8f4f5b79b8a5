/**
 * Work orders (派工单 / 维修单 / 有偿服务单) and what hangs off them: their history, callback
 * tasks, weekly samples, monthly statements and the price list. zod schemas of every document
 * of the area; instants are Dates (the Firestore adapter converts Timestamps). Money is in fen
 * (integer 1/100 yuan), so sums never round.
 */
import { z } from 'zod';
import { labelled } from '../vocabulary';
import { TicketKind } from '../vocabulary';
import { Signature } from './signature-schema';

const id = z.string().min(1).max(128);
const text = (max: number) => z.string().trim().max(max);
/** Money in fen (分). */
export const Fen = z.number().int().min(0).max(100_000_000);


const states = labelled({
  dispatched: { 'zh-CN': '已派工', en: 'Dispatched' },
  arrived: { 'zh-CN': '已到场', en: 'Arrived' },
  finished: { 'zh-CN': '已完工', en: 'Finished' },
  accepted: { 'zh-CN': '已验收', en: 'Accepted' },
  refused: { 'zh-CN': '客户拒签', en: 'Refused by client' },
  cancelled: { 'zh-CN': '已取消', en: 'Cancelled' },
});
export const WorkOrderState = states.schema;
export type WorkOrderState = z.infer<typeof WorkOrderState>;
export const WORK_ORDER_STATE_LABELS = states.labels;

const kinds = labelled({
  repair: { 'zh-CN': '维修', en: 'Repair' },
  paid_service: { 'zh-CN': '有偿服务', en: 'Paid service' },
});
export const WorkOrderKind = kinds.schema;
export type WorkOrderKind = z.infer<typeof WorkOrderKind>;
export const WORK_ORDER_KIND_LABELS = kinds.labels;

const paymentMethods = labelled({
  cash: { 'zh-CN': '现金（收据）', en: 'Cash (receipt)' },
  bank: { 'zh-CN': '银行转账', en: 'Bank transfer' },
});
export const PaymentMethod = paymentMethods.schema;
export type PaymentMethod = z.infer<typeof PaymentMethod>;
export const PAYMENT_METHOD_LABELS = paymentMethods.labels;

export const MaterialUse = z.object({
  name: text(100).min(1),
  quantity: z.number().positive().max(100_000),
  unit: text(20).default(''),
  /** Who supplied it: the client (the rule in most offices) or the company (charged when configured). */
  suppliedBy: z.enum(['client', 'company']),
}).strict();
export type MaterialUse = z.infer<typeof MaterialUse>;

/** One line of a price: an item of the price list × quantity. */
export const PriceLine = z.object({
  code: id,
  name: z.string(),
  unit: z.string(),
  category: z.enum(['labour', 'material']),
  unitPrice: Fen,
  quantity: z.number().positive(),
  amount: Fen,
});
export type PriceLine = z.infer<typeof PriceLine>;

/** The price shown to the client before work (有偿服务单), and the client's acceptance. */
export const Price = z.object({
  lines: z.array(PriceLine),
  /** Outside working hours the labour costs `afterHoursMultiplier` times [001 物业部有偿服务管理制度 三.4]. */
  afterHours: z.boolean(),
  labour: Fen,
  materials: Fen,
  total: Fen,
  /** Free under the warranty of an earlier repair of the same item. */
  warrantyFree: z.boolean(),
  quotedAt: z.date(),
  quotedBy: id,
  acceptedAt: z.date().nullable(),
  signerName: z.string().nullable(),
  signature: Signature.nullable(),
  /** SHA-256 (hex) over the signature strokes and the accepted lines and total. */
  hash: z.string().nullable(),
});
export type Price = z.infer<typeof Price>;

export const Payment = z.object({
  method: PaymentMethod,
  /** Cash receipt number (收据号) or bank reference (银行流水号). */
  reference: z.string().min(1),
  amount: Fen,
  at: z.date(),
  byUid: id,
  byName: z.string(),
});
export type Payment = z.infer<typeof Payment>;

export const CallbackResult = z.object({
  taskId: id,
  kind: z.enum(['weekly_sample', 're_repair']),
  reached: z.boolean(),
  /** null when the client was not reached. */
  satisfied: z.boolean().nullable(),
  comments: z.string(),
  at: z.date(),
  byUid: id,
  byName: z.string(),
});
export type CallbackResult = z.infer<typeof CallbackResult>;

export const WorkOrder = z.object({
  /** Readable on the phone: the ticket's number and the order's place under it, e.g. HX-20251013-0007-2. */
  number: z.string().min(1),
  ticketId: id,
  ticketNumber: z.string(),
  ticketKind: TicketKind,
  kind: WorkOrderKind,
  branchId: id,
  clientId: id,
  clientName: z.string(),
  /** The department doing the work (engineering, security…) and the one that dispatched it. */
  deptId: id,
  dispatchedByDeptId: id,
  dispatchedByUid: id,
  technicianUid: id,
  technicianName: z.string(),
  appointmentFrom: z.date(),
  appointmentTo: z.date(),
  location: z.string(),
  item: z.string(),
  /** client + normalised location/item: how a later repair of the same thing finds this one. */
  itemKey: z.string(),
  description: z.string(),
  state: WorkOrderState,
  dispatchedAt: z.date(),
  arrivedAt: z.date().nullable().default(null),
  finishedAt: z.date().nullable().default(null),
  /** Accepted or refused by the client. */
  completedAt: z.date().nullable().default(null),
  /** Monday (Shanghai) of the week the work was finished, YYYY-MM-DD: the weekly sample's key. */
  finishedWeek: z.string().nullable().default(null),
  /** YYYY-MM (Shanghai) of completedAt: the monthly statement's key. */
  completedMonth: z.string().nullable().default(null),
  workDone: z.string().default(''),
  materials: z.array(MaterialUse).default([]),
  minutesSpent: z.number().int().min(0).nullable().default(null),
  acceptance: z.object({
    signerName: z.string(),
    signature: Signature,
    hash: z.string(),
    at: z.date(),
  }).nullable().default(null),
  refusal: z.object({ reason: z.string(), at: z.date() }).nullable().default(null),
  price: Price.nullable().default(null),
  payment: Payment.nullable().default(null),
  /** The earlier order whose free warranty covers this one, found at dispatch. */
  warranty: z.object({ orderId: id, number: z.string(), until: z.date() }).nullable().default(null),
  /** Set when accepted: a later repair of the same item before this instant is free. */
  warrantyUntil: z.date().nullable().default(null),
  /** A re-repair after a complaint: the first order, and the 24 h special callback [003]. */
  reRepairOf: z.object({ orderId: id, number: z.string() }).nullable().default(null),
  specialCallback: z.object({
    taskId: id,
    dueAt: z.date(),
    doneAt: z.date().nullable(),
    escalationLevel: z.number().int().min(0).max(2),
  }).nullable().default(null),
  /** The next special-callback deadline while open, else null (the sweeper's single-field query). */
  specialCallbackDueAt: z.date().nullable().default(null),
  callback: CallbackResult.nullable().default(null),
  /** The dispatch form's request id: a retried dispatch finds the order it created. */
  requestId: z.string(),
  createdAt: z.date(),
  updatedAt: z.date(),
  lastEventSeq: z.number().int().min(1),
  lastEventType: z.string(),
  lastActorUid: id,
});
export type WorkOrder = z.infer<typeof WorkOrder>;
export type WorkOrderInput = z.input<typeof WorkOrder>;

/** One step of a work order's append-only history (`workOrders/{id}/events/{seq}`). */
export const WorkOrderEvent = z.object({
  seq: z.number().int().min(1),
  type: z.string().min(1),
  at: z.date(),
  actorUid: id,
  actorName: z.string(),
  from: WorkOrderState.nullable(),
  to: WorkOrderState,
  note: z.string().default(''),
});
export type WorkOrderEvent = z.infer<typeof WorkOrderEvent>;

/** A phone callback the customer-service centre owes: a sampled repair or a re-repair's special callback. */
export const CallbackTask = z.object({
  kind: z.enum(['weekly_sample', 're_repair']),
  orderId: id,
  orderNumber: z.string(),
  ticketId: id,
  branchId: id,
  clientId: id,
  clientName: z.string(),
  sampleId: id.nullable(),
  dueAt: z.date(),
  state: z.enum(['open', 'done']),
  result: CallbackResult.nullable(),
  createdAt: z.date(),
});
export type CallbackTask = z.infer<typeof CallbackTask>;

/** The weekly random 20 % sample of one office's finished repair orders [003]. */
export const CallbackSample = z.object({
  branchId: id,
  /** Monday (Shanghai) of the sampled week, YYYY-MM-DD. */
  week: z.string(),
  seed: z.number().int(),
  share: z.number().gt(0).max(1),
  population: z.number().int().min(0),
  orderIds: z.array(id),
  drawnAt: z.date(),
});
export type CallbackSample = z.infer<typeof CallbackSample>;

export const StatementLine = z.object({
  orderId: id,
  number: z.string(),
  clientName: z.string(),
  item: z.string(),
  completedAt: z.date(),
  total: Fen,
  warrantyFree: z.boolean(),
  paid: z.boolean(),
  paymentMethod: PaymentMethod.nullable(),
  paymentReference: z.string().nullable(),
  paidAt: z.date().nullable(),
});
export type StatementLine = z.infer<typeof StatementLine>;

/** The monthly statement of paid services to finance, per office [001 有偿服务管理规定 4.2.3]. */
export const Statement = z.object({
  branchId: id,
  month: z.string().regex(/^\d{4}-\d{2}$/),
  lines: z.array(StatementLine),
  totals: z.object({ orders: z.number().int(), amount: Fen, paidAmount: Fen, unpaidAmount: Fen, unpaidOrders: z.number().int() }),
  state: z.enum(['draft', 'approved']),
  generatedAt: z.date(),
  generatedBy: id,
  approvedAt: z.date().nullable(),
  approvedBy: id.nullable(),
  approvedByName: z.string().nullable(),
});
export type Statement = z.infer<typeof Statement>;

/** 《有偿服务收费标准》: the price list (`config/priceList`). */
export const PriceListItem = z.object({
  code: z.string().trim().min(1).max(40).regex(/^[A-Za-z0-9_-]+$/, 'letters, digits, - and _ only'),
  name: z.string().trim().min(1).max(100),
  unit: z.string().trim().min(1).max(20),
  category: z.enum(['labour', 'material']),
  unitPrice: Fen,
}).strict();
export type PriceListItem = z.infer<typeof PriceListItem>;

export const PriceList = z.object({
  items: z.array(PriceListItem).max(500).default([]),
  /** `client_supplies`: the client supplies every material [001 物业部有偿服务管理办法 二.1-2]; `charged`: material items may be charged. */
  materials: z.enum(['client_supplies', 'charged']).default('client_supplies'),
  /** Free warranty on a repair, in months [001: 3个月免费保修]. */
  warrantyMonths: z.number().int().min(0).max(36).default(3),
  /** Labour outside working hours costs this many times the list price [001 三.4: 两倍]. */
  afterHoursMultiplier: z.number().min(1).max(5).default(2),
}).strict().superRefine((list, ctx) => {
  const seen = new Set<string>();
  list.items.forEach((item, i) => {
    if (seen.has(item.code)) ctx.addIssue({ code: 'custom', path: ['items', i, 'code'], message: `duplicate code ${item.code}` });
    seen.add(item.code);
  });
});
export type PriceList = z.infer<typeof PriceList>;
export type PriceListInput = z.input<typeof PriceList>;

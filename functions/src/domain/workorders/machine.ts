/**
 * The work order's state machine: dispatched → arrived → finished → accepted | refused, and
 * cancelled before the work is finished. Price (quote, the client's acceptance) and payment are
 * steps that keep the state. Every step is decided here, purely: the store runs the decision in
 * a transaction, appends one event and applies the patch. No Firebase.
 */
import type { WorkOrderActionInput, WorkOrderAction } from './api';
import type { PriceList, WorkOrder, WorkOrderState } from './documents';
import { WORK_ORDER_STATE_LABELS } from './documents';
import { isQuoteProblem, quote, warrantyEnd, yuan } from './pricing';
import { monthOf, weekOf } from './periods';
import { checkSignature, normaliseSignature, signatureHash } from './signature';
import type { WorkOrderRefusal } from './refusals';

/** Which actions each state allows. */
export const ACTIONS_BY_STATE: Readonly<Record<WorkOrderState, readonly WorkOrderAction[]>> = {
  dispatched: ['arrive', 'quote', 'accept_price', 'cancel'],
  arrived: ['quote', 'accept_price', 'finish', 'cancel'],
  finished: ['sign', 'refuse'],
  accepted: ['record_payment'],
  refused: [],
  cancelled: [],
};

/** History event type of each action. */
export const EVENT_TYPE: Readonly<Record<WorkOrderAction, string>> = {
  arrive: 'arrived', quote: 'quoted', accept_price: 'price_accepted', finish: 'finished', sign: 'accepted',
  refuse: 'refused', cancel: 'cancelled', record_payment: 'payment_recorded',
};

const ACTION_WORDS: Readonly<Record<WorkOrderAction, string>> = {
  arrive: '到场', quote: '报价', accept_price: '确认价格', finish: '完工', sign: '验收签字', refuse: '拒签',
  cancel: '取消', record_payment: '登记收款',
};

export interface Refused {
  refused: true;
  reason: WorkOrderRefusal;
  params: Record<string, string | number>;
}

export interface Step {
  refused: false;
  patch: Partial<WorkOrder>;
  to: WorkOrderState;
  note: string;
}

export interface StepContext {
  now: Date;
  actor: { uid: string; name: string };
  priceList: PriceList;
}

const refuse = (reason: WorkOrderRefusal, params: Record<string, string | number> = {}): Refused => ({ refused: true, reason, params });

/** What the signature on the acceptance binds: the order, the work and (for paid work) the price. */
export function acceptedWork(order: Pick<WorkOrder, 'number' | 'workDone' | 'materials' | 'price'>): unknown {
  return { number: order.number, workDone: order.workDone, materials: order.materials, total: order.price?.total ?? 0 };
}

/** What the signature on the price binds: the lines and the total. */
export function acceptedPrice(price: NonNullable<WorkOrder['price']>): unknown {
  return { lines: price.lines, afterHours: price.afterHours, total: price.total, warrantyFree: price.warrantyFree };
}

/** Actions the order allows now (before rights are checked). */
export function actionsFor(order: WorkOrder): WorkOrderAction[] {
  return ACTIONS_BY_STATE[order.state].filter((a) => {
    if (a === 'quote' || a === 'accept_price') return order.kind === 'paid_service' && !order.price?.acceptedAt;
    if (a === 'record_payment') return order.kind === 'paid_service' && !order.payment && (order.price?.total ?? 0) > 0;
    return true;
  });
}

/** Decides one step on `order`. Refusals carry a reason code of the area's catalogue. */
export function decideStep(order: WorkOrder, input: WorkOrderActionInput, ctx: StepContext): Step | Refused {
  const action = input.action;
  // Specific refusals first: they tell the user more than "wrong state".
  if ((action === 'quote' || action === 'accept_price') && order.kind !== 'paid_service') return refuse('workorders.not_paid_service');
  if (action === 'quote' && order.price?.acceptedAt) return refuse('workorders.price_locked', { at: order.price.acceptedAt.toISOString() });
  if (action === 'record_payment' && order.payment) {
    return refuse('workorders.payment_recorded', { at: order.payment.at.toISOString(), reference: order.payment.reference });
  }
  if (!ACTIONS_BY_STATE[order.state].includes(action)) {
    return refuse('workorders.wrong_state', { state: WORK_ORDER_STATE_LABELS[order.state]['zh-CN'], action: ACTION_WORDS[action] });
  }
  const { now, actor } = ctx;
  switch (input.action) {
    case 'arrive':
      return { refused: false, to: 'arrived', patch: { state: 'arrived', arrivedAt: now }, note: '' };
    case 'quote': {
      const q = quote(ctx.priceList, { lines: input.lines, afterHours: input.afterHours, warrantyFree: order.warranty !== null });
      if (isQuoteProblem(q)) return refuse(q.reason, q.params);
      return {
        refused: false, to: order.state, note: `报价 ${yuan(q.total)} 元${q.warrantyFree ? '（保修期内免费）' : ''}`,
        patch: { price: { ...q, quotedAt: now, quotedBy: actor.uid, acceptedAt: null, signerName: null, signature: null, hash: null } },
      };
    }
    case 'accept_price': {
      if (order.price?.acceptedAt) return refuse('workorders.price_locked', { at: order.price.acceptedAt.toISOString() });
      if (!order.price) return refuse('workorders.no_quote');
      const problem = checkSignature(input.signature);
      if (problem) return refuse(problem.reason, problem.params);
      const signature = normaliseSignature(input.signature);
      const price = { ...order.price, acceptedAt: now, signerName: input.signerName, signature, hash: '' };
      price.hash = signatureHash(signature, acceptedPrice(price));
      return { refused: false, to: order.state, patch: { price }, note: `${input.signerName} 确认价格 ${yuan(price.total)} 元` };
    }
    case 'finish': {
      if (order.kind === 'paid_service' && !order.warranty && !order.price?.acceptedAt) return refuse('workorders.price_not_accepted');
      return {
        refused: false, to: 'finished', note: input.workDone,
        patch: {
          state: 'finished', finishedAt: now, finishedWeek: weekOf(now),
          workDone: input.workDone, materials: input.materials, minutesSpent: input.minutesSpent,
        },
      };
    }
    case 'sign': {
      const problem = checkSignature(input.signature);
      if (problem) return refuse(problem.reason, problem.params);
      const signature = normaliseSignature(input.signature);
      const hash = signatureHash(signature, acceptedWork(order));
      return {
        refused: false, to: 'accepted', note: `${input.signerName} 验收签字`,
        patch: {
          state: 'accepted', completedAt: now, completedMonth: monthOf(now),
          acceptance: { signerName: input.signerName, signature, hash, at: now },
          warrantyUntil: warrantyEnd(now, ctx.priceList.warrantyMonths),
        },
      };
    }
    case 'refuse':
      return {
        refused: false, to: 'refused', note: input.reason,
        patch: { state: 'refused', completedAt: now, completedMonth: monthOf(now), refusal: { reason: input.reason, at: now } },
      };
    case 'cancel':
      return {
        refused: false, to: 'cancelled', note: input.reason,
        patch: { state: 'cancelled', specialCallbackDueAt: null },
      };
    case 'record_payment': {
      const total = order.price?.total ?? 0;
      if (order.kind !== 'paid_service' || total === 0) return refuse('workorders.nothing_to_pay');
      if (input.amount !== total) return refuse('workorders.amount_mismatch', { amount: yuan(input.amount), total: yuan(total) });
      return {
        refused: false, to: order.state, note: `${input.method === 'cash' ? '现金收据' : '银行流水'} ${input.reference}，${yuan(total)} 元`,
        patch: { payment: { method: input.method, reference: input.reference, amount: total, at: now, byUid: actor.uid, byName: actor.name } },
      };
    }
  }
}

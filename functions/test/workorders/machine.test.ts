import fc from 'fast-check';
import type { WorkOrderActionInput } from '../../src/domain/workorders/api';
import type { WorkOrder } from '../../src/domain/workorders/documents';
import { ACTIONS_BY_STATE, acceptedPrice, acceptedWork, actionsFor, decideStep, type Step } from '../../src/domain/workorders/machine';
import { signatureHash } from '../../src/domain/workorders/signature';
import { at, order, PRICES, signature } from './helpers';

const ctx = (now = at('2025-10-13 10:00')) => ({ now, actor: { uid: 'u-engineer', name: 'Engineer Wu' }, priceList: PRICES });
const base = { orderId: 'o', expectedSeq: 1 };
const INPUTS: Record<WorkOrderActionInput['action'], WorkOrderActionInput> = {
  arrive: { action: 'arrive', ...base },
  quote: { action: 'quote', ...base, lines: [{ code: 'L-TAP', quantity: 1 }], afterHours: false },
  accept_price: { action: 'accept_price', ...base, signerName: '刘老板', signature: signature() },
  finish: { action: 'finish', ...base, workDone: '更换水龙头', materials: [{ name: '水龙头', quantity: 1, unit: '个', suppliedBy: 'client' }], minutesSpent: 40 },
  sign: { action: 'sign', ...base, signerName: '刘老板', signature: signature() },
  refuse: { action: 'refuse', ...base, reason: '仍然漏水' },
  cancel: { action: 'cancel', ...base, reason: '客户取消' },
  record_payment: { action: 'record_payment', ...base, method: 'cash', reference: 'SJ-0001', amount: 3000 },
};

function apply(o: WorkOrder, input: WorkOrderActionInput, now?: Date): WorkOrder {
  const s = decideStep(o, input, ctx(now));
  if (s.refused) throw new Error(`${input.action} refused: ${s.reason}`);
  return { ...o, ...s.patch, lastEventSeq: o.lastEventSeq + 1 };
}

test('repair: dispatched → arrived → finished → accepted, the signature hashed over the work', () => {
  let o = order();
  o = apply(o, INPUTS.arrive);
  expect(o.state).toBe('arrived');
  o = apply(o, INPUTS.finish, at('2025-10-15 11:00'));
  expect(o).toMatchObject({ state: 'finished', finishedWeek: '2025-10-13', minutesSpent: 40, workDone: '更换水龙头' });
  o = apply(o, INPUTS.sign, at('2025-10-31 23:30'));
  expect(o.state).toBe('accepted');
  expect(o.completedMonth).toBe('2025-10'); // Shanghai month, though UTC is still the 31st
  expect(o.acceptance!.hash).toBe(signatureHash(o.acceptance!.signature, acceptedWork(o)));
  expect(o.acceptance!.hash).not.toBe(signatureHash(o.acceptance!.signature, acceptedWork({ ...o, workDone: '别的工作' })));
  expect(o.warrantyUntil).toEqual(at('2026-01-31 23:30')); // 3 months' free warranty
});

test('the client refuses with a reason; a refused or cancelled order takes no further step', () => {
  let o = apply(apply(order(), INPUTS.arrive), INPUTS.finish);
  o = apply(o, INPUTS.refuse);
  expect(o).toMatchObject({ state: 'refused', refusal: { reason: '仍然漏水' } });
  for (const a of Object.values(INPUTS)) expect(decideStep(o, a, ctx()).refused).toBe(true);
  expect(actionsFor(o)).toEqual([]);
});

test('paid service: no finish before the client accepts the price; the price is locked once accepted', () => {
  let o = order({ kind: 'paid_service', ticketKind: 'paid_service' });
  o = apply(o, INPUTS.arrive);
  expect(decideStep(o, INPUTS.finish, ctx())).toMatchObject({ refused: true, reason: 'workorders.price_not_accepted' });
  expect(decideStep(o, INPUTS.accept_price, ctx())).toMatchObject({ refused: true, reason: 'workorders.no_quote' });
  o = apply(o, INPUTS.quote);
  expect(o.price).toMatchObject({ total: 3000, acceptedAt: null });
  o = apply(o, INPUTS.accept_price);
  expect(o.price!.hash).toBe(signatureHash(o.price!.signature!, acceptedPrice(o.price!)));
  const requote = decideStep(o, { ...INPUTS.quote, lines: [{ code: 'L-PIPE', quantity: 1 }] } as WorkOrderActionInput, ctx());
  expect(requote).toMatchObject({ refused: true, reason: 'workorders.price_locked' });
  expect(decideStep(o, INPUTS.accept_price, ctx())).toMatchObject({ refused: true, reason: 'workorders.price_locked' });
  o = apply(apply(o, INPUTS.finish), INPUTS.sign);
  expect(actionsFor(o)).toEqual(['record_payment']);
  expect(decideStep(o, { ...INPUTS.record_payment, amount: 2000 } as WorkOrderActionInput, ctx())).toMatchObject({ reason: 'workorders.amount_mismatch' });
  o = apply(o, INPUTS.record_payment);
  expect(o.payment).toMatchObject({ method: 'cash', reference: 'SJ-0001', amount: 3000 });
  expect(decideStep(o, INPUTS.record_payment, ctx())).toMatchObject({ refused: true, reason: 'workorders.payment_recorded' });
  expect(actionsFor(o)).toEqual([]);
});

test('a repair takes no price and no payment; an empty signature is refused', () => {
  const o = apply(order(), INPUTS.arrive);
  expect(decideStep(o, INPUTS.quote, ctx())).toMatchObject({ reason: 'workorders.not_paid_service' });
  const done = apply(apply(o, INPUTS.finish), INPUTS.sign);
  expect(decideStep(done, { ...INPUTS.record_payment } as WorkOrderActionInput, ctx())).toMatchObject({ reason: 'workorders.nothing_to_pay' });
  const finished = apply(o, INPUTS.finish);
  const empty = { ...INPUTS.sign, signature: { width: 300, height: 150, strokes: [] } } as WorkOrderActionInput;
  expect(decideStep(finished, empty, ctx())).toMatchObject({ refused: true, reason: 'workorders.signature_empty' });
});

test('under warranty a paid service is free and may finish without a price', () => {
  const o = apply(order({ kind: 'paid_service', warranty: { orderId: 'x', number: 'HX-1', until: at('2025-12-01 00:00') } }), INPUTS.arrive);
  expect(decideStep(o, INPUTS.finish, ctx()).refused).toBe(false);
  const quoted = apply(o, INPUTS.quote);
  expect(quoted.price).toMatchObject({ total: 0, warrantyFree: true });
});

test('property: any sequence of steps only moves along the table and ends in a state the table knows', () => {
  const actions = Object.keys(INPUTS) as Array<keyof typeof INPUTS>;
  fc.assert(fc.property(fc.boolean(), fc.array(fc.constantFrom(...actions), { maxLength: 12 }), (paid, walk) => {
    let o = order(paid ? { kind: 'paid_service', ticketKind: 'paid_service' } : {});
    for (const a of walk) {
      const s = decideStep(o, INPUTS[a], ctx());
      if (s.refused) {
        expect(s.reason.startsWith('workorders.')).toBe(true);
        continue;
      }
      expect(ACTIONS_BY_STATE[o.state]).toContain(a); // only actions the state allows
      expect(actionsFor(o)).toContain(a); // and the ones offered to the client
      const before = o.state;
      o = { ...o, ...(s as Step).patch };
      if (['quote', 'accept_price', 'record_payment'].includes(a)) expect(o.state).toBe(before);
      if (o.state === 'accepted') expect(o.acceptance).not.toBeNull();
      if (o.state === 'accepted' && o.kind === 'paid_service' && !o.warranty) expect(o.price?.acceptedAt).toBeInstanceOf(Date);
    }
  }), { numRuns: 500 });
});

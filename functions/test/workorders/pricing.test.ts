import { PriceList } from '../../src/domain/workorders/documents';
import { findWarranty, itemKey, quote, warrantyEnd, yuan } from '../../src/domain/workorders/pricing';
import { at, order, PRICES } from './helpers';

test('a quote sums the list prices; outside working hours labour costs twice, materials do not', () => {
  const charged = PriceList.parse({ ...PRICES, materials: 'charged' });
  expect(quote(charged, { lines: [{ code: 'L-TAP', quantity: 2 }, { code: 'M-TAP', quantity: 1 }], afterHours: false, warrantyFree: false }))
    .toMatchObject({ labour: 6000, materials: 4500, total: 10500 });
  expect(quote(charged, { lines: [{ code: 'L-TAP', quantity: 2 }, { code: 'M-TAP', quantity: 1 }], afterHours: true, warrantyFree: false }))
    .toMatchObject({ labour: 12000, materials: 4500, total: 16500 });
  expect(yuan(16500)).toBe('165.00');
});

test('materials are refused when the client supplies them; unknown items are refused', () => {
  expect(quote(PRICES, { lines: [{ code: 'M-TAP', quantity: 1 }], afterHours: false, warrantyFree: false }))
    .toEqual({ reason: 'workorders.materials_client_only', params: { code: 'M-TAP' } });
  expect(quote(PRICES, { lines: [{ code: 'NOPE', quantity: 1 }], afterHours: false, warrantyFree: false }))
    .toEqual({ reason: 'workorders.price_item_unknown', params: { code: 'NOPE' } });
});

test('the price list refuses duplicate codes and unknown fields', () => {
  expect(PriceList.safeParse({ items: [...PRICES.items, PRICES.items[0]] }).success).toBe(false);
  expect(PriceList.safeParse({ items: [], discount: 1 }).success).toBe(false);
  expect(PriceList.parse({})).toMatchObject({ warrantyMonths: 3, afterHoursMultiplier: 2, materials: 'client_supplies' });
});

test('the same item is recognised whatever the spacing, case and punctuation', () => {
  expect(itemKey('c-1', ' 3楼 卫生间 ', '水龙头')).toBe(itemKey('c-1', '3楼卫生间', '水龙头'));
  expect(itemKey('c-1', '3楼，卫生间', '水龙头（冷水）')).toBe(itemKey('c-1', '3楼卫生间', '水龙头冷水'));
  expect(itemKey('c-1', 'Room 3, WC', 'Tap')).toBe(itemKey('c-1', 'room 3 wc', 'TAP'));
  expect(itemKey('c-1', 'A', 'tap')).not.toBe(itemKey('c-2', 'A', 'tap'));
});

test('warranty: three calendar months, month ends clamp', () => {
  expect(warrantyEnd(at('2025-11-30 10:00'), 3)).toEqual(at('2026-02-28 10:00'));
  expect(warrantyEnd(at('2025-10-13 09:00'), 3)).toEqual(at('2026-01-13 09:00'));
});

test('a later repair of the same item finds the running warranty; expired, refused or other items do not count', () => {
  const key = 'c-1|3楼卫生间|水龙头';
  const mk = (id: string, over: Parameters<typeof order>[0]) => ({ id, order: order({ itemKey: key, ...over }) });
  const earlier = [
    mk('old', { state: 'accepted', warrantyUntil: at('2025-10-01 00:00'), number: 'N-old' }),
    mk('good', { state: 'accepted', warrantyUntil: at('2026-01-13 09:00'), number: 'N-good' }),
    mk('refused', { state: 'refused', warrantyUntil: at('2026-05-01 00:00') }),
    mk('other', { state: 'accepted', warrantyUntil: at('2026-05-01 00:00'), itemKey: 'c-1|3楼卫生间|马桶' }),
  ];
  expect(findWarranty(earlier, key, at('2025-12-01 10:00'))).toEqual({ orderId: 'good', number: 'N-good', until: at('2026-01-13 09:00') });
  expect(findWarranty(earlier, key, at('2026-01-13 09:00'))).toBeNull();
});

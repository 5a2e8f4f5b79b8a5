/**
 * Paid-service prices and the free warranty. Pure functions, no Firebase.
 * [001 有偿服务管理规定 4.2.1] bill by the price list; [001 物业部有偿服务管理办法 二] the client
 * supplies materials, 3 months' free warranty, price shown and signed before work; [三.4] work
 * outside working hours costs twice the list price.
 */
import type { PriceLine, PriceList, WorkOrder } from './documents';

export interface QuoteRequest {
  lines: ReadonlyArray<{ code: string; quantity: number }>;
  afterHours: boolean;
  warrantyFree: boolean;
}

export type QuoteProblem =
  | { reason: 'workorders.price_item_unknown'; params: { code: string } }
  | { reason: 'workorders.materials_client_only'; params: { code: string } };

export interface Quote {
  lines: PriceLine[];
  afterHours: boolean;
  labour: number;
  materials: number;
  total: number;
  warrantyFree: boolean;
}

/** The price of the requested lines under the list, in fen; free under warranty. */
export function quote(list: PriceList, req: QuoteRequest): Quote | QuoteProblem {
  const lines: PriceLine[] = [];
  for (const l of req.lines) {
    const item = list.items.find((i) => i.code === l.code);
    if (!item) return { reason: 'workorders.price_item_unknown', params: { code: l.code } };
    if (item.category === 'material' && list.materials === 'client_supplies') {
      return { reason: 'workorders.materials_client_only', params: { code: l.code } };
    }
    const factor = item.category === 'labour' && req.afterHours ? list.afterHoursMultiplier : 1;
    const unitPrice = Math.round(item.unitPrice * factor);
    lines.push({
      code: item.code, name: item.name, unit: item.unit, category: item.category, unitPrice, quantity: l.quantity,
      amount: req.warrantyFree ? 0 : Math.round(unitPrice * l.quantity),
    });
  }
  const sum = (c: 'labour' | 'material') => lines.filter((l) => l.category === c).reduce((a, l) => a + l.amount, 0);
  const labour = sum('labour');
  const materials = sum('material');
  return { lines, afterHours: req.afterHours, labour, materials, total: labour + materials, warrantyFree: req.warrantyFree };
}

export function isQuoteProblem(q: Quote | QuoteProblem): q is QuoteProblem {
  return 'reason' in q;
}

/** Same client + same place + same thing, whatever the spacing, punctuation and case: the warranty's key. */
export function itemKey(clientId: string, location: string, item: string): string {
  const norm = (s: string) => s.normalize('NFKC').toLowerCase().replace(/[\s，,。.、;；:：\-_/()（）]+/g, '');
  return `${clientId}|${norm(location)}|${norm(item)}`;
}

/** The end of the free warranty of work accepted at `completedAt` (calendar months, Shanghai dates). */
export function warrantyEnd(completedAt: Date, months: number): Date {
  const local = new Date(completedAt.getTime() + 8 * 3600_000);
  const y = local.getUTCFullYear();
  const m = local.getUTCMonth() + months;
  const lastDay = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  const d = Math.min(local.getUTCDate(), lastDay);
  return new Date(Date.UTC(y, m, d, local.getUTCHours(), local.getUTCMinutes(), local.getUTCSeconds(), local.getUTCMilliseconds()) - 8 * 3600_000);
}

/**
 * The earlier order whose warranty covers a repair of the same item at `now`: among accepted
 * orders with the same key, the one whose warranty runs longest, if it still runs.
 */
export function findWarranty(
  earlier: ReadonlyArray<{ id: string; order: Pick<WorkOrder, 'itemKey' | 'state' | 'warrantyUntil' | 'number'> }>,
  key: string,
  now: Date,
): { orderId: string; number: string; until: Date } | null {
  let best: { orderId: string; number: string; until: Date } | null = null;
  for (const { id, order } of earlier) {
    if (order.itemKey !== key || order.state !== 'accepted' || !order.warrantyUntil) continue;
    if (order.warrantyUntil.getTime() <= now.getTime()) continue;
    if (!best || order.warrantyUntil.getTime() > best.until.getTime()) best = { orderId: id, number: order.number, until: order.warrantyUntil };
  }
  return best;
}

/** 12345 fen → "123.45". */
export function yuan(fen: number): string {
  return (fen / 100).toFixed(2);
}

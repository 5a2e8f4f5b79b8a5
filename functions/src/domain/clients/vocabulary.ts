/** Words of the client area (zones, market types, 3+3 services) with zh-CN / en labels. No Firebase. */
import { z } from 'zod';
import type { Label } from '../vocabulary';
import type { ClientTier } from '../vocabulary';

/** Administrative zone [001 §8]; the codes are those stored on `clients.zone` since the first release. */
export const ZONE_LABELS = {
  city_a: { 'zh-CN': '城市A', en: 'City A' },
  city_b: { 'zh-CN': '城市B', en: 'City B' },
  township: { 'zh-CN': '乡镇', en: 'Township' },
  rural: { 'zh-CN': '农村', en: 'Rural' },
} as const satisfies Record<string, Label>;
export const ClientZone = z.enum(['city_a', 'city_b', 'township', 'rural']);
export type ClientZone = z.infer<typeof ClientZone>;

/** Market type [001 §6.3]: 城镇 C, 乡村 X. */
export const MARKET_LABELS = {
  C: { 'zh-CN': '城镇', en: 'Town' },
  X: { 'zh-CN': '乡村', en: 'Rural' },
} as const satisfies Record<string, Label>;
export const MarketType = z.enum(['C', 'X']);
export type MarketType = z.infer<typeof MarketType>;

export const Scale = z.union([z.literal(1), z.literal(2), z.literal(3)]);
export type Scale = z.infer<typeof Scale>;

/** Reads a zone from a file cell: the Chinese label, the English label or the code. */
export function zoneFromText(text: string): ClientZone | null {
  const t = text.trim().toLowerCase();
  for (const [code, label] of Object.entries(ZONE_LABELS)) {
    if (t === code || t === label['zh-CN'].toLowerCase() || t === label.en.toLowerCase()) return code as ClientZone;
  }
  return null;
}

export function marketFromText(text: string): MarketType | null {
  const t = text.trim().toUpperCase();
  if (t === 'C' || t === '城镇' || t === 'TOWN') return 'C';
  if (t === 'X' || t === '乡村' || t === 'RURAL') return 'X';
  return null;
}

/**
 * The "3+3" service list [001 §19]: what a visit may record, per tier. A 亲情 (A), B 真情, C 热情.
 * Codes are stable; a tier's list is what its service level promises.
 */
export const SERVICE_LABELS = {
  supply: { 'zh-CN': '货源保障', en: 'Supply guarantee' },
  order_support: { 'zh-CN': '订单支持', en: 'Order support' },
  new_products: { 'zh-CN': '新品推介', en: 'New product introduction' },
  shop_tidy: { 'zh-CN': '店面卫生整理', en: 'Shop tidying' },
  cabinet_tidy: { 'zh-CN': '烟柜整理', en: 'Cabinet tidying' },
  display: { 'zh-CN': '卷烟摆放', en: 'Display arrangement' },
  delivery: { 'zh-CN': '送货服务', en: 'Delivery' },
  policy_briefing: { 'zh-CN': '卷烟政策宣传', en: 'Policy briefing' },
  health_greeting: { 'zh-CN': '健康问候', en: 'Health greeting' },
  product_advice: { 'zh-CN': '商品咨询服务', en: 'Product advice' },
  catalogue: { 'zh-CN': '提供商品目录', en: 'Product catalogue' },
  legal_advice: { 'zh-CN': '法律法规咨询', en: 'Legal advice' },
  birthday_greeting: { 'zh-CN': '生日祝福', en: 'Birthday greeting' },
  holiday_greeting: { 'zh-CN': '节日问候', en: 'Holiday greeting' },
  scarce_supply: { 'zh-CN': '紧俏货源倾斜', en: 'Priority on scarce brands' },
  training: { 'zh-CN': '营销知识讲座/经营培训', en: 'Training' },
  finance_advice: { 'zh-CN': '理财指导', en: 'Financial advice' },
  stock_advice: { 'zh-CN': '库存优化配置指导', en: 'Stock optimisation advice' },
} as const satisfies Record<string, Label>;
export type ServiceCode = keyof typeof SERVICE_LABELS;
export const ServiceCode = z.enum(Object.keys(SERVICE_LABELS) as [ServiceCode, ...ServiceCode[]]);

const C_SERVICES: readonly ServiceCode[] = [
  'order_support', 'shop_tidy', 'cabinet_tidy', 'display', 'delivery', 'product_advice', 'catalogue', 'legal_advice',
  'birthday_greeting', 'holiday_greeting',
];
const B_SERVICES: readonly ServiceCode[] = [...C_SERVICES, 'new_products', 'policy_briefing', 'stock_advice'];
const A_SERVICES: readonly ServiceCode[] = [
  ...B_SERVICES, 'supply', 'health_greeting', 'scarce_supply', 'training', 'finance_advice',
];

/** The services a visit to a client of this tier may record. */
export const SERVICES_BY_TIER: Readonly<Record<ClientTier, readonly ServiceCode[]>> = { A: A_SERVICES, B: B_SERVICES, C: C_SERVICES };

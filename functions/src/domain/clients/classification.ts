/**
 * Client classification [001 §6–9]. Plain data in, plain data out; no Firebase.
 *
 * Within one business format, each client's score over the period is
 *   (client qty / format total qty + client amount / format total amount) / 2,
 * clients are ranked by score, descending, and split 20 % / 60 % / 20 % into scale 1 / 2 / 3.
 *
 * The split, stated exactly (n = clients of the format, quota q = ⌊n / 5⌋):
 * - a client's tied group is every client of the format with exactly the same score;
 * - scale 1 when the whole tied group fits in the top q places
 *   (clients with a higher score + group size ≤ q);
 * - scale 3 when the whole tied group fits in the bottom q places
 *   (clients with a lower score + group size ≤ q), unless already scale 1;
 * - scale 2 otherwise.
 * So equal scores always get the same scale, a tie straddling a 20 % line falls to the middle,
 * and scale 1 and scale 3 never take more than 20 % of a format each.
 * A format with fewer than five clients has q = 0: all its clients are scale 2 (no client can
 * be "the top fifth" of four). A format whose totals are zero scores everyone 0: one tie, scale 2.
 */
import type { ClientTier } from '../vocabulary';
import type { ClientRulesConfig } from './schemas';
import type { Scale } from './vocabulary';

export interface PurchaseTotal {
  clientId: string;
  format: string;
  qty: number;
  amount: number;
}

export interface Ranked {
  clientId: string;
  format: string;
  score: number;
  /** 1-based position in the format (ties share the position of their first member). */
  rank: number;
  /** Clients in the format. */
  of: number;
  scale: Scale;
}

/** Ranks every client within its format and gives it a scale (see the module comment). */
export function classify(totals: readonly PurchaseTotal[]): Ranked[] {
  const byFormat = new Map<string, PurchaseTotal[]>();
  for (const t of totals) {
    const list = byFormat.get(t.format);
    if (list) list.push(t);
    else byFormat.set(t.format, [t]);
  }
  const out: Ranked[] = [];
  for (const [format, list] of byFormat) rankFormat(format, list, out);
  return out;
}

function rankFormat(format: string, list: readonly PurchaseTotal[], out: Ranked[]): void {
  const n = list.length;
  let qtySum = 0;
  let amountSum = 0;
  for (const t of list) {
    qtySum += t.qty;
    amountSum += t.amount;
  }
  const scores = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const t = list[i]!;
    scores[i] = ((qtySum > 0 ? t.qty / qtySum : 0) + (amountSum > 0 ? t.amount / amountSum : 0)) / 2;
  }
  // Descending score; input order breaks ties only to make the listing order stable.
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  order.sort((a, b) => scores[b]! - scores[a]! || a - b);
  const quota = Math.floor(n / 5);
  for (let start = 0; start < n;) {
    let end = start + 1;
    while (end < n && scores[order[end]!] === scores[order[start]!]) end++;
    const size = end - start;
    const above = start;
    const below = n - end;
    const scale: Scale = above + size <= quota ? 1 : below + size <= quota ? 3 : 2;
    for (let k = start; k < end; k++) {
      const t = list[order[k]!]!;
      out.push({ clientId: t.clientId, format, score: scores[order[k]!]!, rank: start + 1, of: n, scale });
    }
    start = end;
  }
}

/** Combined code [001 §6]: market type + format code + scale, e.g. `CZ1`. */
export function combinedCode(marketType: string, format: string, scale: Scale): string {
  return `${marketType}${format}${scale}`;
}

/** Tier from scale by the configured rule (default 1 → A, 2 → B, 3 → C). */
export function tierOf(scale: Scale, rules: Pick<ClientRulesConfig, 'tierByScale'>): ClientTier {
  return rules.tierByScale[String(scale) as '1' | '2' | '3'];
}

/** The quarter ('YYYY-Qn') a month belongs to, and a quarter's months. */
export function quarterOfMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return `${y}-Q${Math.floor((m - 1) / 3) + 1}`;
}
export function monthsOfQuarter(quarter: string): [string, string, string] {
  const y = Number(quarter.slice(0, 4));
  const q = Number(quarter.slice(6));
  const m = (k: number) => `${y}-${String((q - 1) * 3 + k).padStart(2, '0')}`;
  return [m(1), m(2), m(3)];
}
/** The quarter before the one containing `month` (the one a re-ranking in Jan/Apr/Jul/Oct ranks). */
export function previousQuarter(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const q = Math.floor((m - 1) / 3) + 1;
  return q === 1 ? `${y - 1}-Q4` : `${y}-Q${q - 1}`;
}

/** The change a ranking makes to one client, for the preview and the history. */
export interface ClassificationChange {
  clientId: string;
  from: { scale: Scale; tier: ClientTier; combinedCode: string };
  to: { scale: Scale; tier: ClientTier; combinedCode: string; computedTier: ClientTier };
  score: number;
  rank: number;
  of: number;
  reason: string;
}

export interface ClassifiableClient {
  id: string;
  format: string;
  marketType: string;
  scale: Scale;
  tier: ClientTier;
  combinedCode: string;
  computedTier: ClientTier | null;
  tierOverride: { tier: ClientTier } | null;
}

/**
 * What a quarter's ranking changes: every active client of a format is ranked (a client without
 * purchases scores 0); a manual tier override is kept (the computed tier is still recorded).
 * Clients whose scale, tier, code and computed tier stay the same are left out.
 */
export function planClassification(
  quarter: string,
  clients: readonly ClassifiableClient[],
  purchases: ReadonlyMap<string, { qty: number; amount: number }>,
  rules: Pick<ClientRulesConfig, 'tierByScale'>,
): { ranked: Ranked[]; changes: ClassificationChange[] } {
  const ranked = classify(clients.map((c) => {
    const p = purchases.get(c.id);
    return { clientId: c.id, format: c.format, qty: p?.qty ?? 0, amount: p?.amount ?? 0 };
  }));
  const byId = new Map(clients.map((c) => [c.id, c]));
  const changes: ClassificationChange[] = [];
  for (const r of ranked) {
    const c = byId.get(r.clientId)!;
    const computedTier = tierOf(r.scale, rules);
    const tier = c.tierOverride?.tier ?? computedTier;
    const code = combinedCode(c.marketType, c.format, r.scale);
    if (c.scale === r.scale && c.tier === tier && c.combinedCode === code && c.computedTier === computedTier) continue;
    changes.push({
      clientId: c.id,
      from: { scale: c.scale, tier: c.tier, combinedCode: c.combinedCode },
      to: { scale: r.scale, tier, combinedCode: code, computedTier },
      score: r.score,
      rank: r.rank,
      of: r.of,
      reason: `${quarter} 季度排序: 业态 ${c.format} 第 ${r.rank}/${r.of} 名, 得分 ${r.score.toFixed(6)}`
        + (c.tierOverride ? `; 保留人工等级 ${c.tierOverride.tier}` : ''),
    });
  }
  return { ranked, changes };
}

/**
 * The weekly repair callback sample [003 修理回访: 每周对各管理处修理派工单抽样20%电话回访].
 * Reproducible: the seed comes from the office and the week and is recorded on the sample, and
 * the population is sorted before drawing, so the same inputs always give the same orders.
 * No Firebase.
 */
import { createHash } from 'node:crypto';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';

export const WEEKLY_SHARE = 0.2;

/** A 31-bit seed from the office and the week: the same week always draws the same orders. */
export function sampleSeed(branchId: string, week: string): number {
  return createHash('sha256').update(`${branchId}|${week}`).digest().readUInt32BE(0) & 0x7fffffff;
}

/** How many of `n` orders to call: ⌈share × n⌉, at least one when there is any. */
export function sampleSize(n: number, share = WEEKLY_SHARE): number {
  return n === 0 ? 0 : Math.max(1, Math.ceil(n * share - 1e-9));
}

/**
 * Draws ⌈share·n⌉ (≥ 1) of the order ids with the seeded generator (a partial Fisher–Yates
 * shuffle over the sorted ids). Returns them in drawing order.
 */
export function drawSample(orderIds: readonly string[], seed: number, share = WEEKLY_SHARE): string[] {
  const pool = [...new Set(orderIds)].sort();
  const k = sampleSize(pool.length, share);
  const rng = xoroshiro128plus(seed);
  for (let i = 0; i < k; i++) {
    const j = uniformInt(rng, i, pool.length - 1);
    const t = pool[i]!;
    pool[i] = pool[j]!;
    pool[j] = t;
  }
  return pool.slice(0, k);
}

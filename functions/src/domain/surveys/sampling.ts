/**
 * The survey sample: random, reproducible from a recorded seed (pure-rand xoroshiro128+), no
 * client twice, and stratified so that every stratum (format × zone × market type) is represented.
 * Rules [001 §25], [002]:
 * - `stratified`: at least `share` (5 %) of the clients, at least `minPerStratum` from every stratum;
 * - `complainers` (property, mid-year): `share` (50 %) of the clients, of which at least
 *   `focusShare` (20 % of all clients) are those who complained most (ties drawn at random);
 *   the rest is drawn stratified;
 * - `all` (property, year-end): every client.
 * No Firebase import.
 */
import { z } from 'zod';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { stratumKey, UNKNOWN, type ClientStrata } from './strata';

/** The generator's type, whichever declaration of pure-rand's subpaths the compiler sees (node or bundler resolution). */
type RandomGenerator = ReturnType<typeof xoroshiro128plus>;

const share = z.number().gt(0).max(1);

export const SamplingRule = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('stratified'), share: share.default(0.05), minPerStratum: z.number().int().min(1).max(100).default(1) }).strict(),
  z.object({
    kind: z.literal('complainers'),
    share: share.default(0.5),
    focusShare: share.default(0.2),
    /** Complaints counted over this many days before the campaign opens. */
    lookbackDays: z.number().int().min(1).max(3660).default(365),
  }).strict().refine((r) => r.focusShare <= r.share, { path: ['focusShare'], message: 'must not exceed share' }),
  z.object({ kind: z.literal('all') }).strict(),
]);
export type SamplingRule = z.infer<typeof SamplingRule>;
export type SamplingRuleInput = z.input<typeof SamplingRule>;

/** Seeds are 31-bit non-negative integers (what pure-rand takes and Firestore stores exactly). */
export const Seed = z.number().int().min(0).max(0x7fffffff);

export interface SampleClient {
  id: string;
  strata: ClientStrata;
  /** Complaints in the lookback window (complainers rule only). */
  complaints?: number;
  /** Whether a personal link can reach the client (consent and a phone or e-mail). */
  reachable?: boolean;
}

export interface StratumPlan {
  population: number;
  drawn: number;
  /** Drawn clients a link can reach; the rest must be surveyed by phone or on paper. */
  reachable: number;
}

export type CoverageProblem =
  /** An expected format, zone or market type that no client has: the stratum cannot be covered. */
  | { reason: 'no_clients'; dimension: 'format' | 'zone' | 'marketType'; value: string }
  /** Every drawn client of the stratum lacks consent or contact: only a phone or paper survey covers it. */
  | { reason: 'unreachable'; stratum: string; drawn: number }
  /** Clients without a format, zone or market type in the archive. */
  | { reason: 'unclassified'; stratum: string; population: number };

export interface Sample {
  seed: number;
  population: number;
  /** The least the rule asks for: ceil(share × population) (all for `all`). */
  target: number;
  /** Drawn client ids, each once, sorted. */
  clientIds: string[];
  /** Drawn because they complained most (complainers rule); a subset of clientIds. */
  focusIds: string[];
  strata: Record<string, StratumPlan>;
  problems: CoverageProblem[];
}

/** Expected values per dimension (from configuration): a value no client has is a coverage problem. */
export interface ExpectedStrata {
  formats?: readonly string[];
  zones?: readonly string[];
  marketTypes?: readonly string[];
}

/** ceil(share × n) without floating-point surprises (0.05 × 20 = 1.0000000000000002). */
export function shareOf(s: number, n: number): number {
  return Math.ceil(Math.round(s * n * 1e6) / 1e6);
}

/** Draws k of `items` at random (partial Fisher–Yates on a copy). */
function drawK<T>(items: readonly T[], k: number, rng: RandomGenerator): T[] {
  const a = items.slice();
  const n = a.length;
  for (let i = 0; i < k && i < n - 1; i++) {
    const j = uniformInt(rng, i, n - 1);
    const t = a[i]!;
    a[i] = a[j]!;
    a[j] = t;
  }
  return a.slice(0, Math.min(k, n));
}

/**
 * Stratified draw of at least `need` clients from `pool`, at least `minPer` from every stratum
 * not in `covered`, proportional allocation (ceil) and a top-up by largest stratum when rounding
 * leaves it short.
 */
function stratifiedDraw(
  groups: ReadonlyMap<string, SampleClient[]>, need: number, minPer: number, covered: ReadonlySet<string>, rng: RandomGenerator,
): SampleClient[] {
  const total = [...groups.values()].reduce((a, g) => a + g.length, 0);
  const keys = [...groups.keys()].sort();
  const alloc = new Map<string, number>();
  let sum = 0;
  for (const k of keys) {
    const n = groups.get(k)!.length;
    const proportional = total ? shareOf(need / total, n) : 0;
    const k0 = Math.min(n, Math.max(covered.has(k) ? 0 : minPer, proportional));
    alloc.set(k, k0);
    sum += k0;
  }
  // Rounding may leave the draw short of `need`: take more from the strata with most left.
  while (sum < need) {
    let best: string | null = null;
    for (const k of keys) {
      const left = groups.get(k)!.length - alloc.get(k)!;
      if (left > 0 && (best === null || left > groups.get(best)!.length - alloc.get(best)!)) best = k;
    }
    if (best === null) break;
    alloc.set(best, alloc.get(best)! + 1);
    sum++;
  }
  return keys.flatMap((k) => drawK(groups.get(k)!, alloc.get(k)!, rng));
}

/**
 * The `k` clients with most complaints; among equals at the cut, drawn at random. Linear: clients
 * are bucketed by their complaint count, whole buckets taken from the top, the last one drawn.
 */
function mostComplaints(clients: readonly SampleClient[], k: number, rng: RandomGenerator): SampleClient[] {
  const buckets = new Map<number, SampleClient[]>();
  for (const c of clients) {
    const n = c.complaints ?? 0;
    const b = buckets.get(n);
    if (b) b.push(c);
    else buckets.set(n, [c]);
  }
  const out: SampleClient[] = [];
  for (const n of [...buckets.keys()].sort((a, b) => b - a)) {
    const b = buckets.get(n)!;
    if (out.length + b.length <= k) out.push(...b);
    else {
      out.push(...drawK(b, k - out.length, rng));
      break;
    }
  }
  return out;
}

function groupByStratum(clients: readonly SampleClient[]): Map<string, SampleClient[]> {
  const groups = new Map<string, SampleClient[]>();
  for (const c of clients) {
    const key = stratumKey(c.strata);
    const g = groups.get(key);
    if (g) g.push(c);
    else groups.set(key, [c]);
  }
  return groups;
}

/**
 * Draws the sample. Pure: the same clients (in any order), rule and seed give the same sample.
 * Clients listed twice count once (the first entry by id order wins).
 */
export function drawSample(input: readonly SampleClient[], ruleInput: SamplingRuleInput, seed: number, expected: ExpectedStrata = {}): Sample {
  const rule = SamplingRule.parse(ruleInput);
  // Firestore lists documents in id order: sort only when the input is not sorted already.
  const inOrder = input.every((c, i) => i === 0 || input[i - 1]!.id <= c.id);
  const sorted = inOrder ? input : input.slice().sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const clients = sorted.filter((c, i) => i === 0 || c.id !== sorted[i - 1]!.id);
  const N = clients.length;
  const rng = xoroshiro128plus(Seed.parse(seed));
  const groups = groupByStratum(clients);

  let drawn: SampleClient[];
  let focus: SampleClient[] = [];
  let target: number;
  switch (rule.kind) {
    case 'all':
      target = N;
      drawn = clients;
      break;
    case 'stratified':
      target = shareOf(rule.share, N);
      drawn = stratifiedDraw(groups, target, rule.minPerStratum, new Set(), rng);
      break;
    case 'complainers': {
      target = shareOf(rule.share, N);
      focus = mostComplaints(clients, shareOf(rule.focusShare, N), rng);
      const focusIds = new Set(focus.map((c) => c.id));
      const rest = clients.filter((c) => !focusIds.has(c.id));
      const covered = new Set(focus.map((c) => stratumKey(c.strata)));
      drawn = [...focus, ...stratifiedDraw(groupByStratum(rest), Math.max(0, target - focus.length), 1, covered, rng)];
      break;
    }
  }

  const strata: Record<string, StratumPlan> = {};
  for (const [k, g] of groups) strata[k] = { population: g.length, drawn: 0, reachable: 0 };
  for (const c of drawn) {
    const s = strata[stratumKey(c.strata)]!;
    s.drawn++;
    if (c.reachable) s.reachable++;
  }
  const problems: CoverageProblem[] = [];
  const dims = [['format', expected.formats], ['zone', expected.zones], ['marketType', expected.marketTypes]] as const;
  for (const [dimension, values] of dims) {
    const present = new Set(clients.map((c) => c.strata[dimension]));
    for (const value of values ?? []) if (!present.has(value)) problems.push({ reason: 'no_clients', dimension, value });
  }
  for (const k of Object.keys(strata).sort()) {
    const s = strata[k]!;
    if (k.split('|').includes(UNKNOWN)) problems.push({ reason: 'unclassified', stratum: k, population: s.population });
    if (s.drawn > 0 && s.reachable === 0) problems.push({ reason: 'unreachable', stratum: k, drawn: s.drawn });
  }
  return {
    seed,
    population: N,
    target,
    clientIds: drawn.map((c) => c.id).sort(),
    focusIds: focus.map((c) => c.id).sort(),
    strata,
    problems,
  };
}

/**
 * Monthly supervision spot-check samples [001 §20–22]. Reproducible: the same seed and inputs
 * draw the same sample (pure-rand xoroshiro128+). No Firebase.
 *
 * - department (部门督察), per branch: every marketing staff member of the branch each month,
 *   ⌈10 %⌉ (at least one) of the clients on their routes;
 * - county (县级分公司督察), per county branch: each month a share of the branch's marketing
 *   staff not yet checked this half-year (⌈uncovered / months left in the half-year⌉, so all
 *   are covered by June / December), ⌈10 %⌉ of their clients each;
 * - city (市公司督察), one sample over the whole organisation: ⌈5 %⌉ (at least one) of all
 *   marketing staff, ⌈10 %⌉ of their clients each.
 * Staff without clients are listed with no clients (nothing to call) only at department level.
 */
import { xoroshiro128plus, type PureRandomGenerator } from 'pure-rand/generator/xoroshiro128plus';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import type { SpotLevel } from './schemas';

export interface SamplingStaff {
  uid: string;
  branchId: string;
}
export interface SamplingClient {
  id: string;
  managerUid: string | null;
}
export interface SamplingInput {
  month: string; // YYYY-MM
  seed: number;
  /** Marketing staff (account managers) of every branch. */
  staff: readonly SamplingStaff[];
  clients: readonly SamplingClient[];
  /** Branches with county-level supervision. */
  countyBranchIds: readonly string[];
  /** Staff already checked at county level earlier in this half-year. */
  countyCoveredThisHalf: ReadonlySet<string>;
  clientShare?: number; // default 0.10
  cityStaffShare?: number; // default 0.05
}
export interface SampleEntry {
  staffUid: string;
  clientIds: string[];
}
export interface LevelSample {
  level: SpotLevel;
  /** Branch for department/county samples; 'all' for the city sample. */
  branchId: string;
  entries: SampleEntry[];
}

/** k distinct items drawn uniformly (partial Fisher–Yates on a copy). */
function pick<T>(rng: PureRandomGenerator, items: readonly T[], k: number): T[] {
  const a = items.slice();
  const n = a.length;
  const take = Math.min(k, n);
  for (let i = 0; i < take; i++) {
    const j = uniformInt(rng, i, n - 1);
    const tmp = a[i]!;
    a[i] = a[j]!;
    a[j] = tmp;
  }
  return a.slice(0, take);
}

/** Months left in the half-year, this one included (Jan → 6, Jun → 1, Jul → 6, Dec → 1). */
export function monthsLeftInHalf(month: string): number {
  const m = Number(month.slice(5, 7));
  return (m <= 6 ? 6 : 12) - m + 1;
}

const atLeastOne = (n: number, share: number) => (n === 0 ? 0 : Math.max(1, Math.ceil(n * share - 1e-9)));

/** Draws the month's three-level sample. */
export function drawSpotChecks(input: SamplingInput): LevelSample[] {
  const clientShare = input.clientShare ?? 0.1;
  const cityShare = input.cityStaffShare ?? 0.05;
  const rng = xoroshiro128plus(input.seed | 0);
  const clientsOf = new Map<string, string[]>();
  for (const c of input.clients) {
    if (c.managerUid === null) continue;
    const list = clientsOf.get(c.managerUid);
    if (list) list.push(c.id);
    else clientsOf.set(c.managerUid, [c.id]);
  }
  const entryFor = (uid: string): SampleEntry => {
    const own = clientsOf.get(uid) ?? [];
    return { staffUid: uid, clientIds: pick(rng, own, atLeastOne(own.length, clientShare)) };
  };
  const staffByBranch = new Map<string, SamplingStaff[]>();
  for (const s of [...input.staff].sort((a, b) => (a.uid < b.uid ? -1 : a.uid > b.uid ? 1 : 0))) {
    const list = staffByBranch.get(s.branchId);
    if (list) list.push(s);
    else staffByBranch.set(s.branchId, [s]);
  }
  const branches = [...staffByBranch.keys()].sort();
  const out: LevelSample[] = [];
  for (const branchId of branches) {
    out.push({ level: 'department', branchId, entries: staffByBranch.get(branchId)!.map((s) => entryFor(s.uid)) });
  }
  const left = monthsLeftInHalf(input.month);
  for (const branchId of [...input.countyBranchIds].sort()) {
    const staff = staffByBranch.get(branchId) ?? [];
    const uncovered = staff.filter((s) => !input.countyCoveredThisHalf.has(s.uid));
    const k = Math.ceil(uncovered.length / left);
    const chosen = pick(rng, uncovered, k).sort((a, b) => (a.uid < b.uid ? -1 : 1));
    out.push({ level: 'county', branchId, entries: chosen.map((s) => entryFor(s.uid)).filter((e) => e.clientIds.length > 0) });
  }
  const all = branches.flatMap((b) => staffByBranch.get(b)!);
  const cityStaff = pick(rng, all, atLeastOne(all.length, cityShare)).sort((a, b) => (a.uid < b.uid ? -1 : 1));
  out.push({ level: 'city', branchId: 'all', entries: cityStaff.map((s) => entryFor(s.uid)).filter((e) => e.clientIds.length > 0) });
  return out;
}

/** A 31-bit seed from a source of randomness (recorded on the sample). */
export function seedFrom(random: () => number): number {
  return Math.floor(random() * 0x7fffffff);
}

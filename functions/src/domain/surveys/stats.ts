/**
 * Live statistics of a campaign, kept as counters in one document
 * (`surveyCampaigns/{id}/stats/live`) that every submitted answer increments in the same
 * transaction as the answer itself: progress and the report read this one document instead of
 * every answer. Shapes (all counts):
 *   answered; byStratum[stratum]; q[question].{n,sum,sat,opt[option]}; t[topic].{n,sum,sat};
 *   dim[branchId|format|zone|tier][value].{answered, t[topic].{n,sum,sat}}
 * `sat` counts ratings of 4 or 5 (satisfied); mean = sum / n. No Firebase import.
 */
import type { Answers, QuestionnaireVersion } from './questionnaire';
import { REPORT_DIMENSIONS, type ClientStrata } from './strata';

/** A nested object of increments (leaves are numbers to add), merged into the counter document. */
export interface Increments { [key: string]: number | Increments }

function add(into: Increments, path: readonly string[], by: number): void {
  let node = into;
  for (const key of path.slice(0, -1)) {
    const next = node[key];
    if (typeof next === 'object') node = next;
    else node = node[key] = {};
  }
  const leaf = path[path.length - 1]!;
  node[leaf] = ((node[leaf] as number | undefined) ?? 0) + by;
}

/** The counter increments one submitted answer causes. */
export function answerIncrements(
  version: Pick<QuestionnaireVersion, 'questions'>, answers: Answers, strata: ClientStrata & { stratum: string },
): Increments {
  const inc: Increments = {};
  add(inc, ['answered'], 1);
  add(inc, ['byStratum', strata.stratum], 1);
  for (const dim of REPORT_DIMENSIONS) add(inc, ['dim', dim, strata[dim], 'answered'], 1);
  for (const q of version.questions) {
    const v = answers[q.id];
    if (v === undefined) continue;
    if (q.type === 'rating' && typeof v === 'number') {
      const sat = v >= 4 ? 1 : 0;
      for (const [k, by] of [['n', 1], ['sum', v], ['sat', sat]] as const) {
        add(inc, ['q', q.id, k], by);
        add(inc, ['t', q.topic, k], by);
        for (const dim of REPORT_DIMENSIONS) add(inc, ['dim', dim, strata[dim], 't', q.topic, k], by);
      }
    } else if (q.type === 'single' && typeof v === 'string') {
      add(inc, ['q', q.id, 'n'], 1);
      add(inc, ['q', q.id, 'opt', v], 1);
    } else if (q.type === 'multiple' && Array.isArray(v)) {
      add(inc, ['q', q.id, 'n'], 1);
      for (const o of v) add(inc, ['q', q.id, 'opt', o], 1);
    } else if (q.type === 'text' && typeof v === 'string' && v.trim()) {
      add(inc, ['q', q.id, 'n'], 1);
    }
  }
  return inc;
}

/** Adds increments to a plain stats object (what Firestore does with FieldValue.increment); for tests and benches. */
export function applyIncrements(stats: Increments, inc: Increments): Increments {
  for (const [k, v] of Object.entries(inc)) {
    if (typeof v === 'number') stats[k] = ((stats[k] as number | undefined) ?? 0) + v;
    else stats[k] = applyIncrements((typeof stats[k] === 'object' ? stats[k] : {}) as Increments, v);
  }
  return stats;
}

/** Reads a count at a path of a stats object (0 when absent). */
export function countAt(stats: unknown, ...path: string[]): number {
  let node: unknown = stats;
  for (const k of path) {
    if (!node || typeof node !== 'object') return 0;
    node = (node as Record<string, unknown>)[k];
  }
  return typeof node === 'number' ? node : 0;
}

/** The keys of the object at a path of a stats object. */
export function keysAt(stats: unknown, ...path: string[]): string[] {
  let node: unknown = stats;
  for (const k of path) {
    if (!node || typeof node !== 'object') return [];
    node = (node as Record<string, unknown>)[k];
  }
  return node && typeof node === 'object' ? Object.keys(node).sort() : [];
}

export interface Score {
  n: number;
  /** Mean rating 1–5, null without ratings. */
  mean: number | null;
  /** Share of ratings 4 or 5, null without ratings. */
  satisfied: number | null;
}

export function scoreAt(stats: unknown, ...path: string[]): Score {
  const n = countAt(stats, ...path, 'n');
  if (!n) return { n: 0, mean: null, satisfied: null };
  return { n, mean: round(countAt(stats, ...path, 'sum') / n, 2), satisfied: round(countAt(stats, ...path, 'sat') / n, 4) };
}

export function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

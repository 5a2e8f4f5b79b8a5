/**
 * From one change to the increments of ONE aggregate document (branch × department × month).
 * Pure: the ticket before and after a transition, and the event, in; the increments out. The
 * store writes them with FieldValue.increment in the transition's own transaction (one write).
 *
 * Counter keys are flat: `received`, `kind.complaint`, `subject.goods_expired`,
 * `channel.hotline`, `staff.<uid>.confirmedComplaints`. Definitions: definitions.ts.
 */
import { z } from 'zod';
import type { Ticket } from '../documents';
import { COUNTERS, UNROUTED, isResolvedOnTime, type CounterName, type StaffCounter } from './definitions';
import { monthOf, type MonthKey } from './month';

export type Counters = Record<string, number>;

export interface KpiDelta {
  month: MonthKey;
  branchId: string;
  deptId: string;
  inc: Counters;
}

/** The one event a transition appends (type from the lifecycle table, instant). */
export interface KpiEventInfo {
  type: string;
  at: Date;
}

/** `2026-11_br-city_dept-quality`: the aggregate document of one branch × department × month. */
export function aggregateId(d: { month: MonthKey; branchId: string; deptId: string }): string {
  return `${d.month}_${d.branchId}_${d.deptId}`;
}

function bump(c: Counters, key: string, by = 1): void {
  if (by !== 0) c[key] = (c[key] ?? 0) + by;
}

const staffKey = (uid: string, counter: StaffCounter) => `staff.${uid}.${counter}`;

/**
 * The increments a ticket change causes, or null when it counts nothing. `before` null = the
 * ticket was just created (nothing counts then: its department is not known until routing).
 * Every increment of one change shares one basis (the routing and a cancellation count in the
 * month received, everything else in the month of the event): one document, one write.
 */
export function kpiDeltaOf(before: Ticket | null, after: Ticket, event: KpiEventInfo): KpiDelta | null {
  if (!before) return null;
  const deptId = before.ownerDeptId ?? after.ownerDeptId ?? UNROUTED;
  const byReceived: Counters = {};
  const byEvent: Counters = {};

  // received basis
  if (before.state === 'received' && after.state !== 'received' && after.state !== 'cancelled' && after.ownerDeptId) {
    bump(byReceived, 'received');
    bump(byReceived, `kind.${after.kind}`);
    if (after.subject) bump(byReceived, `subject.${after.subject}`);
    bump(byReceived, `channel.${after.channel}`);
  }
  if (after.state === 'cancelled' && before.state !== 'cancelled') bump(byReceived, 'cancelled');

  // event basis
  // The head's sign-off (event `resolved`): it sends the ticket straight to the callback queue.
  if (event.type === 'resolved') {
    bump(byEvent, 'resolved');
    if (isResolvedOnTime({ dueAt: before.dueAt, escalationLevel: before.escalationLevel, reopenCount: before.reopenCount ?? 0 }, event.at)) bump(byEvent, 'resolvedOnTime');
    const resolver = after.resolution?.submittedBy;
    if (resolver) bump(byEvent, staffKey(resolver, 'resolved'));
  }
  const result = after.callbackResult ?? null;
  if (result && (!before.callbackResult || before.callbackResult.at.getTime() !== result.at.getTime())) {
    bump(byEvent, 'callbacksReached');
    if (result.satisfied) bump(byEvent, 'satisfied');
    if (result.awareOfChannel) bump(byEvent, 'aware');
    bump(byEvent, 'scoreSum', result.score);
  }
  if (after.state === 'closed' && before.state !== 'closed') {
    bump(byEvent, 'closed');
    const responsible = after.verification?.responsibleUid;
    // Confirmed once per complaint: a complaint reopened after its verification and verified
    // again is not a second complaint against the same person.
    if (responsible && (after.reopenCount ?? 0) === 0) {
      bump(byEvent, 'confirmedComplaints');
      bump(byEvent, staffKey(responsible, 'confirmedComplaints'));
    }
  }
  if (event.type === 'reopened') bump(byEvent, 'reopened');
  if (event.type === 'escalated') bump(byEvent, 'escalated');
  if (event.type === 'transferred') bump(byEvent, 'transferred');

  const hasReceived = Object.keys(byReceived).length > 0;
  const hasEvent = Object.keys(byEvent).length > 0;
  if (hasReceived && hasEvent) {
    // The lifecycle table has no action that both routes/cancels and resolves, calls back…
    throw new Error(`one change counts in two months (${event.type}): split the delta`);
  }
  if (!hasReceived && !hasEvent) return null;
  return hasReceived
    ? { month: monthOf(after.receivedAt), branchId: after.branchId, deptId, inc: byReceived }
    : { month: monthOf(event.at), branchId: after.branchId, deptId, inc: byEvent };
}

// ── Facts recorded by other areas (visits, survey answers, spot checks, sampled callbacks) ──

const id = z.string().trim().min(1).max(128).regex(/^[^/.]+$/, 'no "/" or "."');

/**
 * A fact another area records, in the same transaction as its own document. Month basis: the
 * instant `at` (when the visit / answer / check happened). A fact recorded after its month was
 * published lands in that month's live aggregate and shows in the next snapshot's corrections.
 */
export const KpiFact = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('visit'), at: z.date(), branchId: id, deptId: id, staffUid: id.optional(), planned: z.boolean(), done: z.boolean() }).strict(),
  z.object({
    kind: z.literal('survey_answer'), at: z.date(), branchId: id, deptId: id,
    satisfied: z.boolean(), supplySatisfied: z.boolean().nullable().default(null),
  }).strict(),
  z.object({ kind: z.literal('spot_check'), at: z.date(), branchId: id, deptId: id, staffUid: id.optional(), passed: z.boolean() }).strict(),
  z.object({ kind: z.literal('callback'), at: z.date(), branchId: id, deptId: id, satisfied: z.boolean() }).strict(),
]);
export type KpiFact = z.input<typeof KpiFact>;

/** The increments of one fact (validated; throws on a malformed fact: a programming error of the caller). */
export function kpiFactDelta(input: KpiFact): KpiDelta {
  const f = KpiFact.parse(input);
  const inc: Counters = {};
  switch (f.kind) {
    case 'visit':
      if (f.planned) bump(inc, 'visitsPlanned');
      if (f.done) {
        bump(inc, 'visitsDone');
        if (f.staffUid) bump(inc, staffKey(f.staffUid, 'visitsDone'));
      }
      break;
    case 'survey_answer':
      bump(inc, 'surveyAnswers');
      if (f.satisfied) bump(inc, 'surveySatisfied');
      if (f.supplySatisfied !== null) {
        bump(inc, 'supplySurveyed');
        if (f.supplySatisfied) bump(inc, 'supplySatisfied');
      }
      break;
    case 'spot_check':
      bump(inc, 'spotChecks');
      if (f.passed) bump(inc, 'spotChecksPassed');
      if (f.staffUid) {
        bump(inc, staffKey(f.staffUid, 'spotChecks'));
        if (f.passed) bump(inc, staffKey(f.staffUid, 'spotChecksPassed'));
      }
      break;
    case 'callback':
      bump(inc, 'sampleCallbacks');
      if (f.satisfied) bump(inc, 'sampleCallbacksSatisfied');
      break;
  }
  return { month: monthOf(f.at), branchId: f.branchId, deptId: f.deptId, inc };
}

// ── counters arithmetic ──

export function addCounters(into: Counters, more: Counters, sign = 1): Counters {
  for (const [k, v] of Object.entries(more)) bump(into, k, sign * v);
  return into;
}

export function sumCounters(list: readonly Counters[]): Counters {
  return list.reduce<Counters>((acc, c) => addCounters(acc, c), {});
}

/** `after − before`, zero entries dropped. */
export function diffCounters(after: Counters, before: Counters): Counters {
  const out: Counters = {};
  for (const k of new Set([...Object.keys(after), ...Object.keys(before)])) {
    const d = (after[k] ?? 0) - (before[k] ?? 0);
    if (d !== 0) out[k] = d;
  }
  return out;
}

/**
 * A counter key as a top-level field name of an aggregate document: `c_` + the key with every
 * character outside [A-Za-z0-9] written `_` + 4 hex digits (`kind.complaint` →
 * `c_kind_002ecomplaint`). Top-level simple names: FieldValue.increment needs no quoted or
 * nested field path (the npm emulator implements neither), and BigQuery takes them as columns.
 */
export function counterField(key: string): string {
  return `c_${key.replace(/[^A-Za-z0-9]/g, (ch) => `_${ch.charCodeAt(0).toString(16).padStart(4, '0')}`)}`;
}

/** The counter key of a field name, or null when the field is not a counter. */
export function counterKey(field: string): string | null {
  if (!field.startsWith('c_')) return null;
  return field.slice(2).replace(/_([0-9a-f]{4})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** Counters as top-level fields (aggregate documents). */
export function counterFields<T>(flat: Counters, map: (n: number) => T = (n) => n as T): Record<string, T> {
  return Object.fromEntries(Object.entries(flat).map(([k, v]) => [counterField(k), map(v)]));
}

/** The counters among a document's fields. */
export function countersOfFields(data: Record<string, unknown>): Counters {
  const out: Counters = {};
  for (const [f, v] of Object.entries(data)) {
    const key = counterKey(f);
    if (key !== null && typeof v === 'number') out[key] = v;
  }
  return out;
}

/** Flat keys → nested maps (how snapshots, written whole, store them). */
export function nestCounters<T>(flat: Counters, map: (n: number) => T = (n) => n as T): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(flat)) {
    const parts = key.split('.');
    let node = out;
    for (const p of parts.slice(0, -1)) node = (node[p] ??= {}) as Record<string, unknown>;
    node[parts[parts.length - 1]!] = map(value);
  }
  return out;
}

/** Nested maps → flat keys. */
export function flattenCounters(nested: unknown, prefix = ''): Counters {
  const out: Counters = {};
  if (!nested || typeof nested !== 'object') return out;
  for (const [k, v] of Object.entries(nested as Record<string, unknown>)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'number') out[key] = v;
    else Object.assign(out, flattenCounters(v, key));
  }
  return out;
}

/** A named counter's value (0 when absent). */
export function counter(c: Counters, name: CounterName): number {
  return c[name] ?? 0;
}

/** Only the ticket-derived counters (what a rebuild from tickets + events can recompute). */
export function ticketCounters(c: Counters): Counters {
  const out: Counters = {};
  for (const [k, v] of Object.entries(c)) {
    const head = k.split('.')[0]!;
    const fromTicket = head === 'kind' || head === 'subject' || head === 'channel'
      || (head === 'staff' ? k.endsWith('.confirmedComplaints') || k.endsWith('.resolved') : COUNTERS[head as CounterName]?.source === 'ticket');
    if (fromTicket) out[k] = v;
  }
  return out;
}

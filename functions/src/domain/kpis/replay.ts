/**
 * Recomputation from the source documents: a ticket as it is now and its history events give
 * back the ticket before and after every event (each event records the changed fields' old
 * values), hence the same deltas the engine applied. Used by the rebuild job and the property
 * test. Pure.
 */
import type { LifecycleTicket, TicketEvent } from '../documents';
import { aggregateId, kpiDeltaOf, type Counters, addCounters, type KpiDelta } from './delta';
import type { MonthKey } from './month';

/** The deltas of a ticket's whole history, oldest first. */
export function replayDeltas(current: LifecycleTicket, events: readonly TicketEvent[]): KpiDelta[] {
  const sorted = [...events].sort((a, b) => a.seq - b.seq);
  const states: LifecycleTicket[] = new Array(sorted.length);
  let state = current;
  for (let i = sorted.length - 1; i >= 0; i--) {
    states[i] = state;
    const undo: Record<string, unknown> = {};
    for (const [field, change] of Object.entries(sorted[i]!.changes)) undo[field] = change.from;
    state = { ...state, ...undo } as LifecycleTicket;
  }
  const out: KpiDelta[] = [];
  for (let i = 1; i < sorted.length; i++) {
    const d = kpiDeltaOf(states[i - 1]!, states[i]!, { type: sorted[i]!.type, at: sorted[i]!.at });
    if (d) out.push(d);
  }
  return out;
}

/** Deltas summed per aggregate document, optionally for one month only. */
export function aggregateDeltas(deltas: readonly KpiDelta[], month?: MonthKey): Record<string, Counters> {
  const out: Record<string, Counters> = {};
  for (const d of deltas) {
    if (month && d.month !== month) continue;
    const key = aggregateId(d);
    out[key] = addCounters(out[key] ?? {}, d.inc);
  }
  return out;
}

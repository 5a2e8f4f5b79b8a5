/**
 * Property: over random lifecycles (random actions by random people at random times, most of
 * them refused by the table), the aggregates maintained by the hooks equal a recomputation from
 * the stored history (ticket now + events, as the rebuild job reads them), document by document.
 */
import fc from 'fast-check';
import { STAFF } from '../../../test/support/fixtures';
import { allowedActions } from '../../src/domain/lifecycle/decide';
import { TICKET_ACTIONS } from '../../src/domain/lifecycle/machine';
import { addCounters, type Counters } from '../../src/domain/kpis/delta';
import { aggregateDeltas, replayDeltas } from '../../src/domain/kpis/replay';
import { Life, actor, at } from './support';

const UIDS = [...Object.keys(STAFF), 'system'];
const DEPTS = ['dept-quality', 'dept-business', 'dept-engineering'];

function inputFor(action: string, pick: number): unknown {
  switch (action) {
    case 'assign': return { assigneeUid: UIDS[pick % UIDS.length] };
    case 'transfer': return { toDeptId: DEPTS[pick % DEPTS.length], reason: '转办' };
    case 'wait_on_client': case 'escalate': return { reason: 'r' };
    case 'resume': case 'request_callback': return {};
    case 'submit_resolution': case 'resolve': return { cause: 'c', measures: 'm' };
    case 'callback': return pick % 4 === 0 ? { outcome: 'unreachable' }
      : { outcome: 'reached', satisfied: pick % 3 !== 0, score: 1 + (pick % 5), awareOfChannel: pick % 2 === 0, comments: '' };
    case 'verify': return { evidence: 'e', ...(pick % 2 ? { responsibleUid: 'u-business-1' } : {}) };
    case 'publish_corrective_report': return { causeAnalysis: 'a', measures: 'm', prevention: 'p' };
    case 'cancel': return { reason: 'malicious', note: 'n' };
    case 'reopen': return { reason: 'r' };
    default: return {};
  }
}

const step = fc.record({
  uid: fc.constantFrom(...UIDS),
  action: fc.constantFrom(...TICKET_ACTIONS),
  pick: fc.nat(60),
  /** mostly an action the table allows now (so walks get far), sometimes any action (refused ones change nothing) */
  allowed: fc.nat(9),
  /** minutes after the previous step: up to ~40 days, so months roll over */
  gap: fc.oneof(fc.integer({ min: 1, max: 600 }), fc.integer({ min: 600, max: 60_000 })),
});

const lifecycle = fc.record({
  kind: fc.constantFrom('complaint', 'repair', 'suggestion'),
  major: fc.boolean(),
  routed: fc.boolean(),
  start: fc.integer({ min: 0, max: 300 }), // days after 2025-10-01
  steps: fc.array(step, { maxLength: 60 }),
});

interface Spec { kind: string; major: boolean; routed: boolean; start: number; steps: Array<{ uid: string; action: string; pick: number; allowed: number; gap: number }> }

function runLife(spec: Spec): Life {
  let now = new Date(at('2025-10-01 09:00').getTime() + spec.start * 86_400_000);
  const life = new Life({ kind: spec.kind as never, major: spec.major, subject: spec.kind === 'complaint' ? 'service_attitude' : null }, now);
  if (spec.routed) life.route(DEPTS[spec.start % DEPTS.length], now);
  for (const s of spec.steps) {
    now = new Date(now.getTime() + s.gap * 60_000);
    const options = UIDS.flatMap((uid) => allowedActions(life.ticket, uid === 'system' ? 'system' : actor(uid))
      // cancelling ends a walk: let it happen, rarely
      .filter((action) => action !== 'cancel' || s.pick % 6 === 0)
      .map((action) => ({ uid, action })));
    const chosen = s.allowed > 0 && options.length ? options[(s.pick * 7 + s.allowed) % options.length]! : s;
    life.tryFire(chosen.uid, chosen.action, inputFor(chosen.action, s.pick), now);
  }
  return life;
}

function merge(into: Record<string, Counters>, more: Record<string, Counters>): void {
  for (const [k, c] of Object.entries(more)) into[k] = addCounters(into[k] ?? {}, c);
}

describe('aggregates = recomputation from history', () => {
  it('over random lifecycles of many tickets, document by document', () => {
    fc.assert(fc.property(fc.array(lifecycle, { minLength: 1, maxLength: 8 }), (specs) => {
      const maintained: Record<string, Counters> = {};
      const recomputed: Record<string, Counters> = {};
      for (const spec of specs) {
        const life = runLife(spec);
        merge(maintained, aggregateDeltas(life.deltas));
        merge(recomputed, aggregateDeltas(replayDeltas(life.ticket, life.events)));
      }
      expect(recomputed).toEqual(maintained);
    }), { numRuns: 300 });
  });

  it('invariants of the maintained counters: never negative, received once per routed ticket, parts ≤ wholes', () => {
    fc.assert(fc.property(lifecycle, (spec) => {
      const life = runLife(spec);
      const total = life.deltas.reduce<Counters>((acc, d) => addCounters(acc, d.inc), {});
      for (const v of Object.values(total)) expect(v).toBeGreaterThanOrEqual(0);
      const routed = life.events.some((e) => e.type === 'assigned' && e.from === 'received');
      expect(total.received ?? 0).toBe(routed ? 1 : 0);
      expect(total.cancelled ?? 0).toBe(life.ticket.state === 'cancelled' ? 1 : 0);
      expect(total.resolvedOnTime ?? 0).toBeLessThanOrEqual(total.resolved ?? 0);
      expect(total.satisfied ?? 0).toBeLessThanOrEqual(total.callbacksReached ?? 0);
      expect(total.closed ?? 0).toBe(life.events.filter((e) => e.to === 'closed').length);
      expect(total.reopened ?? 0).toBe(life.events.filter((e) => e.type === 'reopened').length);
    }), { numRuns: 300 });
  });
});

describe('the random walks reach the states that matter (else the property above says little)', () => {
  it('some tickets are resolved, called back, closed, reopened, transferred, escalated and cancelled', () => {
    const seen = new Set<string>();
    for (const spec of fc.sample(lifecycle, { numRuns: 400, seed: 12 })) for (const e of runLife(spec).events) seen.add(e.type);
    for (const t of ['resolved', 'callback_satisfied', 'verified', 'reopened', 'transferred', 'escalated', 'cancelled']) expect(seen).toContain(t);
  });
});

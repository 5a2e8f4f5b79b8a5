/** Each KPI counter and figure, defined once in domain/kpis: which events count, in which month, for which department. */
import { COUNTERS, KPIS, TARGETABLE, UNROUTED, isResolvedOnTime } from '../../src/domain/kpis/definitions';
import { kpiFactDelta, type KpiDelta } from '../../src/domain/kpis/delta';
import { breakdownOf, figuresOf, staffFlags } from '../../src/domain/kpis/figures';
import { addMonths, isMonthClosed, monthOf, monthStart } from '../../src/domain/kpis/month';
import { correctionsOf } from '../../src/domain/kpis/snapshot';
import { effectiveTargets, targetRefusal } from '../../src/domain/kpis/targets';
import { KPIS_REFUSALS } from '../../src/domain/kpis/refusals';
import { Life, at } from './support';

const REACHED = { outcome: 'reached', satisfied: true, score: 5, awareOfChannel: true, comments: '满意' };

/** A complaint taken to `callback` state on Monday 17 Nov 2025. */
function resolvedComplaint(resolveAt = at('2025-11-17 15:00')): Life {
  return new Life().route()
    .fire('u-quality-1', 'accept', {}, at('2025-11-17 10:30'))
    .fire('u-quality-head', 'resolve', { cause: '临期未检', measures: '下架退款' }, resolveAt); // sign-off: straight to callback
}

const last = (l: Life): KpiDelta => l.deltas[l.deltas.length - 1]!;

describe('months (Asia/Shanghai)', () => {
  it('an instant belongs to the Beijing month, not the UTC one', () => {
    expect(monthOf(at('2026-11-30 23:30'))).toBe('2026-11');
    expect(monthOf(at('2026-12-01 00:10'))).toBe('2026-12'); // still 30 Nov in UTC
    expect(monthStart('2026-12').toISOString()).toBe('2026-11-30T16:00:00.000Z');
    expect(addMonths('2026-12', 1)).toBe('2027-01');
    expect(addMonths('2026-01', -1)).toBe('2025-12');
  });
  it('a month is closed from 00:00 Beijing time on the 1st of the next', () => {
    expect(isMonthClosed('2026-11', at('2026-11-30 23:59'))).toBe(false);
    expect(isMonthClosed('2026-11', at('2026-12-01 00:00'))).toBe(true);
  });
});

describe('received (basis: month received, department routed to)', () => {
  it('routing counts the ticket once, with its kind, subject and channel', () => {
    const l = new Life({ channel: 'web' }, at('2025-10-31 23:50')).route('dept-quality', at('2025-11-01 00:05'));
    expect(l.deltas).toEqual([{
      month: '2025-10', branchId: 'br-city', deptId: 'dept-quality',
      inc: { received: 1, 'kind.complaint': 1, 'subject.goods_expired': 1, 'channel.web': 1 },
    }]);
  });
  it('creation alone counts nothing (no department yet)', () => {
    expect(new Life().deltas).toEqual([]);
  });
});

describe('cancelled (basis: month received)', () => {
  it('a ticket cancelled months later counts in the month it was received, for its owner', () => {
    const l = new Life().route().fire('u-quality-head', 'cancel', { reason: 'malicious', note: '核实不实' }, at('2026-01-05 10:00'));
    expect(last(l)).toEqual({ month: '2025-11', branchId: 'br-city', deptId: 'dept-quality', inc: { cancelled: 1 } });
  });
  it('a ticket cancelled before routing counts under the unrouted pseudo-department, never as received', () => {
    const l = new Life().fire('u-quality-head', 'cancel', { reason: 'duplicate', duplicateOf: 't-0', note: '重复' }, at('2025-11-17 10:05'));
    expect(l.deltas).toEqual([{ month: '2025-11', branchId: 'br-city', deptId: UNROUTED, inc: { cancelled: 1 } }]);
  });
});

describe('resolved and on time (basis: month resolved)', () => {
  it('resolved before the deadline: on time, credited to the staff member who did the work', () => {
    const l = new Life().route().fire('u-quality-1', 'accept', {}, at('2025-11-17 10:30'))
      .fire('u-quality-1', 'submit_resolution', { cause: 'c', measures: 'm' }, at('2025-11-17 11:00'))
      .fire('u-quality-head', 'resolve', {}, at('2025-11-17 15:00'));
    expect(last(l).inc).toEqual({ resolved: 1, resolvedOnTime: 1, 'staff.u-quality-1.resolved': 1 });
  });
  it('resolved after the deadline: resolved, not on time', () => {
    const l = new Life().route('dept-quality', at('2025-11-17 10:00'), at('2025-11-17 12:00'))
      .fire('u-quality-1', 'accept', {}, at('2025-11-17 10:30'))
      .fire('u-quality-head', 'resolve', { cause: 'c', measures: 'm' }, at('2025-11-17 15:00'));
    expect(last(l).inc).toMatchObject({ resolved: 1 });
    expect(last(l).inc.resolvedOnTime).toBeUndefined();
  });
  it('paused: the working time spent waiting on the client does not count against the department', () => {
    // Deadline 12:00; waits 10:30 → next day 10:30 (a whole working day); resolved 11:00 next day.
    const l = new Life().route('dept-quality', at('2025-11-17 10:00'), at('2025-11-17 12:00'))
      .fire('u-quality-1', 'accept', {}, at('2025-11-17 10:15'))
      .fire('u-quality-1', 'wait_on_client', { reason: '等客户提供小票' }, at('2025-11-17 10:30'))
      .fire('u-quality-1', 'resume', {}, at('2025-11-18 10:30'))
      .fire('u-quality-head', 'resolve', { cause: 'c', measures: 'm' }, at('2025-11-18 11:00'));
    expect(last(l).inc).toMatchObject({ resolved: 1, resolvedOnTime: 1 });
  });
  it('transferred: the deadline travels with the ticket, so a transfer after it passed stays late', () => {
    const l = new Life().route('dept-business', at('2025-11-17 10:00'), at('2025-11-17 12:00'))
      .fire('u-business-head', 'transfer', { toDeptId: 'dept-quality', reason: '属质量问题' }, at('2025-11-17 16:00'));
    expect(last(l)).toEqual({ month: '2025-11', branchId: 'br-city', deptId: 'dept-business', inc: { transferred: 1 } });
    l.fire('u-quality-1', 'accept', {}, at('2025-11-18 09:00'))
      .fire('u-quality-head', 'resolve', { cause: 'c', measures: 'm' }, at('2025-11-18 10:00'));
    expect(last(l)).toMatchObject({ deptId: 'dept-quality', inc: { resolved: 1 } });
    expect(last(l).inc.resolvedOnTime).toBeUndefined();
  });
  it('escalated for lateness: late even when resolved before the new deadline', () => {
    const l = new Life().route().fire('system', 'escalate', { reason: '超时' }, at('2025-11-18 10:01'));
    expect(last(l).inc).toEqual({ escalated: 1 });
    l.fire('u-quality-1', 'accept', {}, at('2025-11-18 10:30')).fire('u-quality-head', 'resolve', { cause: 'c', measures: 'm' }, at('2025-11-18 11:00'));
    expect(last(l).inc.resolvedOnTime).toBeUndefined();
  });
  it('the on-time rule on its own: reopenings raise the level without making the ticket late', () => {
    const due = at('2025-11-18 10:00');
    expect(isResolvedOnTime({ dueAt: due, escalationLevel: 1, reopenCount: 1 }, at('2025-11-18 09:00'))).toBe(true);
    expect(isResolvedOnTime({ dueAt: due, escalationLevel: 2, reopenCount: 1 }, at('2025-11-18 09:00'))).toBe(false);
    expect(isResolvedOnTime({ dueAt: due, escalationLevel: 2, reopenCount: 3 }, at('2025-11-18 09:00'))).toBe(true);
    expect(isResolvedOnTime({ dueAt: null, escalationLevel: 0, reopenCount: 0 }, at('2030-01-01 00:00'))).toBe(true);
  });
});

describe('callbacks, satisfaction, awareness (basis: month of the callback)', () => {
  it('a reached, satisfied callback counts reached, satisfied, aware and the score', () => {
    const l = resolvedComplaint().fire('u-intake', 'callback', { ...REACHED, score: 4 }, at('2025-12-01 09:00'));
    expect(last(l)).toEqual({ month: '2025-12', branchId: 'br-city', deptId: 'dept-quality', inc: { callbacksReached: 1, satisfied: 1, aware: 1, scoreSum: 4 } });
  });
  it('an unreachable client counts nothing; a dissatisfied one counts the callback and a reopening', () => {
    const l = resolvedComplaint();
    const n = l.deltas.length;
    l.fire('u-intake', 'callback', { outcome: 'unreachable' }, at('2025-11-18 10:00'));
    expect(l.deltas.length).toBe(n);
    l.fire('u-intake', 'callback', { ...REACHED, satisfied: false, awareOfChannel: false, score: 2 }, at('2025-11-18 11:00'));
    expect(last(l).inc).toEqual({ callbacksReached: 1, scoreSum: 2, reopened: 1 });
  });
});

describe('closed and confirmed complaints (basis: month closed)', () => {
  it('verification naming the responsible staff confirms a complaint against them', () => {
    const l = resolvedComplaint().fire('u-intake', 'callback', REACHED, at('2025-11-18 10:00'))
      .fire('u-quality-2', 'verify', { evidence: '已下架', responsibleUid: 'u-business-1' }, at('2025-11-19 10:00'));
    expect(last(l).inc).toEqual({ closed: 1, confirmedComplaints: 1, 'staff.u-business-1.confirmedComplaints': 1 });
  });
  it('verification naming nobody closes without confirming', () => {
    const l = resolvedComplaint().fire('u-intake', 'callback', REACHED, at('2025-11-18 10:00'))
      .fire('u-quality-2', 'verify', { evidence: '已下架' }, at('2025-11-19 10:00'));
    expect(last(l).inc).toEqual({ closed: 1 });
  });
  it('a complaint reopened and verified again is not confirmed a second time', () => {
    const l = resolvedComplaint().fire('u-intake', 'callback', REACHED, at('2025-11-18 10:00'))
      .fire('u-quality-2', 'verify', { evidence: '已下架', responsibleUid: 'u-business-1' }, at('2025-11-19 10:00'))
      .fire('u-intake', 'reopen', { reason: '客户再次反映' }, at('2025-11-20 10:00'))
      .fire('u-quality-head', 'resolve', { cause: 'c', measures: 'm' }, at('2025-11-20 11:00'))
      .fire('u-intake', 'callback', REACHED, at('2025-11-20 14:00'))
      .fire('u-quality-2', 'verify', { evidence: '复查', responsibleUid: 'u-business-1' }, at('2025-11-21 10:00'));
    expect(last(l).inc).toEqual({ closed: 1 });
    const confirmations = l.deltas.reduce((n, d) => n + (d.inc['staff.u-business-1.confirmedComplaints'] ?? 0), 0);
    expect(confirmations).toBe(1);
  });
  it('reopening a closed ticket counts in the month of the reopening', () => {
    const l = resolvedComplaint().fire('u-intake', 'callback', REACHED, at('2025-11-18 10:00'))
      .fire('u-quality-2', 'verify', { evidence: '已下架' }, at('2025-11-19 10:00'))
      .fire('u-intake', 'reopen', { reason: '客户再次反映' }, at('2026-01-03 10:00'));
    expect(last(l)).toMatchObject({ month: '2026-01', inc: { reopened: 1 } });
  });
});

describe('facts from other areas (recordKpiFact)', () => {
  it('visits, survey answers, spot checks and sampled callbacks', () => {
    const base = { at: at('2025-11-03 10:00'), branchId: 'br-city', deptId: 'dept-business' };
    expect(kpiFactDelta({ kind: 'visit', ...base, staffUid: 'u-business-1', planned: true, done: true }).inc)
      .toEqual({ visitsPlanned: 1, visitsDone: 1, 'staff.u-business-1.visitsDone': 1 });
    expect(kpiFactDelta({ kind: 'survey_answer', ...base, satisfied: true, supplySatisfied: false }).inc)
      .toEqual({ surveyAnswers: 1, surveySatisfied: 1, supplySurveyed: 1 });
    expect(kpiFactDelta({ kind: 'spot_check', ...base, staffUid: 'u-business-1', passed: false }).inc)
      .toEqual({ spotChecks: 1, 'staff.u-business-1.spotChecks': 1 });
    expect(kpiFactDelta({ kind: 'callback', ...base, satisfied: true })).toEqual({ month: '2025-11', branchId: 'br-city', deptId: 'dept-business', inc: { sampleCallbacks: 1, sampleCallbacksSatisfied: 1 } });
  });
  it('a malformed fact is refused', () => {
    expect(() => kpiFactDelta({ kind: 'visit', at: new Date(), branchId: 'a/b', deptId: 'd', planned: true, done: true })).toThrow();
  });
});

describe('figures', () => {
  const targets = effectiveTargets({ satisfactionRate: 90 });
  it('rates are numerator / denominator, compared with the target in percent', () => {
    const f = Object.fromEntries(figuresOf({ resolved: 20, resolvedOnTime: 19, callbacksReached: 19, satisfied: 17, aware: 18, scoreSum: 85 }, targets).map((x) => [x.kpi, x]));
    expect(f.callbackRate).toMatchObject({ value: 0.95, target: 95, attainment: 'met' }); // exactly the target meets it
    expect(f.satisfactionRate).toMatchObject({ numerator: 17, denominator: 19, target: 90, attainment: 'missed' });
    expect(f.awarenessRate!.attainment).toBe('met');
    expect(f.averageScore!.value).toBeCloseTo(85 / 19);
    expect(f.supplySatisfactionRate).toMatchObject({ value: null, attainment: 'no_data', target: 80 });
  });
  it('every KPI names counters that exist; every rate has a target', () => {
    for (const k of Object.values(KPIS)) {
      expect(Object.keys(COUNTERS)).toContain(k.numerator);
      if (k.denominator) expect(Object.keys(COUNTERS)).toContain(k.denominator);
    }
    expect(Object.keys(targets).sort()).toEqual(TARGETABLE.filter((k) => KPIS[k].defaultTarget !== null || k === 'satisfactionRate').sort());
  });
  it('breakdowns list the received volume by kind, subject, channel', () => {
    expect(breakdownOf({ 'channel.hotline': 3, 'channel.web': 5, 'kind.complaint': 8 }, 'channel')).toEqual([{ key: 'web', count: 5 }, { key: 'hotline', count: 3 }]);
  });
  it('staff with two confirmed complaints in a month are flagged, one is not', () => {
    expect(staffFlags({ 'staff.a.confirmedComplaints': 2, 'staff.b.confirmedComplaints': 1, 'staff.c.confirmedComplaints': 3, 'staff.a.visitsDone': 9 }))
      .toEqual([{ uid: 'c', confirmedComplaints: 3 }, { uid: 'a', confirmedComplaints: 2 }]);
  });
});

describe('targets', () => {
  it('a target outside 0–100 % or on an unknown KPI is refused with a catalogued reason', () => {
    expect(targetRefusal({ callbackRate: 101 })).toEqual({ reason: 'kpis.target_out_of_range', params: { kpi: 'callbackRate', value: 101 } });
    expect(targetRefusal({ callbackRate: -1 })!.reason).toBe('kpis.target_out_of_range');
    expect(targetRefusal({ received: 50 })).toEqual({ reason: 'kpis.unknown_target', params: { kpi: 'received' } });
    expect(targetRefusal({ callbackRate: 0, satisfactionRate: 100 })).toBeNull();
    for (const r of ['kpis.target_out_of_range', 'kpis.unknown_target']) expect(KPIS_REFUSALS).toHaveProperty([r]);
  });
  it('defaults are the rules: callback 95, satisfaction 85, awareness 85, supply 80', () => {
    expect(effectiveTargets(null)).toMatchObject({ callbackRate: 95, satisfactionRate: 85, awarenessRate: 85, supplySatisfactionRate: 80 });
  });
});

describe('corrections', () => {
  it('a change to a frozen month is reported once, in the next snapshot built after it', () => {
    const frozen = { '2025-10': { received: 10, cancelled: 0 } };
    const first = correctionsOf({ '2025-10': { received: 10, cancelled: 1 } }, frozen, {});
    expect(first.corrections).toEqual([{ month: '2025-10', c: { cancelled: 1 } }]);
    const second = correctionsOf({ '2025-10': { received: 10, cancelled: 1 } }, frozen, first.cumulative);
    expect(second.corrections).toEqual([]);
    const third = correctionsOf({ '2025-10': { received: 10, cancelled: 2 } }, frozen, second.cumulative);
    expect(third.corrections).toEqual([{ month: '2025-10', c: { cancelled: 1 } }]);
  });
});

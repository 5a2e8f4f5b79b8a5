import { HOUR_MS, createCalendar, defaultCalendarConfig } from '../../src/domain/calendar';
import {
  DEFAULT_SLA_RULES,
  SlaPolicy,
  computeDeadline,
  defaultSlaPolicy,
  escalationDeadline,
  extendForPause,
  onsiteHandoffDue,
  reRepairCallbackDue,
  targetFor,
} from '../../src/domain/sla';
import { TicketKind } from '../../src/domain/vocabulary';

const at = (s: string): Date => new Date(`${s.replace(' ', 'T')}:00+08:00`);
const bj = (d: Date): string => new Date(d.getTime() + 8 * HOUR_MS).toISOString().slice(0, 19).replace('T', ' ');

const cal = createCalendar(defaultCalendarConfig(2024, 2027));
const policy = defaultSlaPolicy();

describe('SlaPolicy', () => {
  it('defaults: complaint and repair 1 working day, other kinds 2 working days, warn at 75 %', () => {
    expect(policy.warnAtShare).toBe(0.75);
    expect(targetFor(policy, 'complaint')).toEqual({ type: 'workingDays', n: 1 });
    expect(targetFor(policy, 'repair')).toEqual({ type: 'workingDays', n: 1 });
    for (const kind of ['suggestion', 'inquiry', 'praise', 'paid_service'] as const) {
      expect(targetFor(policy, kind)).toEqual({ type: 'workingDays', n: 2 });
    }
    expect(policy.escalationTargets).toEqual({ '1': { type: 'workingDays', n: 1 }, '2': { type: 'workingDays', n: 2 } });
    expect(policy.onsiteHandoff).toEqual({ type: 'endOfWorkingDay' });
    expect(policy.reRepairCallback).toEqual({ type: 'clockHours', n: 24 });
    expect(new Set(DEFAULT_SLA_RULES.map((r) => r.kind))).toEqual(new Set(TicketKind.options));
  });

  it('rejects duplicate rules, kinds without a tier-less rule and bad targets, per field', () => {
    const r1 = SlaPolicy.safeParse({ rules: [...DEFAULT_SLA_RULES, { kind: 'complaint', target: { type: 'endOfWorkingDay' } }] });
    expect(r1.success ? [] : r1.error.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['rules.6', 'duplicate rule for kind complaint'],
    ]);
    const r2 = SlaPolicy.safeParse({ rules: DEFAULT_SLA_RULES.filter((r) => r.kind !== 'praise') });
    expect(r2.success ? [] : r2.error.issues.map((i) => i.message)).toEqual([
      'no rule without tier for kind praise: every kind needs one',
    ]);
    const r3 = SlaPolicy.safeParse({ rules: [{ kind: 'complaint', tier: 'A', target: { type: 'workingDays', n: 0 } }, ...DEFAULT_SLA_RULES] });
    expect(r3.success ? [] : r3.error.issues.map((i) => i.path.join('.'))).toEqual(['rules.0.target.n']);
    expect(SlaPolicy.safeParse({ warnAtShare: 1 }).success).toBe(false);
  });
});

describe('computeDeadline', () => {
  it('complaint filed 16:30 on the last working day before National Day is due 16:30 on 2025-10-09', () => {
    const d = computeDeadline(cal, policy, { kind: 'complaint', tier: 'B', receivedAt: at('2025-09-30 16:30') });
    expect(bj(d.dueAt)).toBe('2025-10-09 16:30:00');
    // 75 % of 7.5 h = 5 h 37.5 min: 1 h on Sep 30, 3.5 h Oct 9 morning, 1 h 07.5 min after lunch
    expect(bj(d.warnAt)).toBe('2025-10-09 14:37:30');
    expect(d.target).toEqual({ type: 'workingDays', n: 1 });
  });

  it('complaint on an ordinary Wednesday afternoon; filed at the weekend; filed on the make-up Saturday', () => {
    expect(bj(computeDeadline(cal, policy, { kind: 'complaint', receivedAt: at('2025-03-12 16:30') }).dueAt)).toBe('2025-03-13 16:30:00');
    expect(bj(computeDeadline(cal, policy, { kind: 'complaint', tier: null, receivedAt: at('2025-03-15 11:00') }).dueAt)).toBe(
      '2025-03-17 17:30:00',
    );
    expect(bj(computeDeadline(cal, policy, { kind: 'complaint', receivedAt: at('2025-10-11 09:00') }).dueAt)).toBe('2025-10-13 09:00:00');
  });

  it('suggestions get 2 working days, across the 2026 Spring Festival', () => {
    expect(bj(computeDeadline(cal, policy, { kind: 'suggestion', receivedAt: at('2025-03-12 10:00') }).dueAt)).toBe('2025-03-14 10:00:00');
    // Fri 2026-02-13 → make-up Sat 02-14 → (holiday 02-15…23) → Tue 02-24
    expect(bj(computeDeadline(cal, policy, { kind: 'inquiry', receivedAt: at('2026-02-13 10:00') }).dueAt)).toBe('2026-02-24 10:00:00');
  });

  it('a tier-specific rule wins over the kind rule', () => {
    const p = SlaPolicy.parse({
      rules: [...DEFAULT_SLA_RULES, { kind: 'complaint', tier: 'A', target: { type: 'workingHours', n: 4 } }],
    });
    const d = computeDeadline(cal, p, { kind: 'complaint', tier: 'A', receivedAt: at('2025-03-12 10:00') });
    expect(bj(d.dueAt)).toBe('2025-03-12 15:30:00');
    expect(bj(d.warnAt)).toBe('2025-03-12 14:30:00');
    expect(bj(computeDeadline(cal, p, { kind: 'complaint', tier: 'C', receivedAt: at('2025-03-12 10:00') }).dueAt)).toBe(
      '2025-03-13 10:00:00',
    );
  });

  it('clockHours targets ignore the calendar; warnAt is a share of clock time', () => {
    const p = SlaPolicy.parse({ rules: [...DEFAULT_SLA_RULES.filter((r) => r.kind !== 'repair'), { kind: 'repair', target: { type: 'clockHours', n: 8 } }] });
    const d = computeDeadline(cal, p, { kind: 'repair', receivedAt: at('2025-10-01 20:00') });
    expect(bj(d.dueAt)).toBe('2025-10-02 04:00:00');
    expect(bj(d.warnAt)).toBe('2025-10-02 02:00:00');
  });

  it('endOfWorkingDay target', () => {
    const p = SlaPolicy.parse({ rules: [...DEFAULT_SLA_RULES.filter((r) => r.kind !== 'praise'), { kind: 'praise', target: { type: 'endOfWorkingDay' } }] });
    const d = computeDeadline(cal, p, { kind: 'praise', receivedAt: at('2025-03-12 09:30') });
    expect(bj(d.dueAt)).toBe('2025-03-12 17:30:00');
    // 6.5 h of working time left, 75 % = 4 h 52.5 min: 2.5 h morning, then 2 h 22.5 min after 13:30
    expect(bj(d.warnAt)).toBe('2025-03-12 15:52:30');
  });
});

describe('special deadlines', () => {
  it('on-site feedback reaches the business department by the end of the same working day', () => {
    expect(bj(onsiteHandoffDue(cal, at('2025-03-12 10:00')))).toBe('2025-03-12 17:30:00');
    expect(bj(onsiteHandoffDue(cal, at('2025-03-12 12:15')))).toBe('2025-03-12 17:30:00');
    // after hours on the last day before the holiday → end of the first working day after it
    expect(bj(onsiteHandoffDue(cal, at('2025-09-30 18:00')))).toBe('2025-10-09 17:30:00');
    expect(bj(onsiteHandoffDue(cal, at('2025-09-28 09:00')))).toBe('2025-09-28 17:30:00'); // make-up Sunday
  });

  it('re-repair callback within 24 clock hours, holidays included', () => {
    expect(bj(reRepairCallbackDue(cal, at('2025-09-30 16:30')))).toBe('2025-10-01 16:30:00');
  });

  it('escalation levels get a fresh deadline from the escalation', () => {
    expect(bj(escalationDeadline(cal, policy, 1, at('2025-03-13 16:31')).dueAt)).toBe('2025-03-14 16:31:00');
    expect(bj(escalationDeadline(cal, policy, 2, at('2025-03-14 16:31')).dueAt)).toBe('2025-03-18 16:31:00');
  });

  it('time waiting on the client extends the deadline by the paused working time', () => {
    const receivedAt = at('2025-03-12 09:00');
    const { dueAt } = computeDeadline(cal, policy, { kind: 'complaint', receivedAt });
    const paused = cal.pausedWorkingTime([{ start: at('2025-03-12 11:00'), end: at('2025-03-12 15:00') }], at('2025-03-13 00:00'));
    expect(paused).toBe(2.5 * HOUR_MS);
    expect(bj(extendForPause(cal, dueAt, paused))).toBe('2025-03-13 11:30:00');
  });
});

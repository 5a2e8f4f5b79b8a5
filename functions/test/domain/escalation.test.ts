import fc from 'fast-check';
import { HOUR_MS, MINUTE_MS, createCalendar, defaultCalendarConfig, type WorkCalendar } from '../../src/domain/calendar';
import {
  decideDeadline, deliverAtFor, earliestDeliverAt, smsDeliverAt, warnAtOf, warnHorizon, type DeadlineTicket,
} from '../../src/domain/escalation';
import type { LifecycleTicket } from '../../src/domain/documents';
import { MACHINE } from '../../src/domain/lifecycle/machine';
import { defaultSlaPolicy } from '../../src/domain/sla';

/** A Beijing-time instant: at('2025-09-30 16:30'). */
const at = (s: string): Date => new Date(`${s.replace(' ', 'T')}:00+08:00`);
const policy = defaultSlaPolicy();
let cal: WorkCalendar;
beforeAll(() => {
  cal = createCalendar(defaultCalendarConfig(2024, 2027));
});

const ticket = (over: Partial<DeadlineTicket> = {}): DeadlineTicket => ({
  state: 'assigned', dueAt: at('2025-10-09 16:30'), escalationLevel: 0, ownerDeptId: 'dept-quality',
  assigneeUid: null, kind: 'complaint', clientTier: 'A', major: false, ...over,
});
const decide = (t: DeadlineTicket, now: Date, expectedDueAt?: Date | null) =>
  decideDeadline({ ticket: t, now, calendar: cal, policy, ...(expectedDueAt !== undefined ? { expectedDueAt } : {}) });

describe('decideDeadline', () => {
  test('nothing during the National Day holiday, nor at the deadline itself', () => {
    for (const now of ['2025-10-01 10:00', '2025-10-05 16:31', '2025-10-08 23:59', '2025-10-09 16:29', '2025-10-09 16:30']) {
      expect(decide(ticket(), at(now)).action).not.toBe('escalate');
    }
    expect(decide(ticket(), at('2025-10-03 12:00'))).toEqual({ action: 'none', reason: 'not-due' });
  });

  test("overdue at level 0 → level 1: the owning department's head, due one working day later", () => {
    const d = decide(ticket(), at('2025-10-09 16:31'));
    expect(d).toEqual({
      action: 'escalate', fromLevel: 0, level: 1, dueAt: at('2025-10-10 16:31'), warnAt: expect.any(Date),
      notify: [{ kind: 'head', deptId: 'dept-quality' }],
    });
  });

  test('overdue at level 1 → level 2: assignee, head and leadership, two working days', () => {
    const d = decide(ticket({ escalationLevel: 1, assigneeUid: 'u-q1', dueAt: at('2025-10-10 16:31') }), at('2025-10-10 17:00'));
    expect(d).toMatchObject({
      action: 'escalate', level: 2, dueAt: at('2025-10-13 17:00'), // Sat Oct 11 is a 调休 working day
      notify: [{ kind: 'head', deptId: 'dept-quality' }, { kind: 'user', uid: 'u-q1' }, { kind: 'leadership' }],
    });
  });

  test("the decision agrees with the lifecycle's escalate effect (audience, level, deadline)", () => {
    for (const [level, assigneeUid] of [[0, null], [0, 'u-q1'], [1, null], [1, 'u-q1']] as const) {
      const t = ticket({ escalationLevel: level, assigneeUid, dueAt: at('2025-10-09 16:30') });
      const now = at('2025-10-09 16:31');
      const d = decide(t, now);
      const ctx = { ticketId: 't', now, calendar: cal, sla: policy, departments: [], staff: new Map() };
      const effect = MACHINE.escalate.effect(t as unknown as LifecycleTicket, { reason: 'overdue', expectedLevel: level }, 'system', ctx);
      expect(d).toMatchObject({ action: 'escalate', level: effect.patch.escalationLevel, dueAt: effect.patch.dueAt, notify: effect.notify });
    }
  });

  test('nothing higher than leadership', () => {
    expect(decide(ticket({ escalationLevel: 2 }), at('2025-10-20 10:00'))).toEqual({ action: 'none', reason: 'top-level' });
  });

  test('a ticket that moved on, or whose deadline moved, is left alone', () => {
    for (const state of ['resolved', 'callback', 'verification', 'closed', 'cancelled', 'waiting_on_client', 'received'] as const) {
      expect(decide(ticket({ state }), at('2025-10-20 10:00'))).toEqual({ action: 'none', reason: 'not-open' });
    }
    expect(decide(ticket(), at('2025-10-20 10:00'), at('2025-10-09 16:00'))).toEqual({ action: 'none', reason: 'deadline-moved' });
    expect(decide(ticket({ dueAt: null }), at('2025-10-20 10:00'))).toEqual({ action: 'none', reason: 'no-deadline' });
    expect(decide(ticket(), at('2025-10-20 10:00'), at('2025-10-09 16:30')).action).toBe('escalate');
  });

  test('warning once a quarter of the working day is left (1 h 52.5 min of 7.5 h)', () => {
    // Due Oct 9 16:30: 1 h 52.5 min of working time before is Oct 9 14:37:30.
    expect(warnAtOf(cal, policy, { ...ticket(), dueAt: at('2025-10-09 16:30') })).toEqual(new Date(at('2025-10-09 14:37').getTime() + 30_000));
    expect(decide(ticket(), at('2025-10-09 14:37')).action).toBe('none');
    expect(decide(ticket(), at('2025-10-09 14:38'))).toMatchObject({ action: 'warn', notify: [{ kind: 'dept', deptId: 'dept-quality' }] });
  });

  test('property: an open ticket escalates iff now > dueAt and it is below leadership; the new deadline lies ahead', () => {
    const base = at('2025-01-02 09:00').getTime();
    fc.assert(fc.property(
      fc.integer({ min: 0, max: 300 * 24 * 60 }), fc.integer({ min: -5 * 24 * 60, max: 5 * 24 * 60 }), fc.integer({ min: 0, max: 2 }),
      (dueMin, deltaMin, level) => {
        const dueAt = new Date(base + dueMin * MINUTE_MS);
        const now = new Date(dueAt.getTime() + deltaMin * MINUTE_MS);
        const d = decide(ticket({ dueAt, escalationLevel: level }), now);
        const shouldEscalate = deltaMin > 0 && level < 2;
        expect(d.action === 'escalate').toBe(shouldEscalate);
        if (d.action === 'escalate') {
          expect(d.level).toBe(level + 1);
          expect(d.dueAt.getTime()).toBeGreaterThan(now.getTime());
          expect(d.warnAt.getTime()).toBeLessThanOrEqual(d.dueAt.getTime());
        }
        if (d.action === 'warn') {
          expect(now.getTime()).toBeLessThanOrEqual(dueAt.getTime());
          expect(now.getTime()).toBeGreaterThanOrEqual(d.warnAt.getTime() - 1000);
          expect(warnHorizon(cal, policy, now).getTime()).toBeGreaterThanOrEqual(dueAt.getTime());
        }
      },
    ), { numRuns: 300 });
  });
});

describe('deliverAtFor (notification deferral)', () => {
  test('in working hours: at once', () => {
    expect(deliverAtFor(cal, at('2025-10-09 16:31'), { major: false, audience: 'head' })).toBeNull();
  });

  test('after hours, at lunch and on holidays: the next working instant', () => {
    expect(deliverAtFor(cal, at('2025-09-30 17:32'), { major: false, audience: 'dept' })).toEqual(at('2025-10-09 08:30'));
    expect(deliverAtFor(cal, at('2025-10-10 12:05'), { major: false, audience: 'user' })).toEqual(at('2025-10-10 13:30'));
    expect(deliverAtFor(cal, at('2025-10-10 22:00'), { major: true, audience: 'head' })).toEqual(at('2025-10-11 08:30')); // Sat Oct 11 is a 调休 working day
  });

  test('leadership alerts on major complaints go at once, even at night', () => {
    expect(deliverAtFor(cal, at('2025-10-03 03:00'), { major: true, audience: 'leadership' })).toBeNull();
    expect(deliverAtFor(cal, at('2025-10-03 03:00'), { major: false, audience: 'leadership' })).toEqual(at('2025-10-09 08:30'));
  });

  test('property: a deferred delivery is a working instant after the cause, and nothing is deferred in working time', () => {
    const base = at('2025-01-01 00:00').getTime();
    fc.assert(fc.property(fc.integer({ min: 0, max: 364 * 24 * 60 }), fc.boolean(), (m, major) => {
      const t = new Date(base + m * MINUTE_MS);
      const d = deliverAtFor(cal, t, { major, audience: 'dept' });
      if (cal.isWorkingTime(t)) expect(d).toBeNull();
      else {
        expect(d).not.toBeNull();
        expect(d!.getTime()).toBeGreaterThan(t.getTime());
        expect(cal.isWorkingTime(d!)).toBe(true);
        expect(d!.getTime() - t.getTime()).toBeLessThan(15 * 24 * HOUR_MS);
      }
    }), { numRuns: 500 });
  });
});

describe('earliestDeliverAt (a person named by several audiences) and smsDeliverAt', () => {
  test('immediate beats deferred: a leader who is also named as a user on a major complaint is told at once', () => {
    const night = at('2025-10-03 03:00');
    expect(earliestDeliverAt(cal, night, { major: true, audiences: ['user', 'leadership'] })).toBeNull();
    expect(earliestDeliverAt(cal, night, { major: true, audiences: ['head', 'user'] })).toEqual(at('2025-10-09 08:30'));
    expect(earliestDeliverAt(cal, night, { major: false, audiences: ['leadership', 'dept'] })).toEqual(at('2025-10-09 08:30'));
    expect(earliestDeliverAt(cal, at('2025-10-09 10:00'), { major: false, audiences: ['dept'] })).toBeNull();
  });

  test('no audience named: as an ordinary recipient', () => {
    expect(earliestDeliverAt(cal, at('2025-10-03 03:00'), { major: true, audiences: [] })).toEqual(at('2025-10-09 08:30'));
  });

  test('SMS to a complainant: at once in working hours, else the next working instant', () => {
    expect(smsDeliverAt(cal, at('2025-10-09 10:00'))).toBeNull();
    expect(smsDeliverAt(cal, at('2025-10-09 22:00'))).toEqual(at('2025-10-10 08:30'));
  });
});

import fc from 'fast-check';
import { HOUR_MS, createCalendar, defaultCalendarConfig } from '../../src/domain/calendar';

const cal = createCalendar(defaultCalendarConfig(2020, 2029));

// instants 2020-01-02 … 2028-12-31 (Beijing), leaving room for the results inside the coverage
const FROM = Date.parse('2020-01-02T00:00:00+08:00');
const TO = Date.parse('2028-12-31T00:00:00+08:00');
const instant = fc.integer({ min: FROM, max: TO }).map((t) => new Date(t));
/** instants aligned to round minutes, with a bias to interval boundaries (08:30, 12:00, 13:30, 17:30) */
const boundaryInstant = fc
  .tuple(fc.integer({ min: 0, max: Math.floor((TO - FROM) / 86_400_000) }), fc.constantFrom(0, 510, 720, 810, 1050, 1439))
  .map(([day, minute]) => new Date(FROM + day * 86_400_000 + minute * 60_000));
const anyInstant = fc.oneof(instant, boundaryInstant);
const workingMs = fc.oneof(
  fc.integer({ min: 0, max: 400 * HOUR_MS }),
  fc.constantFrom(0, 1, 3.5 * HOUR_MS, 4 * HOUR_MS, 7.5 * HOUR_MS, 15 * HOUR_MS),
);
const days = fc.integer({ min: 0, max: 60 });

const runs = { numRuns: 500 };

describe('WorkCalendar properties (2020–2029, default config)', () => {
  it('deadlines never fall in non-working time', () => {
    fc.assert(
      fc.property(anyInstant, workingMs, days, (a, w, n) => {
        expect(cal.isWorkingTime(cal.addWorkingTime(a, w))).toBe(true);
        expect(cal.isWorkingTime(cal.addWorkingDays(a, n))).toBe(true);
        expect(cal.isWorkingTime(cal.endOfWorkingDay(a))).toBe(true);
        expect(cal.isWorkingTime(cal.nextWorkingInstant(a))).toBe(true);
      }),
      runs,
    );
  });

  it('round trip: workingTimeBetween(a, addWorkingTime(a, ms)) === ms', () => {
    fc.assert(
      fc.property(anyInstant, workingMs, (a, w) => {
        expect(cal.workingTimeBetween(a, cal.addWorkingTime(a, w))).toBe(w);
      }),
      runs,
    );
  });

  it('addWorkingTime returns the earliest such instant (1 ms earlier has less working time)', () => {
    fc.assert(
      fc.property(anyInstant, fc.integer({ min: 1, max: 400 * HOUR_MS }), (a, w) => {
        const r = cal.addWorkingTime(a, w);
        expect(cal.workingTimeBetween(a, new Date(r.getTime() - 1))).toBeLessThan(w);
      }),
      runs,
    );
  });

  it('addWorkingTime is monotonic in the start and in the amount', () => {
    fc.assert(
      fc.property(anyInstant, anyInstant, workingMs, workingMs, (a, b, w1, w2) => {
        const [x, y] = a <= b ? [a, b] : [b, a];
        expect(cal.addWorkingTime(x, w1).getTime()).toBeLessThanOrEqual(cal.addWorkingTime(y, w1).getTime());
        const [u, v] = w1 <= w2 ? [w1, w2] : [w2, w1];
        expect(cal.addWorkingTime(a, u).getTime()).toBeLessThanOrEqual(cal.addWorkingTime(a, v).getTime());
      }),
      runs,
    );
  });

  it('addWorkingDays lands on the n-th next working day, after the start, keeping the in-day position', () => {
    fc.assert(
      fc.property(anyInstant, fc.integer({ min: 1, max: 60 }), (a, n) => {
        const s = cal.nextWorkingInstant(a);
        const r = cal.addWorkingDays(a, n);
        expect(cal.isWorkingTime(r)).toBe(true);
        expect(r.getTime()).toBeGreaterThan(s.getTime());
        // one working day = between one and n full days of working time (7.5 h each)
        const w = cal.workingTimeBetween(s, r);
        expect(w).toBeGreaterThan((n - 1) * 7.5 * HOUR_MS);
        expect(w).toBeLessThanOrEqual(n * 7.5 * HOUR_MS);
        // addWorkingDays(n) = addWorkingDays(1) applied n times when the start is mid-interval
        if (n <= 5) {
          let step = s;
          for (let i = 0; i < n; i++) step = cal.addWorkingDays(step, 1);
          expect(cal.workingTimeBetween(step, r)).toBe(0);
        }
      }),
      runs,
    );
  });

  it('workingTimeBetween is additive over a split point (any order) and non-negative forwards', () => {
    fc.assert(
      fc.property(anyInstant, anyInstant, anyInstant, (a, b, c) => {
        expect(cal.workingTimeBetween(a, b) + cal.workingTimeBetween(b, c)).toBe(cal.workingTimeBetween(a, c));
        expect(cal.workingTimeBetween(a, b) + cal.workingTimeBetween(b, a)).toBe(0);
        if (a <= b) expect(cal.workingTimeBetween(a, b)).toBeGreaterThanOrEqual(0);
        expect(Math.abs(cal.workingTimeBetween(a, b))).toBeLessThanOrEqual(Math.abs(b.getTime() - a.getTime()));
      }),
      runs,
    );
  });

  it('pauses: excluded time + paused time = total time, and extending by the paused time keeps the budget', () => {
    fc.assert(
      fc.property(anyInstant, fc.integer({ min: 0, max: 30 * 86_400_000 }), fc.array(fc.tuple(fc.integer({ min: -5 * 86_400_000, max: 40 * 86_400_000 }), fc.integer({ min: 0, max: 5 * 86_400_000 })), { maxLength: 4 }), (a, span, raw) => {
        const b = new Date(a.getTime() + span);
        const pauses = raw.map(([off, len]) => ({ start: new Date(a.getTime() + off), end: new Date(a.getTime() + off + len) }));
        const clipped = pauses
          .map((p) => ({ start: new Date(Math.max(p.start.getTime(), a.getTime())), end: new Date(Math.min(p.end.getTime(), b.getTime())) }))
          .filter((p) => p.end > p.start);
        const paused = cal.pausedWorkingTime(clipped, b);
        expect(cal.workingTimeExcludingPauses(a, b, pauses) + paused).toBe(cal.workingTimeBetween(a, b));
        expect(cal.workingTimeBetween(b, cal.extendDue(b, paused))).toBe(paused);
      }),
      { numRuns: 300 },
    );
  });
});

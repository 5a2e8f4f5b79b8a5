/**
 * Working-time arithmetic over an organisation's calendar.
 *
 * Built once from a {@link CalendarConfig}: every day of the covered years is expanded into its
 * working intervals as UTC milliseconds, with prefix sums of working time, so every query is
 * O(1) (per-day lookup) or O(log n) (binary search over intervals); nothing walks day by day.
 * Ten years ≈ 5 000 intervals, built in a few milliseconds.
 *
 * Conventions (all methods):
 * - Instants are JS `Date`s; local dates and times are taken in `config.utcOffsetMinutes`,
 *   never in the machine's time zone.
 * - Working intervals are CLOSED: [08:30, 12:00] — the closing instant 12:00 is still a working
 *   instant (it is where a deadline falls when the working time runs out exactly at the close).
 *   Between intervals (lunch, nights, weekends, holidays) time is non-working.
 * - "Earliest instant" rule: when an amount of working time runs out exactly at a boundary
 *   (12:00 = 13:30 in working-time terms) the earlier instant (12:00) is returned.
 * - Range: instants whose local date is outside `coverage` (fromYear-01-01 … toYear-12-31) throw a
 *   `RangeError`, and so does a computation whose result would fall beyond it. There is no silent
 *   lazy extension: past the years with a published holiday schedule the answer would be wrong.
 */
import {
  CalendarConfig,
  coveredYears,
  type CalendarConfigInput,
  type WeekdayKey,
  type YearRange,
} from './config';
import { DAY_MS, MINUTE_MS, formatDayNumber, parseHhMm, parseIsoDate, weekdayOfDay, yearStartDay } from './dates';

/** A period during which the clock is stopped (e.g. a ticket waiting on the client). `end` null/undefined = still open. */
export interface Pause {
  start: Date;
  end?: Date | null;
}

function ms(d: Date, what: string): number {
  const t = d instanceof Date ? d.getTime() : NaN;
  if (Number.isNaN(t)) throw new TypeError(`${what} must be a valid Date`);
  return t;
}

export class WorkCalendar {
  readonly config: CalendarConfig;
  readonly coverage: YearRange;
  private readonly offsetMs: number;
  private readonly firstDay: number;
  private readonly dayCount: number;
  /** intervals of day k are [dayIv[k], dayIv[k+1]) — length dayCount + 1 */
  private readonly dayIv: Int32Array;
  private readonly ivStart: Float64Array;
  private readonly ivEnd: Float64Array;
  /** day index of each interval */
  private readonly ivDay: Int32Array;
  /** working ms before interval i (length = intervals + 1; last = total) */
  private readonly cum: Float64Array;
  /** number of working days before day k — length dayCount + 1 */
  private readonly workOrdinal: Int32Array;
  /** day index of the j-th working day */
  private readonly workDays: Int32Array;
  /** smallest working day index ≥ k, or dayCount — length dayCount + 1 */
  private readonly nextWorkDay: Int32Array;
  private readonly provisional: ReadonlySet<number>;

  constructor(input: CalendarConfigInput | CalendarConfig) {
    const cfg = CalendarConfig.parse(input);
    this.config = cfg;
    this.coverage = coveredYears(cfg);
    this.provisional = new Set(cfg.provisionalYears);
    this.offsetMs = cfg.utcOffsetMinutes * MINUTE_MS;
    this.firstDay = yearStartDay(this.coverage.fromYear);
    this.dayCount = yearStartDay(this.coverage.toYear + 1) - this.firstDay;

    const holidays = new Set(cfg.holidays.map((d) => parseIsoDate(d) as number));
    const makeups = new Set(cfg.makeupWorkdays.map((d) => parseIsoDate(d) as number));
    const weekly = (key: number): Array<[number, number]> =>
      cfg.weeklyHours[String(key) as WeekdayKey].map((iv) => [parseHhMm(iv.start) as number, parseHhMm(iv.end) as number]);
    const hoursByWeekday = [0, 1, 2, 3, 4, 5, 6].map(weekly);
    const makeupHours = hoursByWeekday[cfg.makeupHoursFrom];

    const starts: number[] = [];
    const ends: number[] = [];
    const days: number[] = [];
    this.dayIv = new Int32Array(this.dayCount + 1);
    for (let k = 0; k < this.dayCount; k++) {
      this.dayIv[k] = starts.length;
      const dayNumber = this.firstDay + k;
      const hours = holidays.has(dayNumber)
        ? []
        : makeups.has(dayNumber)
          ? makeupHours
          : hoursByWeekday[weekdayOfDay(dayNumber)];
      const midnight = dayNumber * DAY_MS - this.offsetMs;
      for (const [s, e] of hours) {
        starts.push(midnight + s * MINUTE_MS);
        ends.push(midnight + e * MINUTE_MS);
        days.push(k);
      }
    }
    this.dayIv[this.dayCount] = starts.length;
    this.ivStart = Float64Array.from(starts);
    this.ivEnd = Float64Array.from(ends);
    this.ivDay = Int32Array.from(days);
    this.cum = new Float64Array(starts.length + 1);
    for (let i = 0; i < starts.length; i++) this.cum[i + 1] = this.cum[i] + (ends[i] - starts[i]);

    this.workOrdinal = new Int32Array(this.dayCount + 1);
    const workDays: number[] = [];
    for (let k = 0; k < this.dayCount; k++) {
      this.workOrdinal[k] = workDays.length;
      if (this.dayIv[k + 1] > this.dayIv[k]) workDays.push(k);
    }
    this.workOrdinal[this.dayCount] = workDays.length;
    this.workDays = Int32Array.from(workDays);
    this.nextWorkDay = new Int32Array(this.dayCount + 1);
    this.nextWorkDay[this.dayCount] = this.dayCount;
    for (let k = this.dayCount - 1; k >= 0; k--) {
      this.nextWorkDay[k] = this.dayIv[k + 1] > this.dayIv[k] ? k : this.nextWorkDay[k + 1];
    }
  }

  // ── queries ──────────────────────────────────────────────────────────────────────────────

  /** Whether the local date of `date` has working hours (weekday hours or make-up day, and not a holiday). */
  isWorkingDay(date: Date): boolean {
    const k = this.dayIndex(ms(date, 'date'));
    return this.dayIv[k + 1] > this.dayIv[k];
  }

  /** Whether `instant` lies in a working interval, both ends included. */
  isWorkingTime(instant: Date): boolean {
    const t = ms(instant, 'instant');
    const k = this.dayIndex(t);
    if (k > 0 && this.dayIv[k] > this.dayIv[k - 1] && this.ivEnd[this.dayIv[k] - 1] >= t) return true;
    for (let i = this.dayIv[k]; i < this.dayIv[k + 1]; i++) {
      if (t < this.ivStart[i]) return false;
      if (t <= this.ivEnd[i]) return true;
    }
    return false;
  }

  /** `instant` itself if it is working time, else the start of the next working interval. */
  nextWorkingInstant(instant: Date): Date {
    return new Date(this.nextWorking(ms(instant, 'instant'))[0]);
  }

  /** Working ms of the local day containing `date` (0 on non-working days). */
  workingMsOnDay(date: Date): number {
    const k = this.dayIndex(ms(date, 'date'));
    return this.cum[this.dayIv[k + 1]] - this.cum[this.dayIv[k]];
  }

  /** Local date 'YYYY-MM-DD' of `instant` in the calendar's offset. */
  localDate(instant: Date): string {
    return formatDayNumber(Math.floor((ms(instant, 'instant') + this.offsetMs) / DAY_MS));
  }

  /**
   * Working ms from `a` to `b`: positive if b > a, 0 if equal, and NEGATIVE (−workingTimeBetween(b, a))
   * if b < a — a signed measure, so that between(a,b) + between(b,c) = between(a,c) for any order.
   */
  workingTimeBetween(a: Date, b: Date): number {
    return this.cumAt(ms(b, 'b')) - this.cumAt(ms(a, 'a'));
  }

  /**
   * Working ms covered by the union of `pauses` (overlaps counted once). An open pause
   * (no `end`) runs until `now`; pauses are clipped to `now`.
   */
  pausedWorkingTime(pauses: readonly Pause[], now: Date): number {
    const limit = ms(now, 'now');
    let total = 0;
    for (const [s, e] of mergePauses(pauses, limit)) total += this.cumAt(e) - this.cumAt(s);
    return total;
  }

  /**
   * Working ms from `a` to `b` excluding the time covered by `pauses` (open pauses run to `b`).
   * Signed like {@link workingTimeBetween}.
   */
  workingTimeExcludingPauses(a: Date, b: Date, pauses: readonly Pause[]): number {
    const ta = ms(a, 'a');
    const tb = ms(b, 'b');
    if (tb < ta) return 0 - this.workingTimeExcludingPauses(b, a, pauses);
    let total = this.cumAt(tb) - this.cumAt(ta);
    for (const [s, e] of mergePauses(pauses, tb)) {
      const cs = Math.max(s, ta);
      if (e > cs) total -= this.cumAt(e) - this.cumAt(cs);
    }
    return total;
  }

  /** Whether the local date of `instant` lies in a year whose holidays are provisional (not yet published). */
  isProvisional(instant: Date): boolean {
    return this.provisional.has(Number(this.localDate(instant).slice(0, 4)));
  }

  /**
   * Whether any day from `a` to `b` (either order) lies in a provisional year: a deadline counted
   * over that span rests on holidays nobody has published yet. Never throws for uncovered instants.
   */
  spansProvisional(a: Date, b: Date): boolean {
    if (this.provisional.size === 0) return false;
    const year = (d: Date): number => Number(formatDayNumber(Math.floor((ms(d, 'instant') + this.offsetMs) / DAY_MS)).slice(0, 4));
    const [y1, y2] = [year(a), year(b)].sort((x, y) => x - y) as [number, number];
    for (const y of this.provisional) if (y >= y1 && y <= y2) return true;
    return false;
  }

  /** Whether the local date of `instant` lies inside the calendar's coverage (no RangeError). */
  covers(instant: Date): boolean {
    const k = Math.floor((ms(instant, 'instant') + this.offsetMs) / DAY_MS) - this.firstDay;
    return k >= 0 && k < this.dayCount;
  }

  // ── deadlines ────────────────────────────────────────────────────────────────────────────

  /**
   * The earliest instant at which `workingMs` (≥ 0) of working time has elapsed since `from`.
   * `addWorkingTime(from, 0)` = `nextWorkingInstant(from)`. The result is always a working
   * instant (possibly the closing instant of an interval, e.g. 12:00 or 17:30).
   */
  addWorkingTime(from: Date, workingMs: number): Date {
    if (!Number.isFinite(workingMs) || workingMs < 0) {
      throw new RangeError(`workingMs must be a finite number ≥ 0, got ${workingMs}`);
    }
    const [s] = this.nextWorking(ms(from, 'from'));
    if (workingMs === 0) return new Date(s);
    return new Date(this.instantAtCum(this.cumAt(s) + workingMs));
  }

  /**
   * `n` working days after `from` (n ≥ 0 integer). Semantic:
   * 1. start at `s` = nextWorkingInstant(from) (filed outside hours → counts from the next opening);
   * 2. `e` = working time elapsed on s's working day up to s;
   * 3. the result is the earliest instant on the n-th next working day at which the same `e` has
   *    elapsed (capped at that day's length).
   * Examples (08:30–12:00, 13:30–17:30): Wed 16:30 → Thu 16:30; the last working day before a
   * holiday 16:30 → 16:30 on the first working day after it; Wed 12:30 (lunch) → Thu 12:00;
   * after hours Wed 18:00 or before opening Thu 07:00 → Thu 17:30 (a full working day);
   * Saturday → Monday 17:30. n = 0 returns s.
   */
  addWorkingDays(from: Date, n: number): Date {
    if (!Number.isInteger(n) || n < 0) throw new RangeError(`n must be an integer ≥ 0, got ${n}`);
    const [s, iv] = this.nextWorking(ms(from, 'from'));
    if (n === 0) return new Date(s);
    const k = this.ivDay[iv];
    const ordinal = this.workOrdinal[k] + n;
    if (ordinal >= this.workDays.length) throw this.beyond(s);
    const k2 = this.workDays[ordinal];
    const elapsed = this.cumAt(s) - this.cum[this.dayIv[k]];
    const dayStart = this.cum[this.dayIv[k2]];
    const dayLength = this.cum[this.dayIv[k2 + 1]] - dayStart;
    return new Date(this.instantAtCum(dayStart + Math.min(elapsed, dayLength)));
  }

  /**
   * The close (end of the last working interval) of the working day containing `instant`;
   * if `instant` is on a non-working day or after that day's close, the close of the next
   * working day. The close itself counts as still within the day.
   */
  endOfWorkingDay(instant: Date): Date {
    const [, iv] = this.nextWorking(ms(instant, 'instant'));
    const k = this.ivDay[iv];
    return new Date(this.ivEnd[this.dayIv[k + 1] - 1]);
  }

  /**
   * A deadline pushed back by `pausedWorkingMs` of working time (the time the ticket spent
   * waiting on the client). 0 leaves `due` unchanged; otherwise the result is
   * `addWorkingTime(due, pausedWorkingMs)`.
   */
  extendDue(due: Date, pausedWorkingMs: number): Date {
    if (pausedWorkingMs === 0) return new Date(ms(due, 'due'));
    return this.addWorkingTime(due, pausedWorkingMs);
  }

  // ── internals ────────────────────────────────────────────────────────────────────────────

  private dayIndex(t: number): number {
    const k = Math.floor((t + this.offsetMs) / DAY_MS) - this.firstDay;
    if (k < 0 || k >= this.dayCount) {
      throw new RangeError(
        `${new Date(t).toISOString()} is outside the working calendar (${this.coverage.fromYear}–${this.coverage.toYear}); extend the calendar's coverage and holiday lists`,
      );
    }
    return k;
  }

  private beyond(t: number): RangeError {
    return new RangeError(
      `working-time computation from ${new Date(t).toISOString()} runs past the end of the working calendar (${this.coverage.toYear}-12-31); extend its coverage`,
    );
  }

  /** Working ms from the start of coverage up to `t`. */
  private cumAt(t: number): number {
    const k = this.dayIndex(t);
    let c = this.cum[this.dayIv[k]];
    for (let i = this.dayIv[k]; i < this.dayIv[k + 1]; i++) {
      if (t <= this.ivStart[i]) break;
      c += Math.min(t, this.ivEnd[i]) - this.ivStart[i];
    }
    return c;
  }

  /** [instant, interval index]: `t` if it is working time, else the next interval start. */
  private nextWorking(t: number): [number, number] {
    const k = this.dayIndex(t);
    // an interval of the previous day ending at 24:00 includes this midnight
    if (k > 0 && this.dayIv[k] > this.dayIv[k - 1] && this.ivEnd[this.dayIv[k] - 1] >= t) {
      return [t, this.dayIv[k] - 1];
    }
    for (let i = this.dayIv[k]; i < this.dayIv[k + 1]; i++) {
      if (t <= this.ivEnd[i]) return [Math.max(t, this.ivStart[i]), i];
    }
    const k2 = this.nextWorkDay[k + 1];
    if (k2 >= this.dayCount) throw this.beyond(t);
    const i = this.dayIv[k2];
    return [this.ivStart[i], i];
  }

  /** Earliest instant whose cumulative working time is `c` (binary search over interval ends). */
  private instantAtCum(c: number): number {
    const n = this.ivStart.length;
    if (n === 0 || c > this.cum[n]) throw this.beyond(n === 0 ? this.firstDay * DAY_MS : this.ivEnd[n - 1]);
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.cum[mid + 1] >= c) hi = mid;
      else lo = mid + 1;
    }
    return this.ivStart[lo] + (c - this.cum[lo]);
  }
}

/** Sorted, merged [start, end] ms pairs, clipped at `limit`. */
function mergePauses(pauses: readonly Pause[], limit: number): Array<[number, number]> {
  const spans = pauses
    .map((p): [number, number] => {
      const s = ms(p.start, 'pause.start');
      const e = p.end == null ? limit : Math.min(ms(p.end, 'pause.end'), limit);
      return [s, e];
    })
    .filter(([s, e]) => e > s)
    .sort((x, y) => x[0] - y[0]);
  const merged: Array<[number, number]> = [];
  for (const span of spans) {
    const last = merged[merged.length - 1];
    if (last && span[0] <= last[1]) last[1] = Math.max(last[1], span[1]);
    else merged.push([span[0], span[1]]);
  }
  return merged;
}

/** Build a {@link WorkCalendar} (validates the config; throws a ZodError on invalid input). */
export function createCalendar(config: CalendarConfigInput | CalendarConfig): WorkCalendar {
  return new WorkCalendar(config);
}

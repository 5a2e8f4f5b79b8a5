/**
 * The calendar an organisation works to, year by year: for each year the holidays and 调休
 * make-up days come from (1) what an admin saved for that year (pasted from the State Council's
 * notice), else (2) the published schedule shipped in `chinese-days`, else (3) the statutory
 * holidays of 《全国年节及纪念日放假办法》 computed by {@link statutoryHolidays}, marked
 * *provisional*. A year is never "weekends only".
 */
import { z } from 'zod';
import { CalendarConfig, IsoDate, WeeklyHours, defaultWeeklyHours } from './config';
import { formatDayNumber, parseIsoDate, weekdayOfDay, yearStartDay } from './dates';
import { hasChineseHolidayData, seedChineseHolidays } from './holidays';
import { statutoryHolidays } from './statutory';

/** One year as an admin saved it (the whole year's lists replace what the package or the statute says). */
export const SavedCalendarYear = z.object({
  holidays: z.array(IsoDate).max(80),
  makeupDays: z.array(IsoDate).max(40),
  reason: z.string().min(1).max(500),
  /**
   * Still provisional: the admin changed the year (a company day off, hours) before the State
   * Council's notice was entered. Deadlines over it stay flagged; the November reminder goes on.
   */
  provisional: z.boolean().default(false),
  savedBy: z.string().min(1).max(128),
  savedAt: z.date(),
});
export type SavedCalendarYear = z.infer<typeof SavedCalendarYear>;

/** `config/calendar`: business hours and the years admins have saved. */
export const StoredCalendar = z.object({
  utcOffsetMinutes: z.number().int().min(-720).max(840).default(480),
  weeklyHours: WeeklyHours.default(defaultWeeklyHours),
  makeupHoursFrom: z.number().int().min(0).max(6).default(1),
  years: z.record(z.string().regex(/^\d{4}$/), SavedCalendarYear).default({}),
});
export type StoredCalendar = z.infer<typeof StoredCalendar>;
export type StoredCalendarInput = z.input<typeof StoredCalendar>;

export type YearSource = 'saved' | 'official' | 'statutory';

export interface YearDays {
  source: YearSource;
  /** true when the holidays are the statutory ones computed by us (no published schedule yet). */
  provisional: boolean;
  holidays: string[];
  makeupDays: string[];
  /** Chinese festival names by date, where known. */
  names: Record<string, string>;
}

/** The holidays and make-up days of one year, and where they come from. */
export function yearDays(stored: StoredCalendar, year: number): YearDays {
  const saved = stored.years[String(year)];
  if (saved) {
    return { source: 'saved', provisional: saved.provisional, holidays: [...saved.holidays].sort(), makeupDays: [...saved.makeupDays].sort(), names: {} };
  }
  if (hasChineseHolidayData(year)) {
    const seed = seedChineseHolidays(year, year);
    return { source: 'official', provisional: false, holidays: seed.holidays, makeupDays: seed.makeupWorkdays, names: seed.names };
  }
  const statutory = statutoryHolidays(year);
  return {
    source: 'statutory', provisional: true, holidays: statutory.map((h) => h.date), makeupDays: [],
    names: Object.fromEntries(statutory.map((h) => [h.date, h.name])),
  };
}

/** The working-calendar config for fromYear … toYear built from what is stored (see the module comment). */
export function buildCalendarConfig(stored: StoredCalendar, fromYear: number, toYear: number): CalendarConfig {
  const holidays: string[] = [];
  const makeupWorkdays: string[] = [];
  const provisionalYears: number[] = [];
  for (let y = fromYear; y <= toYear; y++) {
    const days = yearDays(stored, y);
    holidays.push(...days.holidays);
    // A make-up day only makes sense on a day without weekly hours (the config refuses others).
    makeupWorkdays.push(...days.makeupDays.filter((d) => stored.weeklyHours[String(weekdayOfDay(parseIsoDate(d) as number)) as '0'].length === 0));
    if (days.provisional) provisionalYears.push(y);
  }
  return CalendarConfig.parse({
    utcOffsetMinutes: stored.utcOffsetMinutes,
    weeklyHours: stored.weeklyHours,
    makeupHoursFrom: stored.makeupHoursFrom,
    holidays,
    makeupWorkdays,
    coverage: { fromYear, toYear },
    provisionalYears,
  });
}

/**
 * Years a deployment's calendar covers around `now`: three back (open tickets, their pauses)
 * and three ahead (every deadline, a promised date at most a year out). Building costs grow with
 * the years (statutory years compute lunar dates), and every function instance builds it once.
 */
export function coverageAround(now: Date): { fromYear: number; toYear: number } {
  const year = new Date(now.getTime() + 8 * 3_600_000).getUTCFullYear();
  return { fromYear: year - 3, toYear: year + 3 };
}

export interface CalendarDay {
  date: string;
  /** 0 = Sunday … 6 = Saturday */
  weekday: number;
  holiday: boolean;
  makeupDay: boolean;
  working: boolean;
  name: string | null;
}

export interface CalendarYearView {
  year: number;
  source: YearSource;
  provisional: boolean;
  days: CalendarDay[];
  weeklyHours: WeeklyHours;
  utcOffsetMinutes: number;
  makeupHoursFrom: number;
  saved: { reason: string; savedBy: string; savedAt: Date } | null;
}

/** Every day of `year` as the calendar screen shows it. */
export function calendarYearView(stored: StoredCalendar, year: number): CalendarYearView {
  const days = yearDays(stored, year);
  const holidays = new Set(days.holidays);
  const makeups = new Set(days.makeupDays);
  const out: CalendarDay[] = [];
  for (let d = yearStartDay(year); d < yearStartDay(year + 1); d++) {
    const date = formatDayNumber(d);
    const weekday = weekdayOfDay(d);
    const hasHours = stored.weeklyHours[String(weekday) as '0'].length > 0;
    const holiday = holidays.has(date);
    const makeupDay = makeups.has(date);
    out.push({ date, weekday, holiday, makeupDay, working: !holiday && (hasHours || makeupDay), name: days.names[date] ?? null });
  }
  const saved = stored.years[String(year)];
  return {
    year, source: days.source, provisional: days.provisional, days: out, weeklyHours: stored.weeklyHours,
    utcOffsetMinutes: stored.utcOffsetMinutes, makeupHoursFrom: stored.makeupHoursFrom,
    saved: saved ? { reason: saved.reason, savedBy: saved.savedBy, savedAt: saved.savedAt } : null,
  };
}

/**
 * Dates pasted from an official notice: any mix of 'YYYY-MM-DD', 'YYYY/M/D', 'YYYY.M.D',
 * 'YYYY年M月D日' and 'M月D日' (then `year` is assumed), separated by commas, spaces, 、，；or
 * new lines; ranges 'A–B', 'A-B', 'A至B', 'A~B' expand to every day in between.
 * Returns sorted unique ISO dates, or the pieces that are not dates.
 */
export function parseDateList(text: string, year: number): { dates: string[]; invalid: string[] } {
  const pieces = text.split(/[\s,，、;；]+/).map((p) => p.trim()).filter(Boolean);
  const dates = new Set<string>();
  const invalid: string[] = [];
  const one = (raw: string): number | null => {
    const s = raw.replace(/日$/, '');
    let m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})$/.exec(s);
    if (m) return parseIsoDate(`${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`);
    m = /^(\d{1,2})[月/.-](\d{1,2})$/.exec(s);
    if (m) return parseIsoDate(`${year}-${m[1]!.padStart(2, '0')}-${m[2]!.padStart(2, '0')}`);
    return null;
  };
  for (const piece of pieces) {
    const range = /^(.+?)(?:至|~|～|–|—|--)(.+)$/.exec(piece) ?? /^(\d{4}-\d{1,2}-\d{1,2})-(\d{4}-\d{1,2}-\d{1,2})$/.exec(piece);
    if (range) {
      const a = one(range[1]!);
      let b = one(range[2]!);
      // '10月1日至7日': the end names only the day
      if (b === null && a !== null && /^\d{1,2}日?$/.test(range[2]!)) {
        const month = formatDayNumber(a).slice(0, 7);
        b = parseIsoDate(`${month}-${range[2]!.replace(/日$/, '').padStart(2, '0')}`);
      }
      if (a === null || b === null || b < a || b - a > 31) { invalid.push(piece); continue; }
      for (let d = a; d <= b; d++) dates.add(formatDayNumber(d));
      continue;
    }
    const d = one(piece);
    if (d === null) invalid.push(piece);
    else dates.add(formatDayNumber(d));
  }
  return { dates: [...dates].sort(), invalid };
}

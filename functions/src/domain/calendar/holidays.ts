/**
 * Chinese public holidays and make-up working days (调休), seeded from the data of the
 * `chinese-days` package (compiled from the State Council's yearly
 * 国务院办公厅关于部分节假日安排的通知; 2004 onwards).
 *
 * We read the package's static `dist/chinese-days.json` rather than its functions: the package
 * builds its day tables at import time by parsing 'YYYY-MM-DD' as UTC midnight and formatting with
 * the machine's local getters, so in a process started with a negative UTC offset
 * (e.g. TZ=America/New_York) `isWorkday`, `getDayDetail`, `getHolidaysInRange`… are all shifted by
 * one day. The JSON is generated at the package's build time and does not depend on the time zone.
 */
import chineseDays from 'chinese-days/dist/chinese-days.json';
import { CalendarConfig, type CalendarConfigInput } from './config';
import { StoredCalendar, buildCalendarConfig } from './years';
import { parseIsoDate, weekdayOfDay } from './dates';

interface ChineseDaysData {
  /** date → "English name,中文名,days" — official days off, weekend days inside a span included */
  holidays: Record<string, string>;
  /** date → same format — official make-up working days (调休上班) */
  workdays: Record<string, string>;
}
const DATA: ChineseDaysData = chineseDays;

export interface ChineseHolidaySeed {
  /** Official days off (including weekend days inside a holiday span), 'YYYY-MM-DD', sorted. */
  holidays: string[];
  /** Official make-up working days (Saturdays/Sundays), 'YYYY-MM-DD', sorted. */
  makeupWorkdays: string[];
  /** Chinese name of the festival for every date above, e.g. '国庆节'. */
  names: Record<string, string>;
  /** Years in the range for which `chinese-days` has no schedule (weekends-only there!). */
  yearsWithoutData: number[];
}

const yearOf = (date: string): number => Number(date.slice(0, 4));
const zhName = (label: string): string => label.split(',')[1] ?? label;

/** Whether `chinese-days` knows the official holiday schedule of `year`. */
export function hasChineseHolidayData(year: number): boolean {
  return Object.keys(DATA.holidays).some((d) => yearOf(d) === year);
}

/** Official holidays and make-up days for fromYear … toYear (inclusive) from `chinese-days`. */
export function seedChineseHolidays(fromYear: number, toYear: number): ChineseHolidaySeed {
  if (!Number.isInteger(fromYear) || !Number.isInteger(toYear) || fromYear > toYear) {
    throw new RangeError(`invalid year range ${fromYear}–${toYear}`);
  }
  const inRange = (d: string): boolean => parseIsoDate(d) !== null && yearOf(d) >= fromYear && yearOf(d) <= toYear;
  const names: Record<string, string> = {};
  const holidays = Object.keys(DATA.holidays).filter(inRange).sort();
  // a make-up day is a worked Saturday/Sunday; the data lists no others, but be strict
  const makeupWorkdays = Object.keys(DATA.workdays)
    .filter((d) => inRange(d) && [0, 6].includes(weekdayOfDay(parseIsoDate(d) as number)))
    .sort();
  for (const d of holidays) names[d] = zhName(DATA.holidays[d]);
  for (const d of makeupWorkdays) names[d] = zhName(DATA.workdays[d]);
  const yearsWithData = new Set(holidays.map(yearOf));
  const yearsWithoutData: number[] = [];
  for (let y = fromYear; y <= toYear; y++) if (!yearsWithData.has(y)) yearsWithoutData.push(y);
  return { holidays, makeupWorkdays, names, yearsWithoutData };
}

/**
 * A calendar config for fromYear … toYear: default office hours (Mon–Fri 08:30–12:00, 13:30–17:30),
 * UTC+8, holidays and make-up days from `chinese-days`; years it does not know yet get the
 * statutory holidays (statutory.ts) and are listed in `provisionalYears` (years.ts).
 * `overrides` replace fields (e.g. other hours).
 */
export function defaultCalendarConfig(
  fromYear: number,
  toYear: number,
  overrides: Partial<CalendarConfigInput> = {},
): CalendarConfig {
  if (!Number.isInteger(fromYear) || !Number.isInteger(toYear) || fromYear > toYear) {
    throw new RangeError(`invalid year range ${fromYear}–${toYear}`);
  }
  const base = buildCalendarConfig(StoredCalendar.parse({}), fromYear, toYear);
  return CalendarConfig.parse({ ...base, ...overrides });
}

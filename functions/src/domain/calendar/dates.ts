/**
 * Calendar arithmetic on plain numbers, independent of the machine's time zone.
 *
 * A "day number" is the count of days since 1970-01-01 in the calendar's own local time
 * (a proleptic Gregorian date, no time zone attached). Converting to instants always goes
 * through an explicit UTC offset; nothing here calls `Date#getHours` & co.
 */

export const MINUTE_MS = 60_000;
export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const HH_MM = /^(\d{2}):(\d{2})$/;

/** Day number of a 'YYYY-MM-DD' date, or `null` if the string is not a real calendar date. */
export function parseIsoDate(text: string): number | null {
  const m = ISO_DATE.exec(text);
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1) return null;
  const ms = Date.UTC(year, month - 1, day);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== year || back.getUTCMonth() !== month - 1 || back.getUTCDate() !== day) return null;
  return ms / DAY_MS;
}

/** 'YYYY-MM-DD' for a day number. */
export function formatDayNumber(dayNumber: number): string {
  return new Date(dayNumber * DAY_MS).toISOString().slice(0, 10);
}

/** Day number of 1 January of `year`. */
export function yearStartDay(year: number): number {
  return Date.UTC(year, 0, 1) / DAY_MS;
}

/** Calendar year of a day number. */
export function yearOfDay(dayNumber: number): number {
  return new Date(dayNumber * DAY_MS).getUTCFullYear();
}

/** 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
export function weekdayOfDay(dayNumber: number): number {
  return (((dayNumber + 4) % 7) + 7) % 7;
}

/** Minutes since midnight for 'HH:mm' (00:00 … 24:00), or `null` if malformed. */
export function parseHhMm(text: string): number | null {
  const m = HH_MM.exec(text);
  if (!m) return null;
  const h = Number(m[1]);
  const min = Number(m[2]);
  if (min > 59 || h > 24 || (h === 24 && min !== 0)) return null;
  return h * 60 + min;
}

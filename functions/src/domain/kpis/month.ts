/**
 * Months of the organisation (Asia/Shanghai, UTC+8, no daylight saving): `YYYY-MM` keys, their
 * first instant, and whether a month is over. Pure.
 */
const OFFSET_MS = 8 * 3600_000;

export type MonthKey = string;
export const MONTH_RE = /^\d{4}-(0[1-9]|1[0-2])$/;

/** The organisation's month of an instant, e.g. `2026-11`. */
export function monthOf(at: Date): MonthKey {
  return new Date(at.getTime() + OFFSET_MS).toISOString().slice(0, 7);
}

/** The first instant of a month (00:00 Beijing time on the 1st). */
export function monthStart(month: MonthKey): Date {
  return new Date(`${month}-01T00:00:00+08:00`);
}

export function addMonths(month: MonthKey, n: number): MonthKey {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const i = y * 12 + (m - 1) + n;
  return `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
}

/** A month is closed once its last instant has passed. */
export function isMonthClosed(month: MonthKey, now: Date): boolean {
  return now.getTime() >= monthStart(addMonths(month, 1)).getTime();
}

/** The day of the month in Beijing time (1–31). */
export function dayOfMonth(at: Date): number {
  return new Date(at.getTime() + OFFSET_MS).getUTCDate();
}

/** The `n` months ending with `last`, oldest first. */
export function monthsEnding(last: MonthKey, n: number): MonthKey[] {
  return Array.from({ length: n }, (_, i) => addMonths(last, i - n + 1));
}

/** The quarter's months, e.g. `2026-Q4` → 2026-10, 2026-11, 2026-12. */
export function quarterMonths(quarter: string): MonthKey[] {
  const [y, q] = quarter.split('-Q').map(Number) as [number, number];
  return [0, 1, 2].map((i) => `${y}-${String((q - 1) * 3 + i + 1).padStart(2, '0')}`);
}

/**
 * Statutory public holidays of 《全国年节及纪念日放假办法》 (as amended by the State Council in
 * 2024, in force 2025-01-01) for years the State Council has not published a schedule for yet.
 *
 * Article 2 — holidays for all citizens:
 *   元旦 New Year 1 day (1 Jan); 春节 Spring Festival 4 days (eve 除夕 and lunar 1–3 Jan);
 *   清明节 Qingming 1 day (the day of the solar term); 劳动节 Labour Day 2 days (1–2 May);
 *   端午节 Dragon Boat 1 day (lunar 5 May); 中秋节 Mid-Autumn 1 day (lunar 15 Aug);
 *   国庆节 National Day 3 days (1–3 Oct).
 * Article 6 — a statutory day that falls on a Saturday or Sunday is made up (补假) on a working
 *   day: here the next Monday–Friday after the festival not already off. (The yearly notices
 *   also move weekends around with 调休 make-up working days; those cannot be predicted, so a
 *   provisional year has none: an admin pastes them in when the notice is published.)
 *
 * Lunar dates come from `lunar-typescript` (pure computation, no time zone involved: it maps
 * calendar dates to calendar dates).
 */
import { Lunar } from 'lunar-typescript';
import { formatDayNumber, parseIsoDate, weekdayOfDay } from './dates';

export interface StatutoryHoliday {
  /** 'YYYY-MM-DD' */
  date: string;
  /** Chinese name of the festival, e.g. '春节'; '(补假)' marks a made-up day. */
  name: string;
}

const pad = (n: number): string => String(n).padStart(2, '0');
const iso = (y: number, m: number, d: number): string => `${y}-${pad(m)}-${pad(d)}`;

/** Gregorian date of lunar `month`/`day` of the lunar year that starts in Gregorian `year`. */
function lunarToIso(year: number, month: number, day: number): string {
  return Lunar.fromYmd(year, month, day).getSolar().toYmd();
}

/** The festivals of `year` as groups of consecutive statutory days. */
function festivals(year: number): Array<{ name: string; days: string[] }> {
  const springDay1 = parseIsoDate(lunarToIso(year, 1, 1)) as number;
  const qingming = Lunar.fromYmd(year, 3, 1).getJieQiTable()['清明'];
  if (!qingming || qingming.getYear() !== year) throw new RangeError(`no Qingming solar term found for ${year}`);
  return [
    { name: '元旦', days: [iso(year, 1, 1)] },
    { name: '春节', days: [-1, 0, 1, 2].map((k) => formatDayNumber(springDay1 + k)) },
    { name: '清明节', days: [qingming.toYmd()] },
    { name: '劳动节', days: [iso(year, 5, 1), iso(year, 5, 2)] },
    { name: '端午节', days: [lunarToIso(year, 5, 5)] },
    { name: '中秋节', days: [lunarToIso(year, 8, 15)] },
    { name: '国庆节', days: [iso(year, 10, 1), iso(year, 10, 2), iso(year, 10, 3)] },
  ];
}

const isWeekend = (day: number): boolean => [0, 6].includes(weekdayOfDay(day));

/**
 * Every statutory day off of `year`, sorted, with the made-up (补假) weekdays of statutory days
 * that fall on a weekend or coincide with another festival (e.g. Mid-Autumn on 3 Oct 2028).
 * Valid for 1900 … 2099 (the range of lunar-typescript's tables we rely on).
 */
export function statutoryHolidays(year: number): StatutoryHoliday[] {
  if (!Number.isInteger(year) || year < 1901 || year > 2099) throw new RangeError(`statutory holidays are computed for 1901–2099, not ${year}`);
  const off = new Map<number, string>();
  // Festivals in date order, so a clash is made up after the later festival.
  const groups = festivals(year)
    .map((g) => ({ name: g.name, days: g.days.map((d) => parseIsoDate(d) as number) }))
    .sort((a, b) => a.days[0]! - b.days[0]!);
  for (const g of groups) {
    let owed = 0;
    for (const day of g.days) {
      if (off.has(day) || isWeekend(day)) owed++;
      if (!off.has(day)) off.set(day, g.name);
    }
    let day = g.days[g.days.length - 1]!;
    while (owed > 0) {
      day++;
      if (isWeekend(day) || off.has(day)) continue;
      off.set(day, `${g.name}(补假)`);
      owed--;
    }
  }
  return [...off.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([day, name]) => ({ date: formatDayNumber(day), name }));
}

/**
 * What the calendar screen draws: the months of a year as weeks (Monday first, as Chinese
 * calendars are printed), each day as a holiday (休), a make-up working day (班), a day without
 * business hours (weekend) or a working day. The lists come from the server; nothing here
 * decides what a deadline is.
 */
import type { WeeklyHours } from '../../../../functions/src/domain/calendar/config';

export type DayKind = 'holiday' | 'makeup' | 'rest' | 'work';

export interface DayCell {
  date: string;
  day: number;
  /** 0 = Sunday … 6 = Saturday */
  weekday: number;
  kind: DayKind;
  /** Festival name as the server knows it (Chinese), or null. */
  name: string | null;
  /** Differs from what the server holds now (not saved yet). */
  changed: boolean;
}

export interface MonthGrid {
  month: number;
  /** Weeks of 7 slots, Monday first; null outside the month. */
  weeks: (DayCell | null)[][];
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** 0 = Sunday … 6 = Saturday of a 'YYYY-MM-DD' date (time-zone free). */
export function weekdayOf(date: string): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay();
}

export function hasHours(hours: WeeklyHours, weekday: number): boolean {
  return hours[String(weekday) as keyof WeeklyHours].length > 0;
}

export function kindOf(date: string, holidays: ReadonlySet<string>, makeups: ReadonlySet<string>, hours: WeeklyHours): DayKind {
  if (holidays.has(date)) return 'holiday';
  if (makeups.has(date)) return 'makeup';
  return hasHours(hours, weekdayOf(date)) ? 'work' : 'rest';
}

export function monthsOf(
  year: number, holidays: ReadonlySet<string>, makeups: ReadonlySet<string>, hours: WeeklyHours,
  names: Readonly<Record<string, string>>, saved: { holidays: ReadonlySet<string>; makeups: ReadonlySet<string> },
): MonthGrid[] {
  const out: MonthGrid[] = [];
  for (let month = 1; month <= 12; month++) {
    const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
    const weeks: (DayCell | null)[][] = [];
    let week: (DayCell | null)[] = [];
    const lead = (weekdayOf(`${year}-${pad(month)}-01`) + 6) % 7; // Monday = 0
    for (let i = 0; i < lead; i++) week.push(null);
    for (let day = 1; day <= days; day++) {
      const date = `${year}-${pad(month)}-${pad(day)}`;
      const kind = kindOf(date, holidays, makeups, hours);
      const before = kindOf(date, saved.holidays, saved.makeups, hours);
      week.push({ date, day, weekday: weekdayOf(date), kind, name: names[date] ?? null, changed: kind !== before });
      if (week.length === 7) { weeks.push(week); week = []; }
    }
    if (week.length) { while (week.length < 7) week.push(null); weeks.push(week); }
    out.push({ month, weeks });
  }
  return out;
}

/** English names of the festivals the server names in Chinese; '(补假)' marks a day made up in lieu. */
const FESTIVALS_EN: Readonly<Record<string, string>> = {
  元旦: "New Year's Day", 春节: 'Spring Festival', 清明: 'Qingming', 清明节: 'Qingming', 劳动节: 'Labour Day',
  端午: 'Dragon Boat', 端午节: 'Dragon Boat', 中秋: 'Mid-Autumn', 中秋节: 'Mid-Autumn', 国庆节: 'National Day',
  中国人民抗日战争暨世界反法西斯战争胜利70周年纪念日: 'Victory Day (70th anniversary)',
};

export function festivalName(name: string | null, locale: 'zh-CN' | 'en'): string {
  if (!name) return '';
  if (locale === 'zh-CN') return name;
  const inLieu = name.endsWith('(补假)');
  const base = inLieu ? name.slice(0, -'(补假)'.length) : name;
  const en = FESTIVALS_EN[base] ?? base;
  return inLieu ? `${en} (in lieu)` : en;
}

/**
 * Configuration of an organisation's working calendar: opening hours per weekday, public
 * holidays and make-up working days (调休). Plain data (Firestore-safe: no nested arrays),
 * validated by zod with field-level messages.
 */
import { z } from 'zod';
import { parseHhMm, parseIsoDate, weekdayOfDay, yearOfDay } from './dates';

/** 'HH:mm', 00:00 … 24:00. */
export const TimeOfDay = z
  .string()
  .refine((s) => parseHhMm(s) !== null, { message: "expected a time of day 'HH:mm' between 00:00 and 24:00" });

/** 'YYYY-MM-DD', a real calendar date. */
export const IsoDate = z
  .string()
  .refine((s) => parseIsoDate(s) !== null, { message: "expected a real calendar date 'YYYY-MM-DD'" });

/** One working interval within a day, local time; `end` may be '24:00'. Intervals never cross midnight. */
export const WorkingInterval = z.object({ start: TimeOfDay, end: TimeOfDay });
export type WorkingInterval = z.infer<typeof WorkingInterval>;

/** Working intervals of one weekday, sorted and non-overlapping (checked on the whole config). */
export const DayHours = z.array(WorkingInterval);
export type DayHours = z.infer<typeof DayHours>;

const OFFICE_DAY: DayHours = [
  { start: '08:30', end: '12:00' },
  { start: '13:30', end: '17:30' },
];

/** Weekday keys: '0' = Sunday … '6' = Saturday (an object, not an array: Firestore forbids nested arrays). */
export const WEEKDAY_KEYS = ['0', '1', '2', '3', '4', '5', '6'] as const;
export type WeekdayKey = (typeof WEEKDAY_KEYS)[number];

export const WeeklyHours = z.object({
  '0': DayHours.default([]),
  '1': DayHours.default(OFFICE_DAY),
  '2': DayHours.default(OFFICE_DAY),
  '3': DayHours.default(OFFICE_DAY),
  '4': DayHours.default(OFFICE_DAY),
  '5': DayHours.default(OFFICE_DAY),
  '6': DayHours.default([]),
});
export type WeeklyHours = z.infer<typeof WeeklyHours>;

/** Default hours: Mon–Fri 08:30–12:00 and 13:30–17:30 (lunch break), Sat/Sun closed. */
export function defaultWeeklyHours(): WeeklyHours {
  return WeeklyHours.parse({});
}

export const YearRange = z
  .object({
    fromYear: z.number().int().min(1970).max(9999),
    toYear: z.number().int().min(1970).max(9999),
  })
  .refine((r) => r.fromYear <= r.toYear, { message: 'fromYear must not be after toYear', path: ['toYear'] })
  .refine((r) => r.toYear - r.fromYear < 200, { message: 'a calendar covers at most 200 years', path: ['toYear'] });
export type YearRange = z.infer<typeof YearRange>;

export const CalendarConfig = z
  .object({
    /** Offset of local time from UTC in minutes; China (UTC+8) has no DST. */
    utcOffsetMinutes: z.number().int().min(-720).max(840).default(480),
    weeklyHours: WeeklyHours.default(defaultWeeklyHours),
    /** Days off even if their weekday has hours (public holidays, including weekend days inside a holiday span). */
    holidays: z.array(IsoDate).default([]),
    /** 调休 make-up working days: days whose weekday has no hours but which are worked with `makeupHoursFrom` hours. */
    makeupWorkdays: z.array(IsoDate).default([]),
    /** Weekday (0 = Sunday … 6 = Saturday) whose hours apply on make-up working days; default Monday. */
    makeupHoursFrom: z.number().int().min(0).max(6).default(1),
    /**
     * Years the calendar is defined for (holiday lists are known for them). Instants outside throw
     * a RangeError. If omitted, the years spanned by `holidays` and `makeupWorkdays`.
     */
    coverage: YearRange.optional(),
    /**
     * Years whose holidays are the statutory ones computed by us (statutory.ts), not a published
     * schedule: deadlines that touch them are flagged provisional.
     */
    provisionalYears: z.array(z.number().int().min(1970).max(9999)).default([]),
  })
  .superRefine((cfg, ctx) => {
    let anyHours = false;
    for (const key of WEEKDAY_KEYS) {
      const day = cfg.weeklyHours[key];
      let previousEnd = -1;
      day.forEach((iv, i) => {
        const start = parseHhMm(iv.start);
        const end = parseHhMm(iv.end);
        if (start === null || end === null) return; // reported by the field schema
        const path = ['weeklyHours', key, i];
        if (start >= end) {
          ctx.addIssue({ code: 'custom', path, message: `interval ${iv.start}–${iv.end}: start must be before end` });
        } else if (start < previousEnd) {
          ctx.addIssue({
            code: 'custom',
            path,
            message: `interval ${iv.start}–${iv.end} overlaps or is not after the previous interval of weekday ${key}; intervals must be sorted and non-overlapping`,
          });
        }
        previousEnd = Math.max(previousEnd, end);
        anyHours = true;
      });
    }
    if (!anyHours) {
      ctx.addIssue({ code: 'custom', path: ['weeklyHours'], message: 'at least one weekday needs working hours' });
    }

    const holidaySet = new Set(cfg.holidays);
    const makeupKey = String(cfg.makeupHoursFrom) as WeekdayKey;
    if (cfg.makeupWorkdays.length > 0 && cfg.weeklyHours[makeupKey].length === 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['makeupHoursFrom'],
        message: `make-up working days use the hours of weekday ${makeupKey}, which has none`,
      });
    }
    cfg.makeupWorkdays.forEach((date, i) => {
      const day = parseIsoDate(date);
      if (day === null) return;
      if (holidaySet.has(date)) {
        ctx.addIssue({
          code: 'custom',
          path: ['makeupWorkdays', i],
          message: `${date} is listed both as a holiday and as a make-up working day`,
        });
      }
      const weekday = String(weekdayOfDay(day)) as WeekdayKey;
      if (cfg.weeklyHours[weekday].length > 0) {
        ctx.addIssue({
          code: 'custom',
          path: ['makeupWorkdays', i],
          message: `${date} is already a working day by weeklyHours (weekday ${weekday}); only non-working weekdays can be make-up days`,
        });
      }
    });

    if (cfg.coverage === undefined && cfg.holidays.length + cfg.makeupWorkdays.length === 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['coverage'],
        message: 'coverage (fromYear/toYear) is required when no holidays or make-up days are listed',
      });
    }
  });

/** The validated configuration (defaults applied). */
export type CalendarConfig = z.infer<typeof CalendarConfig>;
/** What callers may pass in (defaults optional). */
export type CalendarConfigInput = z.input<typeof CalendarConfig>;

/** The years a (validated) config covers: `coverage`, or the span of its listed dates. */
export function coveredYears(cfg: CalendarConfig): YearRange {
  if (cfg.coverage) return cfg.coverage;
  const years = [...cfg.holidays, ...cfg.makeupWorkdays].map((d) => yearOfDay(parseIsoDate(d) as number));
  return { fromYear: Math.min(...years), toYear: Math.max(...years) };
}

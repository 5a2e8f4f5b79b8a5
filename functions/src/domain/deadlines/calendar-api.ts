/**
 * Inputs of the calendar screen's callables (getCalendar, adminSaveCalendar), strict zod
 * schemas. Dates may be pasted from the State Council's notice as text (years.ts parseDateList)
 * or sent as a list; everything is checked here, so a bad request is `invalid-argument` naming
 * the field and nothing is written.
 */
import { z } from 'zod';
import { StoredCalendar, WeeklyHours, buildCalendarConfig, parseDateList } from '../calendar';

const MIN_YEAR = 2000;
const MAX_YEAR = 2099;
const Year = z.number().int().min(MIN_YEAR).max(MAX_YEAR);

export const GetCalendarInput = z.object({ year: Year }).strict();
export type GetCalendarInput = z.infer<typeof GetCalendarInput>;

/** A pasted block of dates, or a list of date strings (each may itself be a pasted piece). */
const DateListInput = z.union([z.string().max(5000), z.array(z.string().max(100)).max(100)]);

export const SaveCalendarInput = z
  .object({
    year: Year,
    holidays: DateListInput,
    makeupDays: DateListInput.default([]),
    /** Business hours per weekday ('0' = Sunday … '6'); omitted = unchanged. Applies to every year. */
    businessHours: WeeklyHours.optional(),
    reason: z.string().trim().min(1, 'required').max(500),
    /** The lists are not yet the State Council's notice: the year stays provisional (deadlines flagged). */
    provisional: z.boolean().default(false),
  })
  .strict()
  .transform((input, ctx) => {
    const parse = (field: 'holidays' | 'makeupDays'): string[] => {
      const raw = input[field];
      const { dates, invalid } = parseDateList(Array.isArray(raw) ? raw.join('\n') : raw, input.year);
      if (invalid.length) ctx.addIssue({ code: 'custom', path: [field], message: `not dates: ${invalid.slice(0, 5).join(', ')}` });
      const wrong = dates.filter((d) => Number(d.slice(0, 4)) !== input.year);
      if (wrong.length) ctx.addIssue({ code: 'custom', path: [field], message: `not in ${input.year}: ${wrong.slice(0, 5).join(', ')}` });
      return dates;
    };
    const holidays = parse('holidays');
    const makeupDays = parse('makeupDays');
    const both = holidays.filter((d) => makeupDays.includes(d));
    if (both.length) ctx.addIssue({ code: 'custom', path: ['makeupDays'], message: `both a holiday and a make-up day: ${both.join(', ')}` });
    return { year: input.year, holidays, makeupDays, businessHours: input.businessHours, reason: input.reason, provisional: input.provisional };
  });
export type SaveCalendarInput = z.output<typeof SaveCalendarInput>;

/**
 * The stored calendar after saving `input`, or field messages when the result is not a valid
 * calendar (e.g. a make-up day that already has business hours, overlapping hours).
 */
export function applyCalendarSave(
  before: StoredCalendar, input: SaveCalendarInput, by: string, at: Date,
): { stored: StoredCalendar } | { fields: Record<string, string> } {
  const stored = StoredCalendar.parse({
    ...before,
    weeklyHours: input.businessHours ?? before.weeklyHours,
    years: { ...before.years, [String(input.year)]: {
      holidays: input.holidays, makeupDays: input.makeupDays, reason: input.reason, provisional: input.provisional, savedBy: by, savedAt: at,
    } },
  });
  const hours = stored.weeklyHours;
  const onWorkday = input.makeupDays.filter((d) => hours[String(new Date(`${d}T00:00:00Z`).getUTCDay()) as '0'].length > 0);
  if (onWorkday.length) return { fields: { makeupDays: `already working days by business hours: ${onWorkday.join(', ')}` } };
  const check = buildCalendarConfigSafe(stored, input.year);
  return check ? { fields: check } : { stored };
}

function buildCalendarConfigSafe(stored: StoredCalendar, year: number): Record<string, string> | null {
  try {
    buildCalendarConfig(stored, year, year);
    return null;
  } catch (e) {
    if (e instanceof z.ZodError) {
      const fields: Record<string, string> = {};
      for (const issue of e.issues) {
        const key = issue.path[0] === 'weeklyHours' ? ['businessHours', ...issue.path.slice(1)].join('.') : String(issue.path[0] ?? 'calendar');
        fields[key] ??= issue.message;
      }
      return fields;
    }
    throw e;
  }
}

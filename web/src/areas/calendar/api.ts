/** The calendar screen's callables (functions/src/callables/deadlines/): read a year, save a year. */
import type { z } from 'zod';
import type { CalendarYearView } from '../../../../functions/src/domain/calendar/years';
import type { GetCalendarInput, SaveCalendarInput } from '../../../../functions/src/domain/deadlines/calendar-api';
import { callable } from '../../api/call';

/** One year as the server sends it (instants as ISO strings). */
export type CalendarYearJson = Omit<CalendarYearView, 'saved'> & { saved: { reason: string; savedBy: string; savedAt: string } | null };
export type SaveCalendarRequest = z.input<typeof SaveCalendarInput>;

export const getCalendar = callable<z.input<typeof GetCalendarInput>, CalendarYearJson>('getCalendar');
export const adminSaveCalendar = callable<SaveCalendarRequest, CalendarYearJson>('adminSaveCalendar');

/** Working calendar: opening hours, Chinese holidays and 调休, working-time arithmetic. No Firebase. */
// Values come from the leaf modules (./calendar/dates, ./calendar/config), not this barrel, in code the
// web client loads: the barrel pulls in the holiday tables and lunar-typescript (100 kB gzip).
export {
  CalendarConfig,
  type CalendarConfigInput,
  DayHours,
  IsoDate,
  TimeOfDay,
  WEEKDAY_KEYS,
  type WeekdayKey,
  WeeklyHours,
  WorkingInterval,
  YearRange,
  coveredYears,
  defaultWeeklyHours,
} from './config';
export { WorkCalendar, createCalendar, type Pause } from './calendar';
export {
  type ChineseHolidaySeed,
  defaultCalendarConfig,
  hasChineseHolidayData,
  seedChineseHolidays,
} from './holidays';
export { DAY_MS, HOUR_MS, MINUTE_MS } from './dates';
export { type StatutoryHoliday, statutoryHolidays } from './statutory';
export {
  type CalendarDay, type CalendarYearView, SavedCalendarYear, StoredCalendar, type StoredCalendarInput, type YearDays,
  type YearSource, buildCalendarConfig, calendarYearView, coverageAround, parseDateList, yearDays,
} from './years';
export { type NoticeDayKind, type ParsedNotice, parseHolidayNotice } from './notice';

/** Saving a year on the calendar screen: the notice entered, or a change made while the year is still provisional. */
import { StoredCalendar, buildCalendarConfig, calendarYearView } from '../../src/domain/calendar';
import { SaveCalendarInput, applyCalendarSave } from '../../src/domain/deadlines/calendar-api';

const before = StoredCalendar.parse({});
const at = new Date('2026-11-20T02:00:00Z');

function save(data: Record<string, unknown>): StoredCalendar {
  const out = applyCalendarSave(before, SaveCalendarInput.parse(data), 'u-admin', at);
  if ('fields' in out) throw new Error(JSON.stringify(out.fields));
  return out.stored;
}

test('a year saved as still provisional keeps its flag: deadlines over it are flagged, the screen says so', () => {
  const statutory = calendarYearView(before, 2027).days.filter((d) => d.holiday).map((d) => d.date);
  const stored = save({ year: 2027, holidays: [...statutory, '2027-03-08'], reason: '公司年会', provisional: true });
  const view = calendarYearView(stored, 2027);
  expect(view).toMatchObject({ source: 'saved', provisional: true });
  expect(view.days.find((d) => d.date === '2027-03-08')).toMatchObject({ holiday: true, working: false });
  expect(buildCalendarConfig(stored, 2026, 2027).provisionalYears).toEqual([2027]);
});

test('a year saved from the notice (the default) is no longer provisional', () => {
  const stored = save({ year: 2027, holidays: '1月1日至3日', makeupDays: '2月20日', reason: '国办发明电〔2026〕3号' });
  expect(calendarYearView(stored, 2027)).toMatchObject({ source: 'saved', provisional: false });
  expect(buildCalendarConfig(stored, 2026, 2027).provisionalYears).toEqual([]);
});

test('the flag is a boolean, nothing else', () => {
  expect(SaveCalendarInput.safeParse({ year: 2027, holidays: [], reason: 'x', provisional: 'yes' }).success).toBe(false);
});

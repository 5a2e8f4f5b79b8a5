/** Calendars past the published years (issue 9 point 2): statutory holidays, provisional flag, saved years. */
import fc from 'fast-check';
import {
  StoredCalendar, buildCalendarConfig, calendarYearView, createCalendar, defaultCalendarConfig, hasChineseHolidayData,
  parseDateList, statutoryHolidays, yearDays,
} from '../../src/domain/calendar';

const at = (s: string): Date => new Date(`${s.replace(' ', 'T')}:00+08:00`);
const dates = (year: number): string[] => statutoryHolidays(year).map((h) => h.date);

describe('statutory holidays of 《全国年节及纪念日放假办法》 (2024 amendment)', () => {
  test('2027: Spring Festival 6 Feb (eve 5 Feb), Qingming 5 Apr, Dragon Boat 9 Jun, Mid-Autumn 15 Sep, National Day 1–3 Oct', () => {
    const d = dates(2027);
    for (const day of ['2027-01-01', '2027-02-05', '2027-02-06', '2027-02-07', '2027-02-08', '2027-04-05', '2027-05-01', '2027-05-02',
      '2027-06-09', '2027-09-15', '2027-10-01', '2027-10-02', '2027-10-03']) expect(d).toContain(day);
    const names = Object.fromEntries(statutoryHolidays(2027).map((h) => [h.date, h.name]));
    expect(names['2027-02-06']).toBe('春节');
    expect(names['2027-10-01']).toBe('国庆节');
  });

  test('2028–2030 on the right dates (lunar computed, Qingming from the solar term)', () => {
    const expected: Record<number, string[]> = {
      2028: ['2028-01-25', '2028-01-26', '2028-01-27', '2028-01-28', '2028-04-04', '2028-05-28', '2028-10-03'],
      2029: ['2029-02-12', '2029-02-13', '2029-02-14', '2029-02-15', '2029-04-04', '2029-06-16', '2029-09-22'],
      2030: ['2030-02-02', '2030-02-03', '2030-02-04', '2030-02-05', '2030-04-05', '2030-06-05', '2030-09-12'],
    };
    for (const [year, days] of Object.entries(expected)) {
      const d = dates(Number(year));
      for (const day of days) expect(d).toContain(day);
      for (const fixed of ['01-01', '05-01', '05-02', '10-01', '10-02', '10-03']) expect(d).toContain(`${year}-${fixed}`);
    }
  });

  test('a statutory day on a weekend is made up on the next free weekday (Art. 6); a clash too (Mid-Autumn = 3 Oct 2028)', () => {
    // 2027-05-01 is a Saturday, 05-02 a Sunday → Mon 3 and Tue 4 May off
    const h2027 = statutoryHolidays(2027);
    expect(h2027.filter((h) => h.name === '劳动节(补假)').map((h) => h.date)).toEqual(['2027-05-03', '2027-05-04']);
    // 2028: 1 Oct Sunday (owed), 3 Oct is both National Day and Mid-Autumn (owed): made up 4 and 5 Oct
    const h2028 = statutoryHolidays(2028);
    expect(h2028.filter((h) => h.name.endsWith('(补假)') && h.date.startsWith('2028-10')).map((h) => h.date)).toEqual(['2028-10-04', '2028-10-05']);
  });

  test('property: every year 2027–2099 has at least 13 statutory weekday-or-weekend days off, all in that year or made up right after', () => {
    fc.assert(fc.property(fc.integer({ min: 2027, max: 2098 }), (year) => {
      const h = statutoryHolidays(year);
      const own = h.filter((x) => !x.name.endsWith('(补假)'));
      expect(own.length).toBeGreaterThanOrEqual(12); // 13 statutory days; a clash can merge two
      expect(new Set(h.map((x) => x.date)).size).toBe(h.length);
      for (const x of h) expect(Number(x.date.slice(0, 4))).toBeGreaterThanOrEqual(year);
    }));
  });
});

describe('years of the working calendar', () => {
  const stored = StoredCalendar.parse({});

  test('official data wins where present; a year without it is statutory and provisional, never weekends only', () => {
    expect(hasChineseHolidayData(2026)).toBe(true);
    expect(yearDays(stored, 2026)).toMatchObject({ source: 'official', provisional: false });
    expect(yearDays(stored, 2026).makeupDays.length).toBeGreaterThan(0); // published 调休 kept
    const y2027 = yearDays(stored, 2027);
    expect(y2027).toMatchObject({ source: 'statutory', provisional: true, makeupDays: [] });

    const cal = createCalendar(defaultCalendarConfig(2025, 2030));
    expect(cal.isWorkingDay(at('2027-02-08 10:00'))).toBe(false); // Monday, Spring Festival day 3
    expect(cal.isWorkingDay(at('2027-10-01 10:00'))).toBe(false); // Friday, National Day
    expect(cal.isWorkingDay(at('2027-01-04 10:00'))).toBe(true);
    expect(cal.isProvisional(at('2027-03-01 10:00'))).toBe(true);
    expect(cal.isProvisional(at('2026-03-01 10:00'))).toBe(false);
    expect(cal.spansProvisional(at('2026-12-31 16:00'), at('2027-01-04 16:00'))).toBe(true);
    expect(cal.spansProvisional(at('2026-12-01 16:00'), at('2026-12-02 16:00'))).toBe(false);
    // filed the last working day before the 2027 Spring Festival (eve Fri 5 Feb; Sat/Sun owed → Tue 9, Wed 10 off): due Thu 11
    expect(cal.addWorkingDays(at('2027-02-04 16:30'), 1)).toEqual(at('2027-02-11 16:30'));
  });

  test('a saved year replaces the statute and is no longer provisional; 调休 days become working days', () => {
    const saved = StoredCalendar.parse({
      years: { 2027: { holidays: ['2027-02-05', '2027-02-06', '2027-02-07', '2027-02-08', '2027-02-09', '2027-02-10', '2027-02-11'],
        makeupDays: ['2027-02-20'], reason: '国办发明电〔2026〕X号', savedBy: 'u-admin', savedAt: at('2026-11-10 10:00') } },
    });
    const cfg = buildCalendarConfig(saved, 2026, 2028);
    expect(cfg.provisionalYears).toEqual([2028]);
    const cal = createCalendar(cfg);
    expect(cal.isWorkingDay(at('2027-02-10 10:00'))).toBe(false);
    expect(cal.isWorkingDay(at('2027-02-20 10:00'))).toBe(true); // Saturday make-up day
    expect(cal.isWorkingDay(at('2027-10-01 10:00'))).toBe(true); // the saved list is the whole year
    const view = calendarYearView(saved, 2027);
    expect(view).toMatchObject({ source: 'saved', provisional: false, saved: { reason: '国办发明电〔2026〕X号' } });
    expect(view.days).toHaveLength(365);
    expect(view.days.find((d) => d.date === '2027-02-20')).toMatchObject({ makeupDay: true, working: true, weekday: 6 });
  });

  test('dates pasted from a notice: ISO, slashes, 年月日, M月D日 and ranges', () => {
    expect(parseDateList('2027-02-05, 2027/2/6、2027年2月7日\n2月8日 2月9日至11日', 2027)).toEqual({
      dates: ['2027-02-05', '2027-02-06', '2027-02-07', '2027-02-08', '2027-02-09', '2027-02-10', '2027-02-11'], invalid: [],
    });
    expect(parseDateList('10月1日至10月7日；9月26日 bogus 2027-02-30', 2027)).toEqual({
      dates: ['2027-09-26', '2027-10-01', '2027-10-02', '2027-10-03', '2027-10-04', '2027-10-05', '2027-10-06', '2027-10-07'],
      invalid: ['bogus', '2027-02-30'],
    });
  });
});

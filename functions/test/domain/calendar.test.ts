import {
  CalendarConfig,
  HOUR_MS,
  MINUTE_MS,
  createCalendar,
  defaultCalendarConfig,
  hasChineseHolidayData,
  seedChineseHolidays,
  type WorkCalendar,
} from '../../src/domain/calendar';

/** A Beijing-time instant: at('2025-09-30 16:30'). */
const at = (s: string): Date => new Date(`${s.replace(' ', 'T')}:00+08:00`);
/** Render an instant in Beijing time for readable assertions. */
const bj = (d: Date): string => new Date(d.getTime() + 8 * HOUR_MS).toISOString().slice(0, 16).replace('T', ' ');

function daysBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += 86_400_000) {
    out.push(new Date(t).toISOString().slice(0, 10));
  }
  return out;
}

let cal: WorkCalendar;
beforeAll(() => {
  cal = createCalendar(defaultCalendarConfig(2020, 2029));
});

describe('CalendarConfig', () => {
  it('applies the defaults: UTC+8, Mon–Fri 08:30–12:00 and 13:30–17:30, make-up days use Monday hours', () => {
    const cfg = CalendarConfig.parse({ coverage: { fromYear: 2025, toYear: 2025 } });
    expect(cfg.utcOffsetMinutes).toBe(480);
    expect(cfg.makeupHoursFrom).toBe(1);
    expect(cfg.weeklyHours['0']).toEqual([]);
    expect(cfg.weeklyHours['6']).toEqual([]);
    for (const d of ['1', '2', '3', '4', '5'] as const) {
      expect(cfg.weeklyHours[d]).toEqual([
        { start: '08:30', end: '12:00' },
        { start: '13:30', end: '17:30' },
      ]);
    }
  });

  const issues = (input: unknown) => {
    const r = CalendarConfig.safeParse(input);
    expect(r.success).toBe(false);
    return r.success ? [] : r.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
  };

  it('rejects unsorted, overlapping and empty intervals with field-level messages', () => {
    const cov = { fromYear: 2025, toYear: 2025 };
    expect(
      issues({ coverage: cov, weeklyHours: { '1': [{ start: '13:30', end: '17:30' }, { start: '08:30', end: '12:00' }] } }),
    ).toEqual([{ path: 'weeklyHours.1.1', message: expect.stringMatching(/sorted and non-overlapping/) }]);
    expect(
      issues({ coverage: cov, weeklyHours: { '2': [{ start: '08:30', end: '12:00' }, { start: '11:00', end: '17:30' }] } }),
    ).toEqual([{ path: 'weeklyHours.2.1', message: expect.stringMatching(/overlaps/) }]);
    expect(issues({ coverage: cov, weeklyHours: { '3': [{ start: '12:00', end: '12:00' }] } })).toEqual([
      { path: 'weeklyHours.3.0', message: expect.stringMatching(/start must be before end/) },
    ]);
    expect(issues({ coverage: cov, weeklyHours: { '4': [{ start: '8:30', end: '25:00' }] } }).map((i) => i.path)).toEqual([
      'weeklyHours.4.0.start',
      'weeklyHours.4.0.end',
    ]);
  });

  it('rejects invalid dates, holiday/make-up conflicts and make-up days that are already working days', () => {
    expect(issues({ holidays: ['2025-02-30'] })).toEqual([
      { path: 'holidays.0', message: expect.stringMatching(/real calendar date/) },
    ]);
    expect(issues({ holidays: ['2025-10-01', '2025-10-11'], makeupWorkdays: ['2025-10-11'] })).toEqual([
      { path: 'makeupWorkdays.0', message: '2025-10-11 is listed both as a holiday and as a make-up working day' },
    ]);
    expect(issues({ makeupWorkdays: ['2025-09-29'] })).toEqual([
      { path: 'makeupWorkdays.0', message: expect.stringMatching(/2025-09-29 is already a working day/) },
    ]);
    expect(issues({ makeupWorkdays: ['2025-09-28'], makeupHoursFrom: 0 }).map((i) => i.path)).toEqual(['makeupHoursFrom']);
    expect(issues({})).toEqual([{ path: 'coverage', message: expect.stringMatching(/coverage/) }]);
    expect(issues({ coverage: { fromYear: 2026, toYear: 2025 } }).map((i) => i.path)).toEqual(['coverage.toYear']);
  });
});

describe('official holiday schedules seeded from chinese-days', () => {
  // 国务院办公厅关于2025年部分节假日安排的通知（国办发明电〔2024〕12号）
  const official2025 = {
    holidays: [
      '2025-01-01',
      ...daysBetween('2025-01-28', '2025-02-04'), // 春节
      ...daysBetween('2025-04-04', '2025-04-06'), // 清明
      ...daysBetween('2025-05-01', '2025-05-05'), // 劳动节
      ...daysBetween('2025-05-31', '2025-06-02'), // 端午
      ...daysBetween('2025-10-01', '2025-10-08'), // 国庆 + 中秋
    ],
    makeupWorkdays: ['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11'],
  };
  // 国务院办公厅关于2026年部分节假日安排的通知（2025-11-04, Xinhua）
  const official2026 = {
    holidays: [
      ...daysBetween('2026-01-01', '2026-01-03'), // 元旦
      ...daysBetween('2026-02-15', '2026-02-23'), // 春节
      ...daysBetween('2026-04-04', '2026-04-06'), // 清明
      ...daysBetween('2026-05-01', '2026-05-05'), // 劳动节
      ...daysBetween('2026-06-19', '2026-06-21'), // 端午
      ...daysBetween('2026-09-25', '2026-09-27'), // 中秋
      ...daysBetween('2026-10-01', '2026-10-07'), // 国庆
    ],
    makeupWorkdays: ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'],
  };

  it('2025 matches 国办发明电〔2024〕12号', () => {
    const seed = seedChineseHolidays(2025, 2025);
    expect(seed.holidays).toEqual(official2025.holidays);
    expect(seed.makeupWorkdays).toEqual(official2025.makeupWorkdays);
    expect(seed.yearsWithoutData).toEqual([]);
    expect(seed.names['2025-10-06']).toBe('中秋');
    expect(seed.names['2025-10-11']).toBe('国庆节');
  });

  it('2026 matches the State Council notice of 2025-11-04', () => {
    const seed = seedChineseHolidays(2026, 2026);
    expect(seed.holidays).toEqual(official2026.holidays);
    expect(seed.makeupWorkdays).toEqual(official2026.makeupWorkdays);
  });

  it('does not depend on the machine time zone (chinese-days\' functions do; we read its static data)', () => {
    const saved = process.env.TZ;
    try {
      for (const tz of ['UTC', 'America/New_York', 'Asia/Shanghai', 'Pacific/Kiritimati', 'Pacific/Pago_Pago']) {
        process.env.TZ = tz;
        const seed = seedChineseHolidays(2025, 2026);
        expect(seed.holidays).toEqual([...official2025.holidays, ...official2026.holidays]);
        expect(seed.makeupWorkdays).toEqual([...official2025.makeupWorkdays, ...official2026.makeupWorkdays]);
      }
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });

  it('reports years the package does not know yet', () => {
    expect(hasChineseHolidayData(2025)).toBe(true);
    const seed = seedChineseHolidays(2026, 2040);
    expect(seed.yearsWithoutData).toContain(2040);
    expect(seed.yearsWithoutData).not.toContain(2026);
  });

  it('defaultCalendarConfig covers the requested years', () => {
    const cfg = defaultCalendarConfig(2025, 2026);
    expect(cfg.coverage).toEqual({ fromYear: 2025, toYear: 2026 });
    expect(cfg.holidays).toContain('2026-02-23');
    expect(cfg.makeupWorkdays).toContain('2025-10-11');
  });
});

describe('WorkCalendar: days and instants', () => {
  it('knows holidays and make-up working days', () => {
    expect(cal.isWorkingDay(at('2025-10-08 10:00'))).toBe(false); // National Day holiday, Wednesday
    expect(cal.isWorkingDay(at('2025-10-11 10:00'))).toBe(true); // make-up Saturday
    expect(cal.isWorkingDay(at('2025-09-28 10:00'))).toBe(true); // make-up Sunday
    expect(cal.isWorkingDay(at('2025-10-12 10:00'))).toBe(false); // ordinary Sunday
    expect(cal.isWorkingDay(at('2025-10-09 10:00'))).toBe(true);
    expect(cal.isWorkingDay(at('2026-02-14 10:00'))).toBe(true); // 2026 make-up Saturday
    expect(cal.isWorkingDay(at('2026-02-23 10:00'))).toBe(false); // 2026 Spring Festival, Monday
    expect(cal.workingMsOnDay(at('2025-10-11 00:00'))).toBe(7.5 * HOUR_MS); // Monday hours
  });

  it('uses the calendar offset, not the machine time zone, to find the local day', () => {
    // 2025-10-08T23:30Z is already 07:30 on Thursday 2025-10-09 in Beijing
    expect(cal.isWorkingDay(new Date('2025-10-08T23:30:00Z'))).toBe(true);
    expect(cal.localDate(new Date('2025-10-08T23:30:00Z'))).toBe('2025-10-09');
  });

  it('isWorkingTime: intervals are closed, lunch break and nights are not working', () => {
    expect(cal.isWorkingTime(at('2025-03-12 08:29'))).toBe(false);
    expect(cal.isWorkingTime(at('2025-03-12 08:30'))).toBe(true);
    expect(cal.isWorkingTime(at('2025-03-12 12:00'))).toBe(true);
    expect(cal.isWorkingTime(at('2025-03-12 12:01'))).toBe(false);
    expect(cal.isWorkingTime(at('2025-03-12 13:30'))).toBe(true);
    expect(cal.isWorkingTime(at('2025-03-12 17:30'))).toBe(true);
    expect(cal.isWorkingTime(at('2025-03-12 17:31'))).toBe(false);
    expect(cal.isWorkingTime(at('2025-10-03 10:00'))).toBe(false);
  });

  it('nextWorkingInstant', () => {
    expect(bj(cal.nextWorkingInstant(at('2025-03-12 10:00')))).toBe('2025-03-12 10:00');
    expect(bj(cal.nextWorkingInstant(at('2025-03-12 12:30')))).toBe('2025-03-12 13:30');
    expect(bj(cal.nextWorkingInstant(at('2025-03-12 17:45')))).toBe('2025-03-13 08:30');
    expect(bj(cal.nextWorkingInstant(at('2025-03-15 10:00')))).toBe('2025-03-17 08:30'); // Saturday
    expect(bj(cal.nextWorkingInstant(at('2025-09-30 18:00')))).toBe('2025-10-09 08:30');
    expect(bj(cal.nextWorkingInstant(at('2025-10-10 18:00')))).toBe('2025-10-11 08:30'); // make-up Saturday
  });

  it('endOfWorkingDay', () => {
    expect(bj(cal.endOfWorkingDay(at('2025-03-12 10:00')))).toBe('2025-03-12 17:30');
    expect(bj(cal.endOfWorkingDay(at('2025-03-12 12:30')))).toBe('2025-03-12 17:30');
    expect(bj(cal.endOfWorkingDay(at('2025-03-12 17:30')))).toBe('2025-03-12 17:30');
    expect(bj(cal.endOfWorkingDay(at('2025-03-12 18:00')))).toBe('2025-03-13 17:30');
    expect(bj(cal.endOfWorkingDay(at('2025-03-15 10:00')))).toBe('2025-03-17 17:30');
    expect(bj(cal.endOfWorkingDay(at('2025-09-30 18:00')))).toBe('2025-10-09 17:30');
    expect(bj(cal.endOfWorkingDay(at('2026-02-14 07:00')))).toBe('2026-02-14 17:30');
  });
});

describe('WorkCalendar: working time', () => {
  it('workingTimeBetween counts only working intervals and is signed', () => {
    expect(cal.workingTimeBetween(at('2025-03-12 08:00'), at('2025-03-12 18:00'))).toBe(7.5 * HOUR_MS);
    expect(cal.workingTimeBetween(at('2025-03-12 11:00'), at('2025-03-12 14:00'))).toBe(1.5 * HOUR_MS);
    expect(cal.workingTimeBetween(at('2025-03-14 17:00'), at('2025-03-17 09:00'))).toBe(1 * HOUR_MS);
    expect(cal.workingTimeBetween(at('2025-09-30 17:00'), at('2025-10-09 09:00'))).toBe(1 * HOUR_MS);
    expect(cal.workingTimeBetween(at('2025-03-12 14:00'), at('2025-03-12 11:00'))).toBe(-1.5 * HOUR_MS);
    expect(cal.workingTimeBetween(at('2025-03-12 14:00'), at('2025-03-12 14:00'))).toBe(0);
    // a week: 5 × 7.5 h
    expect(cal.workingTimeBetween(at('2025-03-10 00:00'), at('2025-03-17 00:00'))).toBe(37.5 * HOUR_MS);
  });

  it('addWorkingTime skips lunch, nights, weekends and holidays; exact closes stay at the close', () => {
    expect(bj(cal.addWorkingTime(at('2025-03-12 11:00'), 2 * HOUR_MS))).toBe('2025-03-12 14:30');
    expect(bj(cal.addWorkingTime(at('2025-03-12 11:00'), 1 * HOUR_MS))).toBe('2025-03-12 12:00');
    expect(bj(cal.addWorkingTime(at('2025-03-12 17:00'), 1 * HOUR_MS))).toBe('2025-03-13 09:00');
    expect(bj(cal.addWorkingTime(at('2025-03-14 17:00'), 1 * HOUR_MS))).toBe('2025-03-17 09:00');
    expect(bj(cal.addWorkingTime(at('2025-09-30 17:00'), 1 * HOUR_MS))).toBe('2025-10-09 09:00');
    expect(bj(cal.addWorkingTime(at('2025-03-12 12:30'), 0))).toBe('2025-03-12 13:30');
    expect(bj(cal.addWorkingTime(at('2025-03-15 10:00'), 30 * MINUTE_MS))).toBe('2025-03-17 09:00');
    expect(() => cal.addWorkingTime(at('2025-03-12 11:00'), -1)).toThrow(RangeError);
  });

  it('addWorkingDays keeps the position within the working day (documented semantic)', () => {
    // ordinary week: Wed 16:30 → Thu 16:30
    expect(bj(cal.addWorkingDays(at('2025-03-12 16:30'), 1))).toBe('2025-03-13 16:30');
    // last working day before National Day + Mid-autumn (Oct 1–8) → first working day after
    expect(bj(cal.addWorkingDays(at('2025-09-30 16:30'), 1))).toBe('2025-10-09 16:30');
    // Friday before the make-up Saturday 2025-10-11
    expect(bj(cal.addWorkingDays(at('2025-10-10 10:00'), 1))).toBe('2025-10-11 10:00');
    // Spring Festival 2025: Mon Jan 27 → Wed Feb 5; Fri Jan 24 → make-up Sunday Jan 26
    expect(bj(cal.addWorkingDays(at('2025-01-27 16:30'), 1))).toBe('2025-02-05 16:30');
    expect(bj(cal.addWorkingDays(at('2025-01-24 10:00'), 1))).toBe('2025-01-26 10:00');
    // 2026: Fri Feb 13 → make-up Sat Feb 14 → (holiday Feb 15–23) Tue Feb 24
    expect(bj(cal.addWorkingDays(at('2026-02-13 16:30'), 1))).toBe('2026-02-14 16:30');
    expect(bj(cal.addWorkingDays(at('2026-02-13 16:30'), 2))).toBe('2026-02-24 16:30');
    // lunch break: counts from 13:30, the same 3.5 h elapsed the next day ends at 12:00
    expect(bj(cal.addWorkingDays(at('2025-03-12 12:30'), 1))).toBe('2025-03-13 12:00');
    // after hours / before opening: a full working day → close of the next working day
    expect(bj(cal.addWorkingDays(at('2025-03-12 18:00'), 1))).toBe('2025-03-13 17:30');
    expect(bj(cal.addWorkingDays(at('2025-03-13 07:00'), 1))).toBe('2025-03-13 17:30');
    // Saturday → end of Monday
    expect(bj(cal.addWorkingDays(at('2025-03-15 10:00'), 1))).toBe('2025-03-17 17:30');
    // n = 0 → next working instant; several days
    expect(bj(cal.addWorkingDays(at('2025-03-15 10:00'), 0))).toBe('2025-03-17 08:30');
    expect(bj(cal.addWorkingDays(at('2025-03-12 09:00'), 5))).toBe('2025-03-19 09:00');
    expect(() => cal.addWorkingDays(at('2025-03-12 09:00'), 1.5)).toThrow(RangeError);
  });

  it('pauses (waiting on client) are excluded and extend the deadline', () => {
    const pauses = [{ start: at('2025-03-12 10:00'), end: at('2025-03-13 10:00') }];
    expect(cal.pausedWorkingTime(pauses, at('2025-03-20 00:00'))).toBe(7.5 * HOUR_MS);
    // overlapping pauses are counted once; an open pause runs until `now`
    expect(
      cal.pausedWorkingTime(
        [...pauses, { start: at('2025-03-12 16:00'), end: at('2025-03-12 17:00') }, { start: at('2025-03-14 16:30') }],
        at('2025-03-14 17:30'),
      ),
    ).toBe(8.5 * HOUR_MS);
    expect(cal.workingTimeExcludingPauses(at('2025-03-12 09:00'), at('2025-03-13 12:00'), pauses)).toBe(3 * HOUR_MS);
    expect(cal.workingTimeExcludingPauses(at('2025-03-13 12:00'), at('2025-03-12 09:00'), pauses)).toBe(-3 * HOUR_MS);
    expect(bj(cal.extendDue(at('2025-03-13 09:00'), 7.5 * HOUR_MS))).toBe('2025-03-14 09:00');
    expect(bj(cal.extendDue(at('2025-09-30 17:30'), 1 * HOUR_MS))).toBe('2025-10-09 09:30');
    expect(bj(cal.extendDue(at('2025-03-13 17:30'), 0))).toBe('2025-03-13 17:30');
  });

  it('throws a clear RangeError outside the covered years', () => {
    expect(() => cal.isWorkingDay(at('2019-12-31 10:00'))).toThrow(/outside the working calendar \(2020–2029\)/);
    expect(() => cal.addWorkingDays(at('2029-12-31 10:00'), 1)).toThrow(/runs past the end/);
    expect(() => cal.addWorkingTime(at('2029-12-31 10:00'), 100 * HOUR_MS)).toThrow(RangeError);
    expect(() => cal.isWorkingDay(new Date(NaN))).toThrow(TypeError);
  });

  it('honours other offsets, hours and make-up settings', () => {
    const utc = createCalendar({
      utcOffsetMinutes: 0,
      coverage: { fromYear: 2025, toYear: 2025 },
      weeklyHours: { '6': [{ start: '10:00', end: '14:00' }], '1': [{ start: '00:00', end: '24:00' }] },
      makeupWorkdays: ['2025-03-16'],
      makeupHoursFrom: 6,
    });
    expect(utc.workingMsOnDay(new Date('2025-03-16T12:00:00Z'))).toBe(4 * HOUR_MS); // Sunday with Saturday hours
    expect(utc.addWorkingTime(new Date('2025-03-15T13:00:00Z'), 2 * HOUR_MS).toISOString()).toBe('2025-03-16T11:00:00.000Z');
    // 24:00 close: Monday midnight-to-midnight, the closing midnight is still a working instant
    expect(utc.isWorkingTime(new Date('2025-03-18T00:00:00Z'))).toBe(true);
    expect(utc.endOfWorkingDay(new Date('2025-03-17T05:00:00Z')).toISOString()).toBe('2025-03-18T00:00:00.000Z');
    expect(utc.endOfWorkingDay(new Date('2025-03-18T00:00:00Z')).toISOString()).toBe('2025-03-18T00:00:00.000Z');
  });
});

describe('independent of the machine time zone', () => {
  it.each(['UTC', 'America/New_York', 'Asia/Kolkata'])('TZ=%s gives the same results', (tz) => {
    const saved = process.env.TZ;
    process.env.TZ = tz;
    try {
      const c = createCalendar(defaultCalendarConfig(2025, 2026));
      expect(bj(c.addWorkingDays(at('2025-09-30 16:30'), 1))).toBe('2025-10-09 16:30');
      expect(bj(c.endOfWorkingDay(at('2026-02-13 18:00')))).toBe('2026-02-14 17:30');
      expect(c.isWorkingDay(at('2026-09-20 09:00'))).toBe(true);
      expect(c.workingTimeBetween(at('2026-09-24 09:00'), at('2026-09-28 09:00'))).toBe(7.5 * HOUR_MS);
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });
});

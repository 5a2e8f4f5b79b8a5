/** The State Council's holiday notice pasted on the calendar screen: days off and 调休 make-up days. */
import { parseHolidayNotice } from '../../src/domain/calendar';

describe('parseHolidayNotice', () => {
  test('one statement per line: ranges off, single days worked', () => {
    const r = parseHolidayNotice('2027-01-01 至 2027-01-03 放假\n2027-02-07 上班\n2027-02-20 上班', 2027);
    expect(r.holidays).toEqual(['2027-01-01', '2027-01-02', '2027-01-03']);
    expect(r.makeupDays).toEqual(['2027-02-07', '2027-02-20']);
    expect(r.problems).toEqual([]);
    expect(r.conflicts).toEqual([]);
  });

  test('the notice as published: headings, weekday remarks in brackets, 至3日, two statements in one line', () => {
    const text = [
      '国务院办公厅关于2027年部分节假日安排的通知',
      '国办发明电〔2026〕3号',
      '一、元旦：1月1日（周五）至3日（周日）放假调休，共3天。',
      '二、春节：2月5日（除夕）至11日放假调休，共7天。2月20日（周六）、2月21日（周日）上班。',
      '三、国庆节、中秋节：9月15日（周三）放假；10月1日至7日放假调休，共7天。9月26日（周日）、10月9日（周六）上班。',
    ].join('\n');
    const r = parseHolidayNotice(text, 2027);
    expect(r.holidays).toEqual([
      '2027-01-01', '2027-01-02', '2027-01-03',
      '2027-02-05', '2027-02-06', '2027-02-07', '2027-02-08', '2027-02-09', '2027-02-10', '2027-02-11',
      '2027-09-15',
      '2027-10-01', '2027-10-02', '2027-10-03', '2027-10-04', '2027-10-05', '2027-10-06', '2027-10-07',
    ]);
    expect(r.makeupDays).toEqual(['2027-02-20', '2027-02-21', '2027-09-26', '2027-10-09']);
    expect(r.problems).toEqual([]); // the document number "3号" is not a date
  });

  test('other spellings: slashes, 年月日, a dash range, 补班 and 休息, the year written once', () => {
    const r = parseHolidayNotice('2027/5/1-2027/5/5 休息\n2027年4月25日 补班；5月8日补班', 2026);
    expect(r.holidays).toEqual(['2027-05-01', '2027-05-02', '2027-05-03', '2027-05-04', '2027-05-05']);
    expect(r.makeupDays).toEqual(['2027-04-25', '2027-05-08']); // 5月8日 takes the year written before it
  });

  test('dates without a word take the next clause\'s word; a date with none is reported, not guessed', () => {
    const r = parseHolidayNotice('6月9日，6月10日放假\n6月12日', 2027);
    expect(r.holidays).toEqual(['2027-06-09', '2027-06-10']);
    expect(r.makeupDays).toEqual([]);
    expect(r.problems).toEqual([{ text: '6月12日', problem: 'no_kind' }]);
  });

  test('impossible dates and backwards or over-long ranges are reported, and add nothing', () => {
    const r = parseHolidayNotice('2027-02-30 放假\n10月7日至10月1日 放假\n1月1日至3月1日 放假\n4月5日 放假', 2027);
    expect(r.holidays).toEqual(['2027-04-05']);
    expect(r.problems.map((p) => p.problem)).toEqual(['bad_date', 'bad_range', 'bad_range']);
  });

  test('a day named both off and worked is a conflict', () => {
    const r = parseHolidayNotice('2027-02-07 放假\n2027-02-07 上班', 2027);
    expect(r.conflicts).toEqual(['2027-02-07']);
  });

  test('nothing but prose: nothing found, nothing reported', () => {
    expect(parseHolidayNotice('各地区、各部门要妥善安排好值班和安全、保卫等工作。', 2027)).toEqual({
      holidays: [], makeupDays: [], problems: [], conflicts: [],
    });
  });
});

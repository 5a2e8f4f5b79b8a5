/**
 * The State Council's holiday notice (国务院办公厅关于××年部分节假日安排的通知), pasted as text:
 * which days are off (放假) and which weekend days are worked (调休上班).
 *
 * Understood, in any mix, one statement per line or sentence (split on new lines, 。；;):
 *   2027-01-01 至 2027-01-03 放假          2027-02-07 上班
 *   一、元旦：1月1日（周五）至3日（周日）放假调休，共3天。
 *   二、春节：2月5日（除夕）至11日放假调休，共7天。2月20日（周六）、2月21日（周日）上班。
 *   2027/10/1-2027/10/7 休息               10月9日 补班
 * Dates: 'YYYY-MM-DD', 'YYYY/M/D', 'YYYY.M.D', 'YYYY年M月D日', 'M月D日' (the year given, or the
 * last full year written before it) and, after a range word, a bare 'D日' (same month as the
 * range's start; a bare day anywhere else is not read as a date). Ranges: 至, 到, ~, ～, –, — or '-' between two dates; at most 31 days.
 * Words: 上班 / 补班 / 工作 mark make-up working days; 放假 / 休息 / 休假 / 假期 / 'off' / 'holiday'
 * mark days off. Dates without a word take the word of the next clause of the same sentence
 * ('1月1日，1月2日放假'); remarks in brackets ((周五), (除夕)) are ignored.
 *
 * Pure: no clock, no Firebase. The callable checks the result again (calendar-api.ts).
 */
import { formatDayNumber, parseIsoDate } from './dates';

export type NoticeDayKind = 'holiday' | 'makeup';

export interface ParsedNotice {
  /** Days off, sorted 'YYYY-MM-DD', unique. */
  holidays: string[];
  /** 调休 make-up working days, sorted 'YYYY-MM-DD', unique. */
  makeupDays: string[];
  /** Statements with dates that could not be read: the text, and why ('no_kind', 'bad_date', 'bad_range'). */
  problems: Array<{ text: string; problem: 'no_kind' | 'bad_date' | 'bad_range' }>;
  /** Dates named both as a day off and as a make-up day. */
  conflicts: string[];
}

const MAKEUP_WORDS = /上班|补班|工作日|\bwork(?:ing)?\b/i;
const HOLIDAY_WORDS = /放假|休息|休假|假期|\boff\b|\bholidays?\b/i;
const BRACKETS = /（[^）]*）|\([^)]*\)|【[^】]*】|\[[^\]]*\]/g;
const MAX_RANGE_DAYS = 31;

/** One date, a range word, or a bare day ('3日') in a clause, in order of appearance. */
const TOKEN =
  /(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?|(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]?|(\d{1,2})\s*[日号]|(至|到|~|～|–|—|-{1,2})/g;

type Token = { type: 'date'; day: number | null; year: number; month: number } | { type: 'day'; dayOfMonth: number } | { type: 'to' };

function tokenize(clause: string, context: { year: number }): Token[] {
  const out: Token[] = [];
  for (const m of clause.matchAll(TOKEN)) {
    if (m[1] !== undefined) {
      const year = Number(m[1]);
      context.year = year;
      out.push({ type: 'date', day: isoDay(year, Number(m[2]), Number(m[3])), year, month: Number(m[2]) });
    } else if (m[4] !== undefined) {
      out.push({ type: 'date', day: isoDay(context.year, Number(m[4]), Number(m[5])), year: context.year, month: Number(m[4]) });
    } else if (m[6] !== undefined) {
      out.push({ type: 'day', dayOfMonth: Number(m[6]) });
    } else {
      out.push({ type: 'to' });
    }
  }
  return out;
}

function isoDay(year: number, month: number, day: number): number | null {
  return parseIsoDate(`${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`);
}

/** Days named by a clause's tokens; null with a problem when a date or a range is not real. */
function daysOf(tokens: Token[]): { days: number[] } | { problem: 'bad_date' | 'bad_range' } {
  const days: number[] = [];
  let lastDay: number | null = null;
  let lastMonth: { year: number; month: number } | null = null;
  let rangeFrom: number | null = null;
  for (const tok of tokens) {
    if (tok.type === 'to') {
      if (lastDay !== null) rangeFrom = lastDay; // a dash before any date is punctuation
      continue;
    }
    let day: number | null;
    if (tok.type === 'date') {
      day = tok.day;
      lastMonth = { year: tok.year, month: tok.month };
    } else {
      // a bare '3日' ends a range in the month of its start ('1月1日至3日'); elsewhere ('〔2026〕3号') it is no date
      if (rangeFrom === null || lastMonth === null) continue;
      day = isoDay(lastMonth.year, lastMonth.month, tok.dayOfMonth);
    }
    if (day === null) return { problem: 'bad_date' };
    if (rangeFrom !== null) {
      if (day < rangeFrom || day - rangeFrom + 1 > MAX_RANGE_DAYS) return { problem: 'bad_range' };
      for (let d = rangeFrom + 1; d <= day; d++) days.push(d);
      rangeFrom = null;
    } else {
      days.push(day);
    }
    lastDay = day;
  }
  return { days };
}

function kindOf(clause: string): NoticeDayKind | null {
  // '放假调休' is a day off; '上班' anywhere in the clause makes it a make-up statement
  if (MAKEUP_WORDS.test(clause)) return 'makeup';
  if (HOLIDAY_WORDS.test(clause)) return 'holiday';
  return null;
}

/**
 * Reads a pasted notice. `year` is the year of dates written without one ('2月7日'); a full date
 * earlier in the text ('2027年1月1日') sets it for the dates after it.
 */
export function parseHolidayNotice(text: string, year: number): ParsedNotice {
  const holidays = new Set<string>();
  const makeupDays = new Set<string>();
  const problems: ParsedNotice['problems'] = [];
  const context = { year };
  const sentences = text.replace(BRACKETS, ' ').split(/[\n\r。；;]+/);
  for (const sentence of sentences) {
    let pending: { text: string; days: number[] }[] = [];
    for (const raw of sentence.split(/[，,]/)) {
      const clause = raw.trim();
      if (!clause) continue;
      const tokens = tokenize(clause, context);
      const kind = kindOf(clause);
      const hasDate = tokens.some((t) => t.type === 'date');
      if (!hasDate) {
        if (kind && pending.length) {
          for (const p of pending) for (const d of p.days) (kind === 'holiday' ? holidays : makeupDays).add(formatDayNumber(d));
          pending = [];
        }
        continue; // '共3天', a heading
      }
      const read = daysOf(tokens);
      if ('problem' in read) { problems.push({ text: clause, problem: read.problem }); continue; }
      if (!kind) { pending.push({ text: clause, days: read.days }); continue; }
      for (const p of [...pending, { text: clause, days: read.days }]) {
        for (const d of p.days) (kind === 'holiday' ? holidays : makeupDays).add(formatDayNumber(d));
      }
      pending = [];
    }
    for (const p of pending) problems.push({ text: p.text, problem: 'no_kind' });
  }
  const conflicts = [...holidays].filter((d) => makeupDays.has(d)).sort();
  return { holidays: [...holidays].sort(), makeupDays: [...makeupDays].sort(), problems, conflicts };
}

/**
 * The calendar's field messages in the reader's language. The server (and the same zod schema
 * run here before sending) says them in English with the dates in them; the known ones are said
 * again from the area's messages with those dates, anything else is shown as sent.
 */
type Translate = (key: string, params?: Record<string, string | number>) => string;

const KNOWN: ReadonlyArray<[RegExp, string]> = [
  [/^not dates: (.*)$/, 'calendar.err.notDates'],
  [/^not in (\d{4}): (.*)$/, 'calendar.err.notInYear'],
  [/^both a holiday and a make-up day: (.*)$/, 'calendar.err.both'],
  [/^(\S+) is listed both as a holiday and as a make-up working day$/, 'calendar.err.both'],
  [/^already working days by business hours: (.*)$/, 'calendar.err.makeupOnWorkday'],
  [/^(\S+) is already a working day by weeklyHours/, 'calendar.err.makeupOnWorkday'],
  [/^make-up working days use the hours of weekday/, 'calendar.err.makeupHoursNone'],
  [/^interval (\S+): start must be before end$/, 'calendar.err.startBeforeEnd'],
  [/^interval (\S+) overlaps/, 'calendar.err.overlap'],
  [/^expected a time of day/, 'calendar.err.time'],
  [/^at least one weekday needs working hours$/, 'calendar.err.noHours'],
  [/^required$/, 'calendar.err.required'],
];

export function calendarMessage(msg: string, t: Translate): string {
  for (const [re, key] of KNOWN) {
    const m = re.exec(msg);
    if (!m) continue;
    const list = m[m.length - 1] ?? '';
    return t(key, { list, year: m[1] ?? '' });
  }
  return msg;
}

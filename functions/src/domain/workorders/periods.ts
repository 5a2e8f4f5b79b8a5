/** Weeks and months as the organisation counts them (Asia/Shanghai, UTC+8, no DST). No Firebase. */
const OFFSET_MS = 8 * 3600_000;
const DAY = 86_400_000;

/** YYYY-MM-DD of the Shanghai date of an instant. */
export function shanghaiDate(at: Date): string {
  return new Date(at.getTime() + OFFSET_MS).toISOString().slice(0, 10);
}

/** Midnight (Shanghai) starting a YYYY-MM-DD date, as an instant. */
export function startOfShanghaiDate(date: string): Date {
  return new Date(Date.parse(`${date}T00:00:00Z`) - OFFSET_MS);
}

/** Monday (Shanghai) of the week that contains `at`, as YYYY-MM-DD. */
export function weekOf(at: Date): string {
  const local = new Date(at.getTime() + OFFSET_MS);
  const dow = (local.getUTCDay() + 6) % 7; // Monday = 0
  return new Date(local.getTime() - dow * DAY).toISOString().slice(0, 10);
}

/** Monday of the week before the one containing `at`: the week the Monday sample draws from. */
export function previousWeek(at: Date): string {
  return weekOf(new Date(startOfShanghaiDate(weekOf(at)).getTime() - DAY));
}

/** YYYY-MM (Shanghai) of an instant. */
export function monthOf(at: Date): string {
  return shanghaiDate(at).slice(0, 7);
}

/** First instant of the month after `month` (YYYY-MM), Shanghai: when the month is over. */
export function endOfMonth(month: string): Date {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 1) - OFFSET_MS);
}

/** Has `month` ended at `now`? A statement is drawn only for a month that is over. */
export function monthIsOver(month: string, now: Date): boolean {
  return now.getTime() >= endOfMonth(month).getTime();
}

/** Instants are shown in the organisation's time zone, Asia/Shanghai, in the UI language. */
import { locale, t } from './i18n';

export const TIME_ZONE = 'Asia/Shanghai';
const cache = new Map<string, Intl.DateTimeFormat>();

function dateTimeFormat(): Intl.DateTimeFormat {
  const loc = locale();
  let f = cache.get(loc);
  if (!f) {
    f = new Intl.DateTimeFormat(loc, {
      timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit',
      hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
    });
    cache.set(loc, f);
  }
  return f;
}

export function formatInstant(iso: string | null | undefined): string {
  if (!iso) return t('none');
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : dateTimeFormat().format(d);
}

export function formatDuration(ms: number): string {
  const totalMinutes = Math.floor(Math.abs(ms) / 60_000);
  if (totalMinutes < 1) return t('lessThanMinute');
  const days = Math.floor(totalMinutes / 1440);
  const hours = Math.floor((totalMinutes % 1440) / 60);
  const minutes = totalMinutes % 60;
  const parts: string[] = [];
  if (days > 0) parts.push(t('days', { n: days }));
  if (hours > 0) parts.push(t('hours', { n: hours }));
  if (days === 0 && minutes > 0) parts.push(t('minutes', { n: minutes }));
  return parts.join(locale() === 'en' ? ' ' : '');
}

export interface TimeLeft {
  text: string;
  overdue: boolean;
}

export function timeLeft(dueIso: string | null, now: number = Date.now()): TimeLeft | null {
  if (!dueIso) return null;
  const due = new Date(dueIso).getTime();
  if (Number.isNaN(due)) return null;
  const ms = due - now;
  return ms >= 0
    ? { text: t('timeLeft', { d: formatDuration(ms) }), overdue: false }
    : { text: t('overdueBy', { d: formatDuration(ms) }), overdue: true };
}

export function formatAmount(amount: number | null): string {
  if (amount === null) return t('none');
  return new Intl.NumberFormat(locale(), { style: 'currency', currency: 'CNY' }).format(amount);
}

/** Working time left (server-computed, organisation calendar): hours and minutes of working time. */
export function workingTimeLeft(ms: number | null): TimeLeft | null {
  if (ms === null) return null;
  const minutes = Math.floor(Math.abs(ms) / 60_000);
  const parts: string[] = [];
  if (minutes >= 60) parts.push(t('hours', { n: Math.floor(minutes / 60) }));
  if (minutes % 60 > 0 || minutes === 0) parts.push(t('minutes', { n: minutes % 60 }));
  const d = parts.join(locale() === 'en' ? ' ' : '');
  return ms >= 0 ? { text: t('timeLeft', { d }), overdue: false } : { text: t('overdueBy', { d }), overdue: true };
}

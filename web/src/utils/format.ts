/** Instants, durations and amounts in the organisation's time zone (Asia/Shanghai), in the UI language. */
import { locale, t } from '../locales';

export const TIME_ZONE = 'Asia/Shanghai';
const cache = new Map<string, Intl.DateTimeFormat>();

function dateTimeFormat(dateOnly: boolean): Intl.DateTimeFormat {
  const key = `${locale.value}:${dateOnly}`;
  let f = cache.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale.value, {
      timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit',
      ...(dateOnly ? {} : { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' as const }),
    });
    cache.set(key, f);
  }
  return f;
}

export function formatInstant(iso: string | null | undefined): string {
  if (!iso) return t('none');
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : dateTimeFormat(false).format(d);
}

export function formatDate(iso: string | null | undefined): string {
  if (!iso) return t('none');
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : dateTimeFormat(true).format(d);
}

/** Working time as hours and minutes (a working day is not 24 h, so no days). */
export function formatWorkingDuration(ms: number): string {
  const minutes = Math.floor(Math.abs(ms) / 60_000);
  if (minutes < 1) return t('lessThanMinute');
  const parts: string[] = [];
  if (minutes >= 60) parts.push(t('hours', { n: Math.floor(minutes / 60) }));
  if (minutes % 60 > 0) parts.push(t('minutes', { n: minutes % 60 }));
  return parts.join(locale.value === 'en' ? ' ' : '');
}

export function formatAmount(amount: number | null | undefined): string {
  if (amount === null || amount === undefined) return t('none');
  return new Intl.NumberFormat(locale.value, { style: 'currency', currency: 'CNY' }).format(amount);
}

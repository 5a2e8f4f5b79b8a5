/** A stratum key 'format|zone|marketType' (domain/surveys/strata.ts) in words. */
import { MARKET_LABELS, ZONE_LABELS } from '../../../../functions/src/domain/clients/vocabulary';
import { labelOf } from '../../locales';

export function stratumText(key: string): string {
  const [format, zone, market] = key.split('|');
  const part = (v: string | undefined, labels: Readonly<Record<string, { 'zh-CN': string; en: string }>>): string =>
    !v || v === 'unknown' ? '—' : Object.prototype.hasOwnProperty.call(labels, v) ? labelOf(labels, v) : v;
  return [format && format !== 'unknown' ? format : '—', part(zone, ZONE_LABELS), part(market, MARKET_LABELS)].join(' · ');
}

export const pct = (x: number | null | undefined): string => (x === null || x === undefined ? '—' : `${Math.round(x * 1000) / 10}%`);

/**
 * vue-i18n set-up: zh-CN by default, English second; the choice is remembered in localStorage.
 * `label()` renders the domain's `Label` objects ({ 'zh-CN', en }) in the current language.
 */
import { computed } from 'vue';
import { createI18n } from 'vue-i18n';
import { LOCALES, type Label, type Locale } from '../../../functions/src/domain/vocabulary';
import { AREAS } from '../areas';
import en from './en';
import zhCN, { type MessageKey, type Messages } from './zh-CN';

export type { MessageKey };
const STORAGE_KEY = 'huixiang.locale';

function isLocale(v: unknown): v is Locale {
  return typeof v === 'string' && (LOCALES as readonly string[]).includes(v);
}

function initialLocale(): Locale {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    if (isLocale(stored)) return stored;
  } catch {
    // storage unavailable (privacy mode): the default
  }
  return 'zh-CN';
}

export const i18n = createI18n<[Messages], Locale, false>({
  legacy: false,
  locale: initialLocale(),
  fallbackLocale: 'zh-CN',
  messages: { 'zh-CN': zhCN, en },
});
// Each area's messages live under its id: t('clients.title').
for (const area of AREAS) {
  for (const l of LOCALES) {
    const own = area.messages?.[l];
    if (own && Object.keys(own).length > 0) i18n.global.mergeLocaleMessage(l, { [area.id]: own } as unknown as Messages);
  }
}
document.documentElement.lang = i18n.global.locale.value;

export const locale = computed<Locale>(() => i18n.global.locale.value);

export function setLocale(next: Locale): void {
  i18n.global.locale.value = next;
  document.documentElement.lang = next;
  try {
    localStorage.setItem(STORAGE_KEY, next);
  } catch {
    // not remembered; still switched for this session
  }
}

export function toggleLocale(): void {
  setLocale(locale.value === 'zh-CN' ? 'en' : 'zh-CN');
}

/** A UI string outside components (composables, utils), with `{name}` parameters. */
export function t(key: MessageKey, params: Record<string, string | number> = {}): string {
  return i18n.global.t(key, params);
}

export function hasMessage(key: string): key is MessageKey {
  return Object.prototype.hasOwnProperty.call(zhCN, key);
}

/** A `Label` in the current language; a plain string (older payloads) as it is. */
export function label(l: Label | string | null | undefined): string {
  if (l === null || l === undefined || l === '') return t('none');
  if (typeof l === 'string') return l;
  return l[locale.value] || l['zh-CN'];
}

/** A domain label from vocabulary.ts by key, in the current language; the raw key if unknown. */
export function labelOf<K extends string>(labels: Readonly<Record<K, Label>>, key: K | string | null | undefined): string {
  if (key === null || key === undefined || key === '') return t('none');
  const entry = (labels as Readonly<Record<string, Label | undefined>>)[key];
  return entry ? entry[locale.value] : key;
}

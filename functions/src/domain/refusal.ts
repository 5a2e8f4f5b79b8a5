/**
 * Refusals people can read in their own language. A callable that says no sends a stable
 * `reason` code and its `params` (never prose only); the web client looks the code up in the
 * catalogues and renders it in the reader's language. Each area keeps its own catalogue beside
 * its logic (`domain/<area>/refusals.ts`); this kernel holds the mechanism and the refusals
 * every area shares. No Firebase import.
 *
 * Wire format (HttpsError.details): `{ reason: 'area.snake_code', params: {…}, fields?: {…} }`;
 * the HttpsError message is the English rendering, for logs and API users.
 */
import type { Label, Locale } from './vocabulary';

export type RefusalParams = Readonly<Record<string, string | number>>;

/** code → text in both languages; `{name}` placeholders are filled from params. */
export type Catalogue = Readonly<Record<string, Label>>;

export interface Refusal {
  reason: string;
  params: RefusalParams;
}

/** Fills `{name}` placeholders; an unknown placeholder stays visible rather than vanishing. */
export function renderTemplate(template: string, params: RefusalParams): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) =>
    Object.prototype.hasOwnProperty.call(params, key) ? String(params[key]) : whole,
  );
}

/** The refusal in the reader's language, or null when no catalogue knows the code. */
export function refusalText(catalogues: readonly Catalogue[], refusal: Refusal, locale: Locale): string | null {
  for (const catalogue of catalogues) {
    const label = Object.prototype.hasOwnProperty.call(catalogue, refusal.reason) ? catalogue[refusal.reason] : undefined;
    if (label) return renderTemplate(label[locale], refusal.params);
  }
  return null;
}

/** Refusals every area shares (sign-in, roles, validation, missing documents). */
export const COMMON_REFUSALS = {
  'auth.sign_in': { 'zh-CN': '请先登录', en: 'Sign in first' },
  'auth.no_role': { 'zh-CN': '您的账号尚未分配角色，请联系管理员', en: 'Your account has no role yet: ask an administrator to set one' },
  'auth.no_staff_record': { 'zh-CN': '此账号没有员工档案', en: 'No staff record for this account' },
  'auth.disabled': { 'zh-CN': '此账号已停用', en: 'This account is disabled' },
  'auth.claims_stale': { 'zh-CN': '您的权限已变更，请重新登录', en: 'Your rights changed: sign in again' },
  'input.invalid': { 'zh-CN': '输入有误：{fields}', en: 'Invalid input — {fields}' },
  'doc.not_found': { 'zh-CN': '{what} {id} 不存在', en: '{what} {id} does not exist' },
  // The rule is English prose: only the English text shows it (`_en`: one language's parameter).
  'auth.not_allowed': { 'zh-CN': '您无权执行此操作', en: 'Not allowed: {rule_en}' },
} as const satisfies Catalogue;

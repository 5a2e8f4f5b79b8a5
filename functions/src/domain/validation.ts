import { z } from 'zod';

/** Field path → message, e.g. `{ "reporter.email": "Invalid email address" }`. */
export type FieldErrors = Record<string, string>;

/** Turns a zod error into field-level messages a person can act on. */
export function fieldErrors(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const path = issue.path.length ? issue.path.map(String).join('.') : '(root)';
    out[path] ??= issue.message;
  }
  return out;
}

export function formatFieldErrors(errors: FieldErrors): string {
  return Object.entries(errors)
    .map(([field, message]) => `${field}: ${message}`)
    .join('; ');
}

/**
 * A Firestore document id as callables accept it: no `/` (it would address another path), not
 * `.`/`..`, not `__…__` (reserved), at most 128 characters. Bad ids are `invalid-argument`, never
 * an `internal` error from the SDK.
 */
export const DocId = z
  .string()
  .trim()
  .min(1, 'required')
  .max(128, 'at most 128 characters')
  .refine((s) => !s.includes('/'), 'an id cannot contain "/"')
  .refine((s) => s !== '.' && s !== '..' && !/^__.*__$/.test(s), 'not a valid id');

/** Keys that would touch an object's prototype if merged; refused anywhere in a request. */
export const FORBIDDEN_KEYS: readonly string[] = ['__proto__', 'constructor', 'prototype'];

/**
 * Own keys of the raw request (before any schema: zod drops `__proto__` silently) that are
 * forbidden, as field paths: `{ "reporter.__proto__": "forbidden key" }`. Depth-limited.
 */
export function forbiddenKeyErrors(value: unknown): FieldErrors {
  const found: Array<[string, string]> = [];
  collectForbidden(value, [], 0, found);
  // fromEntries defines own properties: `out['__proto__'] = …` would set a prototype instead.
  return Object.fromEntries(found);
}

function collectForbidden(value: unknown, path: readonly string[], depth: number, found: Array<[string, string]>): void {
  if (value === null || typeof value !== 'object' || depth > 20) return;
  // A decoder that assigns `obj[key] = …` turns a `__proto__` key into the object's prototype:
  // request data is plain JSON, so any other prototype is that key in disguise.
  const proto: unknown = Object.getPrototypeOf(value);
  if (!Array.isArray(value) && proto !== Object.prototype && proto !== null) found.push([[...path, '__proto__'].join('.'), 'forbidden key "__proto__"']);
  for (const key of Object.getOwnPropertyNames(value)) {
    const here = [...path, key];
    if (FORBIDDEN_KEYS.includes(key)) found.push([here.join('.'), `forbidden key "${key}"`]);
    else collectForbidden((value as Record<string, unknown>)[key], here, depth + 1, found);
  }
}

/** Chinese mobile (1[3-9] + 9 digits, optional +86) or landline (0 + area code, 7–8 digits, optional extension); 400/800 service numbers. */
export const CN_PHONE = /^(?:(?:\+?86[- ]?)?1[3-9]\d{9}|0\d{2,3}[- ]?\d{7,8}(?:[- ]?(?:转|ext\.?|#)?\d{1,6})?|[48]00[- ]?\d{3}[- ]?\d{4})$/;

export function isChinesePhone(phone: string): boolean {
  return CN_PHONE.test(phone.trim());
}

/** Instants a person may type: after 2000, before 2100 (a typo such as 20255 is refused, not stored). */
export const SANE_INSTANT_MIN = Date.UTC(2000, 0, 1);
export const SANE_INSTANT_MAX = Date.UTC(2100, 0, 1);
export function isSaneInstant(d: Date): boolean {
  const t = d.getTime();
  return Number.isFinite(t) && t >= SANE_INSTANT_MIN && t < SANE_INSTANT_MAX;
}

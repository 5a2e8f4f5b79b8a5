/** Field-by-field difference of two JSON documents, by dotted path, for the audit log. No Firebase import. */

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** `{ 'rules.2.to': { from: 'quality', to: 'business' } }`; absent and undefined count as null. */
export function deepDiff(before: unknown, after: unknown, path = ''): Record<string, { from: Json; to: Json }> {
  if (isObject(before) && isObject(after)) {
    const out: Record<string, { from: Json; to: Json }> = {};
    for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
      Object.assign(out, deepDiff(before[key], after[key], path ? `${path}.${key}` : key));
    }
    return out;
  }
  if (Array.isArray(before) && Array.isArray(after)) {
    const out: Record<string, { from: Json; to: Json }> = {};
    for (let i = 0; i < Math.max(before.length, after.length); i++) Object.assign(out, deepDiff(before[i], after[i], `${path}.${i}`));
    return out;
  }
  const from = (before ?? null) as Json;
  const to = (after ?? null) as Json;
  return JSON.stringify(from) === JSON.stringify(to) ? {} : { [path || '(root)']: { from, to } };
}

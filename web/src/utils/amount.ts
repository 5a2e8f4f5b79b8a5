/**
 * Amounts as people type them: "1,000", "１，０００．５０" (full-width, from a Chinese IME),
 * "¥1 000", "1000元". Normalised to a plain decimal before the shared schema validates it; what
 * cannot be read as one number is refused with the reason, never guessed.
 */
export type AmountResult = { ok: true; value: number | null } | { ok: false; reason: 'format' };

/** Full-width ASCII (U+FF01–U+FF5E) to half-width; the ideographic space to a space. */
export function toHalfWidth(s: string): string {
  return s.replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');
}

export function parseAmount(raw: string): AmountResult {
  let s = toHalfWidth(raw).trim();
  if (s === '') return { ok: true, value: null };
  s = s.replace(/^[¥￥]\s*/, '').replace(/\s*元$/, '').replace(/、/g, ',');
  // thousands separators: commas or spaces between groups of three digits only
  if (!/^\d{1,3}([, ]\d{3})*(\.\d+)?$|^\d+(\.\d+)?$/.test(s)) return { ok: false, reason: 'format' };
  const n = Number(s.replace(/[, ]/g, ''));
  return Number.isFinite(n) ? { ok: true, value: n } : { ok: false, reason: 'format' };
}

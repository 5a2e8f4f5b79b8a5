/**
 * Pasted text over a field's limit is refused with the count, never cut: the browser's own
 * `maxlength` would silently drop the tail of a pasted complaint. Returns the would-be length
 * when the paste was refused, null when it went through.
 */
export function refuseLongPaste(ev: ClipboardEvent, max: number): number | null {
  const el = ev.target;
  if (!(el instanceof HTMLInputElement) && !(el instanceof HTMLTextAreaElement)) return null;
  const text = ev.clipboardData?.getData('text') ?? '';
  const selected = (el.selectionEnd ?? 0) - (el.selectionStart ?? 0);
  const n = el.value.length - selected + text.length;
  if (n <= max) return null;
  ev.preventDefault();
  return n;
}

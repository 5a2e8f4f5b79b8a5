/**
 * The refusal catalogues the web client renders (web/src/locales/refusals.ts): every code reads
 * in both languages with the same placeholders, so no reader sees a raw "{param}" or English
 * where Chinese was due.
 */
import { refusalText } from '../../functions/src/domain/refusal';
import { REFUSAL_CATALOGUES } from '../../web/src/locales/refusals';

/**
 * Placeholder names. `{state_zh}` / `{state_en}` are one parameter given in each language
 * (lifecycle catalogue); a `_en` parameter without its `_zh` twin is English prose the Chinese
 * text leaves out on purpose, and is not compared.
 */
const placeholders = (s: string): string[] => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '').sort();
function comparable(zh: string, en: string): [string[], string[]] {
  const z = placeholders(zh);
  const e = placeholders(en).filter((p) => !(p.endsWith('_en') && !z.includes(p.replace(/_en$/, '_zh'))));
  const base = (ps: string[]) => ps.map((p) => p.replace(/_(zh|en)$/, '')).sort();
  return [base(z), base(e)];
}

describe('refusal catalogues of the web client', () => {
  const entries = REFUSAL_CATALOGUES.flatMap((c) => Object.entries(c));

  test('the client knows at least the shared refusals', () => {
    expect(entries.map(([code]) => code)).toEqual(expect.arrayContaining(['auth.disabled', 'input.invalid', 'doc.not_found']));
  });

  test.each(entries)('%s has text in both languages with the same placeholders', (_code, label) => {
    expect(label['zh-CN'].trim()).not.toBe('');
    expect(label.en.trim()).not.toBe('');
    const [zh, en] = comparable(label['zh-CN'], label.en);
    expect(zh).toEqual(en);
  });

  test('a refusal renders with its params in the reader’s language', () => {
    const refusal = { reason: 'doc.not_found', params: { what: '工单', id: 'HX-20261123-0001' } };
    expect(refusalText(REFUSAL_CATALOGUES, refusal, 'zh-CN')).toBe('工单 HX-20261123-0001 不存在');
    expect(refusalText(REFUSAL_CATALOGUES, { reason: 'nobody.knows', params: {} }, 'en')).toBeNull();
  });
});

/** The web API's refusal catalogues: codes of their area, both languages, the same placeholders. */
import { CONFIG_REFUSALS } from '../../src/domain/config-admin/refusals';
import { COMMON_REFUSALS, refusalText } from '../../src/domain/refusal';
import { TICKETS_REFUSALS } from '../../src/domain/tickets/refusals';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

test.each([['tickets', TICKETS_REFUSALS], ['config', CONFIG_REFUSALS]] as const)('%s refusals: own prefix, both languages, same placeholders', (area, catalogue) => {
  for (const [code, label] of Object.entries(catalogue)) {
    expect(code.startsWith(`${area}.`)).toBe(true);
    expect(label['zh-CN'].trim()).not.toBe('');
    expect(label.en.trim()).not.toBe('');
    expect(placeholders(label['zh-CN'])).toEqual(placeholders(label.en));
  }
});

test('a refusal renders in the reader\'s language from code and params', () => {
  const r = { reason: 'tickets.number_not_found', params: { number: 'HX-20251117-0001' } };
  const all = [COMMON_REFUSALS, TICKETS_REFUSALS, CONFIG_REFUSALS];
  expect(refusalText(all, r, 'zh-CN')).toBe('找不到编号为 HX-20251117-0001 的工单，或您无权查看');
  expect(refusalText(all, r, 'en')).toBe('No ticket HX-20251117-0001, or you may not see it');
  expect(refusalText(all, { reason: 'auth.not_allowed', params: { rule_en: 'x' } }, 'zh-CN')).toBe('您无权执行此操作');
  expect(refusalText(all, { reason: 'auth.not_allowed', params: { rule_en: 'x' } }, 'en')).toBe('Not allowed: x');
});

import { COMMON_REFUSALS, refusalText } from '../../src/domain/refusal';
import { WORKORDERS_REFUSALS } from '../../src/domain/workorders/refusals';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

test('every work-order refusal has both languages with the same placeholders, under the area prefix', () => {
  for (const [code, label] of Object.entries(WORKORDERS_REFUSALS)) {
    expect(code).toMatch(/^workorders\.[a-z_]+$/);
    expect(label['zh-CN'].length).toBeGreaterThan(0);
    expect({ code, zh: placeholders(label['zh-CN']) }).toEqual({ code, zh: placeholders(label.en) });
  }
  expect(Object.keys(WORKORDERS_REFUSALS).filter((k) => k in COMMON_REFUSALS)).toEqual([]);
});

test('the web can render a refusal the callables send', () => {
  const r = { reason: 'workorders.month_not_over', params: { month: '2025-10', end: '2025-11-01' } };
  expect(refusalText([COMMON_REFUSALS, WORKORDERS_REFUSALS], r, 'zh-CN')).toBe('2025-10 尚未结束（2025-11-01 结束），不能出对账单');
  expect(refusalText([COMMON_REFUSALS, WORKORDERS_REFUSALS], r, 'en')).toBe('2025-10 is not over (it ends 2025-11-01): no statement yet');
});

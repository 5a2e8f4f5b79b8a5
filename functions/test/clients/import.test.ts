import { checkPurchases, importedClientId, parseAmount, parseMonth } from '../../src/domain/clients/import';

test('cells: amounts with separators, months in the usual spellings', () => {
  expect(parseAmount('18,600.50')).toBe(18600.5);
  expect(parseAmount('-3')).toBeNull();
  expect(parseAmount('十')).toBeNull();
  expect(['2026-07', '2026/7', '202607', '2026年7月'].map(parseMonth)).toEqual(['2026-07', '2026-07', '2026-07', '2026-07']);
  expect(parseMonth('2026-13')).toBeNull();
  expect(importedClientId('CZ1-001')).toBe('cl-CZ1-001');
  expect(importedClientId('A/B')).not.toContain('/');
});

test('a purchase file: blank lines skipped, row numbers as the spreadsheet shows them', () => {
  const grid = [['客户编码', '月份', '购进数量(条)', '购进金额(元)'], ['K1', '2026-07', '1', '2'], ['', '', '', ''], ['K2', '2026-07', 'x', '2']];
  const r = checkPurchases(grid, { clientIdByCode: new Map([['K1', 'c1'], ['K2', 'c2']]), currentMonth: '2026-11' });
  expect(r.rows).toEqual([{ row: 2, clientId: 'c1', clientCode: 'K1', month: '2026-07', qty: 1, amount: 2 }]);
  expect(r.errors.map((e) => [e.row, e.column])).toEqual([[4, '购进数量(条)']]);
  expect(checkPurchases([], { clientIdByCode: new Map(), currentMonth: '2026-11' }).errors[0]!.reason.en).toBe('the file is empty');
});

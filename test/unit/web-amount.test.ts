/** Amounts as an intake agent types them (web/src/utils/amount.ts): normalised, or refused, never guessed. */
import { parseAmount, toHalfWidth } from '../../web/src/utils/amount';

describe('parseAmount', () => {
  test.each([
    ['1000', 1000],
    ['1,000', 1000],
    ['1,000.50', 1000.5],
    ['１，０００', 1000],
    ['１０００．５', 1000.5],
    ['¥2,600', 2600],
    ['￥2600元', 2600],
    ['  300 ', 300],
    ['1 000 000', 1_000_000],
  ])('%s is %d yuan', (raw, value) => {
    expect(parseAmount(raw)).toEqual({ ok: true, value });
  });

  test('empty means no amount', () => {
    expect(parseAmount('   ')).toEqual({ ok: true, value: null });
  });

  test.each(['1,00', '12,34,567', '1.000,50', 'abc', '1e5', '-5', '5-', '1..2', '壹仟'])('%s is refused, not guessed', (raw) => {
    expect(parseAmount(raw)).toEqual({ ok: false, reason: 'format' });
  });

  test('full-width ASCII becomes half-width', () => {
    expect(toHalfWidth('ＡＢＣ１２３　！')).toBe('ABC123 !');
  });
});

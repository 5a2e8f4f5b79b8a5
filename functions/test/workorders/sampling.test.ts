import fc from 'fast-check';
import { monthIsOver, previousWeek, weekOf } from '../../src/domain/workorders/periods';
import { drawSample, sampleSeed, sampleSize } from '../../src/domain/workorders/sampling';
import { at } from './helpers';

const ids = fc.uniqueArray(fc.string({ minLength: 1, maxLength: 12 }), { minLength: 0, maxLength: 300 });

test('property: the sample is ≥ 20 % and at least one, drawn from the population without repeats', () => {
  fc.assert(fc.property(ids, fc.integer({ min: 0, max: 0x7fffffff }), (population, seed) => {
    const s = drawSample(population, seed);
    if (population.length === 0) return expect(s).toEqual([]);
    expect(s.length).toBeGreaterThanOrEqual(1);
    expect(s.length).toBeGreaterThanOrEqual(0.2 * population.length);
    expect(s.length).toBeLessThan(0.2 * population.length + 1);
    expect(new Set(s).size).toBe(s.length);
    for (const id of s) expect(population).toContain(id);
  }), { numRuns: 300 });
});

test('property: reproducible — the same seed and population give the same sample, in whatever order the orders come', () => {
  fc.assert(fc.property(ids, fc.integer({ min: 0, max: 0x7fffffff }), (population, seed) => {
    expect(drawSample([...population].reverse(), seed)).toEqual(drawSample(population, seed));
  }), { numRuns: 200 });
});

test('the seed comes from the office and the week; other weeks draw other orders', () => {
  expect(sampleSeed('br-city', '2025-10-13')).toBe(sampleSeed('br-city', '2025-10-13'));
  expect(sampleSeed('br-city', '2025-10-13')).not.toBe(sampleSeed('br-city', '2025-10-20'));
  const population = Array.from({ length: 100 }, (_, i) => `o${i}`);
  expect(drawSample(population, sampleSeed('br-city', '2025-10-13'))).not.toEqual(drawSample(population, sampleSeed('br-city', '2025-10-20')));
  expect([sampleSize(1), sampleSize(5), sampleSize(6), sampleSize(10_000)]).toEqual([1, 1, 2, 2000]);
});

test('weeks start on Monday in Shanghai; a month is over at its last midnight', () => {
  expect(weekOf(at('2025-10-19 23:59'))).toBe('2025-10-13'); // Sunday night
  expect(weekOf(at('2025-10-20 00:00'))).toBe('2025-10-20');
  expect(previousWeek(at('2025-10-20 06:00'))).toBe('2025-10-13');
  expect(previousWeek(at('2026-01-05 06:00'))).toBe('2025-12-29');
  expect(monthIsOver('2025-10', at('2025-10-31 23:59'))).toBe(false);
  expect(monthIsOver('2025-10', at('2025-11-01 00:00'))).toBe(true);
});

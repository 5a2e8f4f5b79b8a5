import fc from 'fast-check';
import {
  classify, combinedCode, monthsOfQuarter, planClassification, previousQuarter, quarterOfMonth, tierOf, type PurchaseTotal,
} from '../../src/domain/clients/classification';
import { DEFAULT_CLIENT_RULES } from '../../src/domain/clients/schemas';

const client = (id: string, qty: number, amount: number, format = 'Z'): PurchaseTotal => ({ clientId: id, format, qty, amount });
const scales = (list: PurchaseTotal[]) => Object.fromEntries(classify(list).map((r) => [r.clientId, r.scale]));

describe('scale by score within a format', () => {
  test('ten clients: top two are 1, bottom two are 3, the six between are 2', () => {
    const list = Array.from({ length: 10 }, (_, i) => client(`c${i}`, 100 - i * 10, 1000 - i * 100));
    expect(scales(list)).toEqual({ c0: 1, c1: 1, c2: 2, c3: 2, c4: 2, c5: 2, c6: 2, c7: 2, c8: 3, c9: 3 });
  });

  test('the score averages the shares of quantity and of amount', () => {
    const [a, b] = classify([client('a', 30, 100), client('b', 10, 300)]);
    expect(a!.score).toBeCloseTo((30 / 40 + 100 / 400) / 2);
    expect(b!.score).toBeCloseTo((10 / 40 + 300 / 400) / 2);
  });

  test('formats are ranked separately', () => {
    const list = [
      ...Array.from({ length: 5 }, (_, i) => client(`z${i}`, 10 + i, 10 + i, 'Z')),
      ...Array.from({ length: 5 }, (_, i) => client(`s${i}`, 1000 + i, 1000 + i, 'S')),
    ];
    const s = scales(list);
    expect(s.z4).toBe(1); // the biggest grocery is large among groceries, though tiny beside supermarkets
    expect(s.s0).toBe(3);
  });

  test('ties straddling the 20 % line fall to the middle scale', () => {
    // 10 clients, quota 2: c0 alone on top, then c1 and c2 tied for places 2–3.
    const list = [client('c0', 100, 100), client('c1', 50, 50), client('c2', 50, 50),
      ...Array.from({ length: 7 }, (_, i) => client(`d${i}`, 10 - i, 10 - i))];
    const s = scales(list);
    expect(s.c0).toBe(1);
    expect(s.c1).toBe(2);
    expect(s.c2).toBe(2);
  });

  test('a tie inside the top 20 % shares scale 1', () => {
    const list = [client('c0', 100, 100), client('c1', 100, 100),
      ...Array.from({ length: 8 }, (_, i) => client(`d${i}`, 10 - i, 10 - i))];
    expect(scales(list)).toMatchObject({ c0: 1, c1: 1 });
  });

  test('everyone equal (or no purchases at all) → all scale 2', () => {
    expect(new Set(Object.values(scales(Array.from({ length: 8 }, (_, i) => client(`c${i}`, 5, 5)))))).toEqual(new Set([2]));
    expect(new Set(Object.values(scales(Array.from({ length: 8 }, (_, i) => client(`c${i}`, 0, 0)))))).toEqual(new Set([2]));
  });

  test.each([1, 2, 3, 4])('a format with %i client(s) (fewer than five) puts everyone in scale 2', (n) => {
    const list = Array.from({ length: n }, (_, i) => client(`c${i}`, 100 * (i + 1), 50 * (i + 1)));
    expect(new Set(Object.values(scales(list)))).toEqual(new Set([2]));
  });

  test('five clients: one large, three middle, one small', () => {
    const s = scales(Array.from({ length: 5 }, (_, i) => client(`c${i}`, 50 - i, 50 - i)));
    expect(s).toEqual({ c0: 1, c1: 2, c2: 2, c3: 2, c4: 3 });
  });
});

describe('properties', () => {
  const arb = fc.array(fc.record({ qty: fc.integer({ min: 0, max: 50 }), amount: fc.integer({ min: 0, max: 50 }), format: fc.constantFrom('Z', 'S', 'B') }), { maxLength: 80 });
  const build = (rows: Array<{ qty: number; amount: number; format: string }>) => rows.map((r, i) => client(`c${i}`, r.qty, r.amount, r.format));

  test('equal scores always get the same scale; higher scores never a worse scale', () => {
    fc.assert(fc.property(arb, (rows) => {
      const ranked = classify(build(rows));
      for (const a of ranked) for (const b of ranked) {
        if (a.format !== b.format) continue;
        if (a.score === b.score) expect(a.scale).toBe(b.scale);
        if (a.score > b.score) expect(a.scale).toBeLessThanOrEqual(b.scale);
      }
    }));
  });

  test('scale 1 and scale 3 each hold at most ⌊n/5⌋ clients of a format; every client is ranked once', () => {
    fc.assert(fc.property(arb, (rows) => {
      const ranked = classify(build(rows));
      expect(ranked).toHaveLength(rows.length);
      for (const f of ['Z', 'S', 'B']) {
        const mine = ranked.filter((r) => r.format === f);
        const q = Math.floor(mine.length / 5);
        expect(mine.filter((r) => r.scale === 1).length).toBeLessThanOrEqual(q);
        expect(mine.filter((r) => r.scale === 3).length).toBeLessThanOrEqual(q);
      }
    }));
  });

  test('with distinct scores the split is exactly ⌊n/5⌋ / rest / ⌊n/5⌋', () => {
    fc.assert(fc.property(fc.uniqueArray(fc.integer({ min: 1, max: 10_000 }), { maxLength: 60 }), (qtys) => {
      const ranked = classify(qtys.map((q, i) => client(`c${i}`, q, q)));
      const q = Math.floor(qtys.length / 5);
      expect(ranked.filter((r) => r.scale === 1)).toHaveLength(q);
      expect(ranked.filter((r) => r.scale === 3)).toHaveLength(q);
      expect(ranked.filter((r) => r.scale === 2)).toHaveLength(qtys.length - 2 * q);
    }));
  });
});

describe('codes, tiers, quarters', () => {
  test('combined code market + format + scale', () => expect(combinedCode('C', 'Z', 1)).toBe('CZ1'));
  test('tier by the configured rule', () => {
    expect([1, 2, 3].map((s) => tierOf(s as 1 | 2 | 3, DEFAULT_CLIENT_RULES))).toEqual(['A', 'B', 'C']);
    expect(tierOf(2, { tierByScale: { '1': 'A', '2': 'A', '3': 'C' } })).toBe('A');
  });
  test('quarters', () => {
    expect(quarterOfMonth('2026-08')).toBe('2026-Q3');
    expect(monthsOfQuarter('2026-Q4')).toEqual(['2026-10', '2026-11', '2026-12']);
    expect(previousQuarter('2027-01')).toBe('2026-Q4');
    expect(previousQuarter('2026-07')).toBe('2026-Q2');
  });
  test('plan keeps a manual tier override and records why', () => {
    const base = { format: 'Z', marketType: 'C', scale: 2 as const, tier: 'B' as const, combinedCode: 'CZ2', computedTier: 'B' as const };
    const clients = Array.from({ length: 5 }, (_, i) => ({ ...base, id: `c${i}`, tierOverride: i === 0 ? { tier: 'C' as const } : null }));
    const purchases = new Map(clients.map((c, i) => [c.id, { qty: 100 - i, amount: 100 - i }]));
    const { changes } = planClassification('2026-Q3', clients, purchases, DEFAULT_CLIENT_RULES);
    const c0 = changes.find((c) => c.clientId === 'c0')!;
    expect(c0.to).toEqual({ scale: 1, tier: 'C', combinedCode: 'CZ1', computedTier: 'A' });
    expect(c0.reason).toContain('2026-Q3');
    expect(changes.map((c) => c.clientId).sort()).toEqual(['c0', 'c4']); // c1–c3 stay CZ2 / B
  });
});

import fc from 'fast-check';
import { drawSample, shareOf, type SampleClient, type SamplingRuleInput } from '../../src/domain/surveys/sampling';
import { readStrata, stratumKey } from '../../src/domain/surveys/strata';

const FORMATS = ['grocery', 'convenience', 'supermarket', 'mall', 'tobacco_liquor', 'entertainment', 'other'];
const ZONES = ['city_a', 'city_b', 'township', 'rural'];

const client = fc.record({
  id: fc.stringMatching(/^c[0-9a-z]{1,6}$/),
  format: fc.option(fc.constantFrom(...FORMATS), { nil: undefined }),
  zone: fc.constantFrom(...ZONES),
  marketType: fc.constantFrom('C', 'X'),
  complaints: fc.nat({ max: 6 }),
  reachable: fc.boolean(),
}).map((c): SampleClient => ({
  id: c.id, strata: readStrata({ format: c.format, zone: c.zone, marketType: c.marketType, tier: 'B', branchId: 'br' }),
  complaints: c.complaints, reachable: c.reachable,
}));

const rule: fc.Arbitrary<SamplingRuleInput> = fc.oneof(
  fc.record({ kind: fc.constant('stratified' as const), share: fc.double({ min: 0.01, max: 1, noNaN: true }), minPerStratum: fc.integer({ min: 1, max: 3 }) }),
  fc.double({ min: 0.05, max: 1, noNaN: true }).chain((share) =>
    fc.record({ kind: fc.constant('complainers' as const), share: fc.constant(share), focusShare: fc.double({ min: 0.01, max: share, noNaN: true }) })),
  fc.constant({ kind: 'all' as const }),
);

const seed = fc.integer({ min: 0, max: 0x7fffffff });
// Client ids are document ids: unique in the archive.
const clients = fc.uniqueArray(client, { minLength: 1, maxLength: 300, selector: (c) => c.id });

test('the sample is at least the target, every stratum is covered, no client twice, only known clients', () => {
  fc.assert(fc.property(clients, rule, seed, (cs, r, s) => {
    const sample = drawSample(cs, r, s);
    const ids = new Set(cs.map((c) => c.id));
    expect(sample.population).toBe(ids.size);
    expect(sample.clientIds.length).toBeGreaterThanOrEqual(sample.target);
    expect(new Set(sample.clientIds).size).toBe(sample.clientIds.length);
    for (const id of sample.clientIds) expect(ids.has(id)).toBe(true);
    const drawnStrata = new Set(sample.clientIds.map((id) => stratumKey(cs.find((c) => c.id === id)!.strata)));
    for (const c of cs) expect(drawnStrata.has(stratumKey(c.strata))).toBe(true);
    if (r.kind === 'stratified') expect(sample.target).toBe(shareOf(r.share ?? 0.05, ids.size));
  }), { numRuns: 300 });
});

test('reproducible from the seed, whatever the order of the clients', () => {
  fc.assert(fc.property(clients, rule, seed, (cs, r, s) => {
    const a = drawSample(cs, r, s);
    const b = drawSample([...cs].reverse(), r, s);
    expect(b.clientIds).toEqual(a.clientIds);
    expect(b.focusIds).toEqual(a.focusIds);
  }), { numRuns: 200 });
});

test('another seed draws another sample (the draw is random)', () => {
  const cs: SampleClient[] = Array.from({ length: 1000 }, (_, i) => ({ id: `c${i}`, strata: readStrata({ format: 'grocery', zone: 'rural', marketType: 'X' }) }));
  const a = drawSample(cs, { kind: 'stratified' }, 1);
  const b = drawSample(cs, { kind: 'stratified' }, 2);
  expect(a.clientIds).toHaveLength(50);
  expect(b.clientIds).not.toEqual(a.clientIds);
});

test('complainers rule: the clients who complained most are drawn first, at least focusShare of all clients', () => {
  fc.assert(fc.property(clients, seed, (cs, s) => {
    const sample = drawSample(cs, { kind: 'complainers', share: 0.5, focusShare: 0.2 }, s);
    const unique = cs;
    expect(sample.focusIds.length).toBe(shareOf(0.2, unique.length));
    const focusMin = Math.min(...sample.focusIds.map((id) => unique.find((c) => c.id === id)!.complaints ?? 0));
    const othersMax = Math.max(-1, ...unique.filter((c) => !sample.focusIds.includes(c.id)).map((c) => c.complaints ?? 0));
    expect(focusMin).toBeGreaterThanOrEqual(othersMax);
    for (const id of sample.focusIds) expect(sample.clientIds).toContain(id);
  }), { numRuns: 200 });
});

test('the preview names strata that cannot be covered: no clients, nobody reachable, unclassified', () => {
  const cs: SampleClient[] = [
    { id: 'a', strata: readStrata({ format: 'grocery', zone: 'rural', marketType: 'X' }), reachable: true },
    { id: 'b', strata: readStrata({ format: 'mall', zone: 'city_a', marketType: 'C' }), reachable: false },
    { id: 'c', strata: readStrata({ zone: 'city_a', marketType: 'C' }), reachable: true },
  ];
  const sample = drawSample(cs, { kind: 'stratified' }, 7, { formats: ['grocery', 'mall', 'supermarket'], zones: ['city_a'], marketTypes: ['C', 'X'] });
  expect(sample.problems).toEqual([
    { reason: 'no_clients', dimension: 'format', value: 'supermarket' },
    { reason: 'unreachable', stratum: 'mall|city_a|C', drawn: 1 },
    { reason: 'unclassified', stratum: 'unknown|city_a|C', population: 1 },
  ]);
  expect(sample.clientIds).toEqual(['a', 'b', 'c']);
});

test('5 % of 20 clients in one stratum is 1, not 2 (no floating-point surprise)', () => {
  expect(shareOf(0.05, 20)).toBe(1);
  expect(shareOf(0.05, 21)).toBe(2);
});

test('a client listed twice is drawn once', () => {
  const one: SampleClient = { id: 'c1', strata: readStrata({ format: 'mall', zone: 'city_a', marketType: 'C' }) };
  const sample = drawSample([one, one, { ...one, id: 'c2' }], { kind: 'all' }, 3);
  expect(sample.population).toBe(2);
  expect(sample.clientIds).toEqual(['c1', 'c2']);
});

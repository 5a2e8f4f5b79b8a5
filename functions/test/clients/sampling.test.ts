import fc from 'fast-check';
import { drawSpotChecks, monthsLeftInHalf, type SamplingInput } from '../../src/domain/clients/sampling';

function org(staffPerBranch: number, clientsPerStaff: number, branches = ['br-city', 'br-county']): Pick<SamplingInput, 'staff' | 'clients'> {
  const staff = branches.flatMap((b) => Array.from({ length: staffPerBranch }, (_, i) => ({ uid: `${b}-s${i}`, branchId: b })));
  const clients = staff.flatMap((s) => Array.from({ length: clientsPerStaff }, (_, j) => ({ id: `${s.uid}-c${j}`, managerUid: s.uid })));
  return { staff, clients };
}
const input = (over: Partial<SamplingInput> = {}): SamplingInput => ({
  month: '2026-07', seed: 42, countyBranchIds: ['br-county'], countyCoveredThisHalf: new Set(), ...org(12, 35), ...over,
});

test('department level: every staff member of every branch, at least 10 % of their clients', () => {
  const sample = drawSpotChecks(input());
  const dept = sample.filter((s) => s.level === 'department');
  expect(dept.map((s) => s.branchId)).toEqual(['br-city', 'br-county']);
  for (const s of dept) {
    expect(s.entries).toHaveLength(12);
    for (const e of s.entries) expect(e.clientIds).toHaveLength(4); // ⌈3.5⌉
  }
});

test('county level covers every staff member of the branch within the half-year', () => {
  let covered = new Set<string>();
  for (const month of ['2026-07', '2026-08', '2026-09', '2026-10', '2026-11', '2026-12']) {
    const county = drawSpotChecks(input({ month, seed: month.length + Number(month.slice(5)), countyCoveredThisHalf: covered })).find((s) => s.level === 'county')!;
    for (const e of county.entries) expect(covered.has(e.staffUid)).toBe(false);
    covered = new Set([...covered, ...county.entries.map((e) => e.staffUid)]);
  }
  expect(covered.size).toBe(12);
  expect(monthsLeftInHalf('2026-12')).toBe(1);
});

test('city level: 5 % of all marketing staff (at least one)', () => {
  const city = drawSpotChecks(input()).find((s) => s.level === 'city')!;
  expect(city.entries).toHaveLength(2); // ⌈24 × 5 %⌉
  expect(city.entries.every((e) => e.clientIds.length === 4)).toBe(true);
});

test('the same seed draws the same sample; another seed another', () => {
  expect(drawSpotChecks(input())).toEqual(drawSpotChecks(input()));
  expect(drawSpotChecks(input({ seed: 43 }))).not.toEqual(drawSpotChecks(input()));
});

test('property: no client twice in an entry, only the staff member\'s own clients, ≥ 10 %, reproducible', () => {
  fc.assert(fc.property(fc.integer({ min: 1, max: 8 }), fc.integer({ min: 0, max: 40 }), fc.integer(), (staffN, clientsN, seed) => {
    const i = input({ seed, ...org(staffN, clientsN) });
    const sample = drawSpotChecks(i);
    const manager = new Map(i.clients.map((c) => [c.id, c.managerUid]));
    for (const level of sample) {
      const staffSeen = new Set<string>();
      for (const e of level.entries) {
        expect(staffSeen.has(e.staffUid)).toBe(false);
        staffSeen.add(e.staffUid);
        expect(new Set(e.clientIds).size).toBe(e.clientIds.length);
        for (const c of e.clientIds) expect(manager.get(c)).toBe(e.staffUid);
        expect(e.clientIds.length).toBeGreaterThanOrEqual(Math.ceil(clientsN * 0.1));
      }
    }
    expect(drawSpotChecks(i)).toEqual(sample);
  }), { numRuns: 60 });
});

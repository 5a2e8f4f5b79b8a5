import { AuthorityConfig, DEFAULT_ROUTING, RoutingConfig, authorityFor, routeTicket, type RoutableTicket } from '../../src/domain/routing';
import { BRANCHES, DEPARTMENTS } from '../../../test/support/fixtures';

const departments = Object.entries(DEPARTMENTS).map(([id, d]) => ({ id, ...d }));
const branches = Object.entries(BRANCHES).map(([id, b]) => ({ id, ...b }));
const complaint: RoutableTicket = {
  kind: 'complaint', channel: 'hotline', subject: 'goods_quality', compensation: false,
  againstOfficeDirector: false, claimedAmount: null, branchId: 'br-city',
};

describe('routing', () => {
  test.each([
    [{ ...complaint }, 'dept-quality', 'complaint'],
    [{ ...complaint, kind: 'repair', subject: null }, 'dept-engineering', 'repair'],
    [{ ...complaint, kind: 'inquiry', subject: null }, 'dept-business', 'feedback'],
    [{ ...complaint, compensation: true }, 'dept-leadership', 'compensation'],
    [{ ...complaint, againstOfficeDirector: true }, 'dept-leadership', 'against-office-director'],
    [{ ...complaint, kind: 'inquiry', subject: null, branchId: 'br-county' }, 'dept-county-business', 'feedback'],
    [{ ...complaint, branchId: 'br-county' }, 'dept-quality', 'complaint'], // county has no quality dept: city's
  ] as const)('%o → %s by rule %s', (t, deptId, rule) => {
    expect(routeTicket(DEFAULT_ROUTING, t as RoutableTicket, departments, branches)).toMatchObject({ deptId, rule });
  });

  test('an organisation without the department gets a clear error', () => {
    expect(() => routeTicket(DEFAULT_ROUTING, { ...complaint, kind: 'repair', subject: null }, [], branches))
      .toThrow('No engineering department serves branch br-city');
  });
});

describe('settlement authority (mall rules: 500 / 2000 yuan)', () => {
  const cfg = DEFAULT_ROUTING.authority;
  test.each([
    [{ claimedAmount: 2000 }, 'store_manager'],
    [{ claimedAmount: 1999.99 }, 'cs_manager'],
    [{ claimedAmount: 500 }, 'cs_manager'],
    [{ claimedAmount: 499 }, 'cs_staff'],
    [{ claimedAmount: null }, 'cs_staff'],
    [{ subject: 'goods_expired' }, 'store_manager'],
    [{ subject: 'safety_accident' }, 'store_manager'],
    [{ againstOfficeDirector: true }, 'store_manager'],
    [{ subject: 'service_attitude' }, 'cs_manager'],
    [{ subject: 'service_attitude', claimedAmount: 5000 }, 'store_manager'],
  ] as const)('%o → %s', (overrides, authority) => {
    expect(authorityFor(cfg, { ...complaint, ...overrides } as RoutableTicket)?.authority).toBe(authority);
  });

  test('the reason names the amount; other kinds and unconfigured organisations get none', () => {
    expect(authorityFor(cfg, { ...complaint, claimedAmount: 3000 })).toEqual({ authority: 'store_manager', reason: '索赔金额 3000 元' });
    expect(authorityFor(cfg, { ...complaint, claimedAmount: 3000 }, 'en')?.reason).toBe('claimed 3000 yuan');
    expect(authorityFor(cfg, { ...complaint, kind: 'suggestion', subject: null })).toBeNull();
    expect(authorityFor(null, complaint)).toBeNull();
  });

  test('thresholds are configuration, validated', () => {
    const custom = AuthorityConfig.parse({ csManagerFrom: 100, storeManagerFrom: 1000 });
    expect(authorityFor(custom, { ...complaint, claimedAmount: 150 })?.authority).toBe('cs_manager');
    const bad = RoutingConfig.safeParse({ ...DEFAULT_ROUTING, authority: { csManagerFrom: 3000, storeManagerFrom: 2000 } });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]).toMatchObject({ path: ['authority', 'storeManagerFrom'], message: 'must not be below csManagerFrom' });
  });
});

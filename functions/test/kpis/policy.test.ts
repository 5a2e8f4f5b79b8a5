/** Who reads and decides KPI figures; the refusal catalogue is complete in both languages. */
import type { Actor } from '../../src/domain/actor';
import { approveRefusal, kpiReadRefusal, roleRefusal } from '../../src/domain/kpis/policy';
import { KPIS_REFUSALS } from '../../src/domain/kpis/refusals';
import { refusalText } from '../../src/domain/refusal';

const actor = (role: Actor['role'], deptId = 'dept-quality', deptKind: Actor['deptKind'] = 'quality', uid = 'u-x'): Actor =>
  ({ uid, role, deptId, deptKind, branchId: 'br-city', displayName: 'x', locale: 'zh-CN' });
const QUALITY = { branchId: 'br-city', deptId: 'dept-quality' };
const BUSINESS = { branchId: 'br-city', deptId: 'dept-business' };

describe('reading figures', () => {
  it('leadership, auditors and admins read every scope, live or published', () => {
    for (const r of ['leadership', 'auditor', 'admin'] as const) expect(kpiReadRefusal(actor(r), { branchId: null, deptId: null }, false)).toBeNull();
  });
  it('quality reads its branch; a head their department; staff their department once published', () => {
    expect(kpiReadRefusal(actor('quality'), BUSINESS, false)).toBeNull();
    expect(kpiReadRefusal(actor('quality'), { branchId: 'br-county', deptId: null }, false)).toEqual({ reason: 'kpis.scope_denied', params: { scope: 'br-county' } });
    expect(kpiReadRefusal(actor('head', 'dept-business', 'business'), BUSINESS, false)).toBeNull();
    expect(kpiReadRefusal(actor('head', 'dept-business', 'business'), QUALITY, true)).not.toBeNull();
    expect(kpiReadRefusal(actor('staff', 'dept-business', 'business'), BUSINESS, false)).not.toBeNull();
    expect(kpiReadRefusal(actor('staff', 'dept-business', 'business'), BUSINESS, true)).toBeNull();
    expect(kpiReadRefusal(actor('staff', 'dept-business', 'business'), { branchId: 'br-city', deptId: null }, true)).not.toBeNull();
  });
});

describe('approving', () => {
  it('a department snapshot: its head or leadership; a branch snapshot: leadership', () => {
    const dept = { scope: 'dept' as const, scopeId: 'dept-business' };
    expect(approveRefusal(actor('head', 'dept-business', 'business', 'u-head'), dept, 'u-head', 's')).toBeNull();
    expect(approveRefusal(actor('head', 'dept-quality', 'quality', 'u-other'), dept, 'u-head', 's')!.reason).toBe('kpis.not_approver');
    expect(approveRefusal(actor('leadership'), dept, 'u-head', 's')).toBeNull();
    expect(approveRefusal(actor('head', 'dept-business', 'business', 'u-head'), { scope: 'branch', scopeId: 'br-city' }, null, 's')!.reason).toBe('kpis.not_approver');
    expect(approveRefusal(actor('admin'), dept, 'u-head', 's')).not.toBeNull();
  });
  it('targets: leadership and admins; rebuilds: admins', () => {
    expect(roleRefusal(actor('leadership'), 'targets')).toBeNull();
    expect(roleRefusal(actor('head'), 'targets')).toEqual({ reason: 'kpis.not_allowed', params: { action: 'targets' } });
    expect(roleRefusal(actor('leadership'), 'rebuild')).not.toBeNull();
    expect(roleRefusal(actor('admin'), 'rebuild')).toBeNull();
  });
});

describe('the refusal catalogue', () => {
  it('every code has both languages with the same placeholders, under the kpis. prefix', () => {
    for (const [code, label] of Object.entries(KPIS_REFUSALS)) {
      expect(code).toMatch(/^kpis\.[a-z_]+$/);
      const names = (t: string) => [...t.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      expect(names(label['zh-CN'])).toEqual(names(label.en));
    }
  });
  it('renders in the reader\'s language', () => {
    const r = { reason: 'kpis.target_out_of_range', params: { kpi: 'callbackRate', value: 120 } };
    expect(refusalText([KPIS_REFUSALS], r, 'zh-CN')).toBe('指标 callbackRate 的目标值 120 超出 0–100%');
    expect(refusalText([KPIS_REFUSALS], r, 'en')).toBe('Target 120 for callbackRate is outside 0–100 %');
  });
});

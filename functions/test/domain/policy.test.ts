import type { Actor } from '../../src/domain/actor';
import {
  branchPathOf, ROLE_ACTIONS, WRITE_ACTIONS, branchScopeOf, can, canExportPersonalData, canReadClient, canReadTicket, canSeeReporter, canTransition, relationsOf,
  type TicketScope,
} from '../../src/domain/policy';
import { Role } from '../../src/domain/vocabulary';

const actor = (over: Partial<Actor>): Actor => ({
  uid: 'u', role: 'staff', deptId: 'd-biz', deptKind: 'business', branchId: 'b-city', displayName: 'U', locale: 'zh-CN', ...over,
});
const ticket = (over: Partial<TicketScope> = {}): TicketScope => ({
  kind: 'complaint', branchId: 'b-city', ownerDeptId: 'd-biz', createdBy: 'someone', state: 'in_progress', assigneeUid: null, ...over,
});

test('the auditor reads everything and writes nothing', () => {
  const auditor = actor({ role: 'auditor' });
  for (const a of WRITE_ACTIONS) expect(can(auditor, a).allowed).toBe(false);
  expect(relationsOf(auditor, ticket({ createdBy: 'u' })).size).toBe(0);
  expect(canTransition(auditor, ticket(), 'close', ['quality', 'leadership', 'admin', 'creator', 'owner_staff', 'owner_head'])).toMatchObject({ allowed: false });
  for (const a of ['ticket.list', 'client.list', 'staff.list', 'audit.read', 'org.read'] as const) expect(can(auditor, a).allowed).toBe(true);
});

test('every role appears in the table; only admins manage staff and the organisation', () => {
  for (const role of Role.options) {
    expect(can(actor({ role }), 'staff.manage').allowed).toBe(role === 'admin');
    expect(can(actor({ role }), 'org.manage').allowed).toBe(role === 'admin');
    expect(can(actor({ role }), 'me.read').allowed).toBe(true);
  }
  expect(Object.keys(ROLE_ACTIONS).length).toBeGreaterThan(5);
});

test('a denial carries a reason', () => {
  expect(can(actor({ role: 'intake' }), 'audit.read')).toEqual({
    allowed: false, reason: 'role intake may not audit.read',
    code: 'policy.role_may_not', params: { action: 'audit.read', role_zh: '受理员', role_en: 'Intake agent' },
  });
});

describe('the complainant is visible only to those who need it', () => {
  test('quality of the branch, leadership and the person who took it in', () => {
    expect(canSeeReporter(actor({ role: 'quality', deptKind: 'quality', deptId: 'd-q' }), ticket()).allowed).toBe(true);
    expect(canSeeReporter(actor({ role: 'quality', deptKind: 'quality', deptId: 'd-q', branchId: 'b-other' }), ticket()).allowed).toBe(false);
    expect(canSeeReporter(actor({ role: 'leadership' }), ticket()).allowed).toBe(true);
    expect(canSeeReporter(actor({ role: 'intake', deptId: 'd-cs', uid: 'me' }), ticket({ createdBy: 'me' })).allowed).toBe(true);
  });
  test('a complaint\'s handlers never see the complainant; the callback desk does while the callback is due (issue 9 point 4)', () => {
    const staff = actor({ uid: 'me' });
    const head = actor({ uid: 'boss', role: 'head' });
    const desk = actor({ uid: 'cs', role: 'intake', deptId: 'd-cs', deptKind: 'customer_service' });
    expect(canSeeReporter(staff, ticket({ assigneeUid: 'me' })).allowed).toBe(false);
    expect(canSeeReporter(staff, ticket({ state: 'callback', assigneeUid: 'me' })).allowed).toBe(false);
    expect(canSeeReporter(head, ticket({ state: 'callback', assigneeUid: null })).allowed).toBe(false);
    expect(canSeeReporter(desk, ticket({ state: 'callback' })).allowed).toBe(true);
    expect(canSeeReporter(desk, ticket({ state: 'callback', branchId: 'b-elsewhere' })).allowed).toBe(false);
    expect(canSeeReporter(desk, ticket({ state: 'in_progress' })).allowed).toBe(false);
  });
  test('the requester of a repair or request is seen by the people doing the work (issue 9 point 14)', () => {
    const worker = actor({ uid: 'w', deptId: 'd-eng', deptKind: 'engineering' });
    expect(canSeeReporter(worker, ticket({ kind: 'repair', ownerDeptId: 'd-eng' })).allowed).toBe(true);
    expect(canSeeReporter(worker, ticket({ kind: 'inquiry', ownerDeptId: 'd-eng' })).allowed).toBe(true);
    expect(canSeeReporter(worker, ticket({ kind: 'complaint', ownerDeptId: 'd-eng' })).allowed).toBe(false);
    expect(canSeeReporter(worker, ticket({ kind: 'repair', ownerDeptId: 'd-other' })).allowed).toBe(false);
  });
  test('auditor and admin get the redacted view; exports likewise', () => {
    for (const role of ['auditor', 'admin'] as const) {
      expect(canSeeReporter(actor({ role }), ticket()).allowed).toBe(false);
      expect(canExportPersonalData(actor({ role })).allowed).toBe(false);
    }
    expect(canExportPersonalData(actor({ role: 'head', deptKind: 'quality' })).allowed).toBe(true);
  });
});

test('clients: on-site staff their own, department people their branch, the hotline and oversight all', () => {
  const c = { branchId: 'b-city', accountManagerUid: 'am' };
  expect(canReadClient(actor({ role: 'onsite', uid: 'am' }), c).allowed).toBe(true);
  expect(canReadClient(actor({ role: 'onsite', uid: 'x' }), c).allowed).toBe(false);
  expect(canReadClient(actor({ role: 'staff', branchId: 'b-county' }), c).allowed).toBe(false);
  expect(canReadClient(actor({ role: 'head' }), c).allowed).toBe(true);
  for (const role of ['intake', 'leadership', 'auditor', 'admin'] as const) expect(canReadClient(actor({ role, branchId: 'x' }), c).allowed).toBe(true);
});

test('canTransition explains which relations an action needs', () => {
  const d = canTransition(actor({ deptId: 'd-other' }), ticket(), 'verify', ['quality']);
  expect(d).toEqual({
    allowed: false, reason: 'verify is for quality; you are not involved in this ticket',
    code: 'policy.transition_not_for', params: { action: 'verify', who_zh: '品质管理部', who_en: 'quality' },
  });
  expect(canTransition(actor({ role: 'head' }), ticket(), 'resolve', ['owner_head']).allowed).toBe(true);
});

// ── issue 9 point 3: quality's scope follows the branch tree ──

describe('branches: quality and the callback desk act on their branch and the branches below', () => {
  const tree = [
    { id: 'b-city', parentId: null }, { id: 'b-county', parentId: 'b-city' }, { id: 'b-office', parentId: 'b-county' },
    { id: 'b-other-county', parentId: 'b-city' },
  ];
  test('branchScopeOf walks down the tree, ignoring cycles', () => {
    expect(branchScopeOf('b-city', tree).sort()).toEqual(['b-city', 'b-county', 'b-office', 'b-other-county']);
    expect(branchScopeOf('b-county', tree).sort()).toEqual(['b-county', 'b-office']);
    expect(branchScopeOf('b-x', [{ id: 'b-x', parentId: 'b-y' }, { id: 'b-y', parentId: 'b-x' }]).sort()).toEqual(['b-x', 'b-y']);
  });
  test('city quality reads, sees the complainant of and relates as quality to a county complaint; county quality not to a city one', () => {
    const cityQuality = actor({ role: 'quality', deptKind: 'quality', deptId: 'd-q', branchScope: branchScopeOf('b-city', tree) });
    const countyQuality = actor({ role: 'quality', deptKind: 'quality', deptId: 'd-cq', branchId: 'b-county', branchScope: branchScopeOf('b-county', tree) });
    const county = ticket({ branchId: 'b-office', ownerDeptId: 'd-q' });
    expect(canReadTicket(cityQuality, county).allowed).toBe(true);
    expect(canSeeReporter(cityQuality, county).allowed).toBe(true);
    expect(relationsOf(cityQuality, county).has('quality')).toBe(true);
    expect(relationsOf(countyQuality, county).has('quality')).toBe(true);
    const city = ticket({ branchId: 'b-city', ownerDeptId: 'd-q' });
    expect(canReadTicket(countyQuality, city)).toMatchObject({ allowed: false, code: 'policy.ticket_out_of_scope' });
    expect(relationsOf(countyQuality, city).has('quality')).toBe(false);
  });
  test('the customer-service centre reads what it took in and callbacks of its branch tree', () => {
    const desk = actor({ uid: 'cs', role: 'head', deptId: 'd-cs', deptKind: 'customer_service', branchScope: branchScopeOf('b-city', tree) });
    expect(canReadTicket(desk, ticket({ createdByDeptId: 'd-cs', state: 'in_progress' })).allowed).toBe(true);
    expect(canReadTicket(desk, ticket({ createdByDeptId: 'd-other', state: 'in_progress' })).allowed).toBe(false);
    expect(canReadTicket(desk, ticket({ createdByDeptId: 'd-other', state: 'callback', branchId: 'b-office' })).allowed).toBe(true);
    expect(relationsOf(desk, ticket({ branchId: 'b-county' })).has('callback_desk')).toBe(true);
  });
});

test('branchPathOf: a branch and those above it, nearest first; a cycle or an unknown parent ends the walk', () => {
  const tree = [
    { id: 'city', parentId: null }, { id: 'county', parentId: 'city' }, { id: 'town', parentId: 'county' },
    { id: 'loop-a', parentId: 'loop-b' }, { id: 'loop-b', parentId: 'loop-a' },
  ];
  expect(branchPathOf('town', tree)).toEqual(['town', 'county', 'city']);
  expect(branchPathOf('city', tree)).toEqual(['city']);
  expect(branchPathOf('loop-a', tree)).toEqual(['loop-a', 'loop-b']);
  expect(branchPathOf('elsewhere', tree)).toEqual(['elsewhere']);
});

import type { Actor } from '../../src/domain/actor';
import {
  ROLE_ACTIONS, WRITE_ACTIONS, can, canExportPersonalData, canReadClient, canSeeReporter, canTransition, relationsOf,
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
  expect(can(actor({ role: 'intake' }), 'audit.read')).toEqual({ allowed: false, reason: 'role intake may not audit.read' });
});

describe('the complainant is visible only to those who need it', () => {
  test('quality of the branch, leadership and the person who took it in', () => {
    expect(canSeeReporter(actor({ role: 'quality', deptKind: 'quality', deptId: 'd-q' }), ticket()).allowed).toBe(true);
    expect(canSeeReporter(actor({ role: 'quality', deptKind: 'quality', deptId: 'd-q', branchId: 'b-other' }), ticket()).allowed).toBe(false);
    expect(canSeeReporter(actor({ role: 'leadership' }), ticket()).allowed).toBe(true);
    expect(canSeeReporter(actor({ role: 'intake', deptId: 'd-cs', uid: 'me' }), ticket({ createdBy: 'me' })).allowed).toBe(true);
  });
  test('the owning department only during the callback: the assignee, or the head when unassigned', () => {
    const staff = actor({ uid: 'me' });
    const head = actor({ uid: 'boss', role: 'head' });
    expect(canSeeReporter(staff, ticket({ assigneeUid: 'me' })).allowed).toBe(false);
    expect(canSeeReporter(staff, ticket({ state: 'callback', assigneeUid: 'me' })).allowed).toBe(true);
    expect(canSeeReporter(staff, ticket({ state: 'callback', assigneeUid: 'other' })).allowed).toBe(false);
    expect(canSeeReporter(head, ticket({ state: 'callback', assigneeUid: null })).allowed).toBe(true);
    expect(canSeeReporter(head, ticket({ state: 'callback', assigneeUid: 'me' })).allowed).toBe(false);
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
  expect(d).toEqual({ allowed: false, reason: 'verify is for quality; you are not involved in this ticket' });
  expect(canTransition(actor({ role: 'head' }), ticket(), 'resolve', ['owner_head']).allowed).toBe(true);
});

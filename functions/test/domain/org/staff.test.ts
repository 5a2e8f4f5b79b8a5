import { diff } from '../../../src/domain/org/audit';
import { mergeClaims, planDisable, planPlacement, planReassignment, type StaffFacts } from '../../../src/domain/org/staff';

const depts = new Map([['d-city', { branchId: 'b-city' }], ['d-county', { branchId: 'b-county' }]]);
const admin: StaffFacts = { uid: 'a1', role: 'admin', deptId: 'd-city', branchId: 'b-city', disabled: false };

test('the branch follows the department; unknown departments are refused on the field', () => {
  expect(planPlacement('staff', 'd-county', depts)).toEqual({ ok: true, value: { role: 'staff', deptId: 'd-county', branchId: 'b-county' } });
  expect(planPlacement('staff', 'd-x', depts)).toMatchObject({ ok: false, code: 'invalid-argument', field: 'deptId' });
});

test('the last active admin cannot be demoted or disabled', () => {
  expect(planReassignment(admin, { role: 'staff' }, depts, ['a1'])).toMatchObject({ ok: false, code: 'failed-precondition' });
  expect(planDisable(admin, true, ['a1'])).toMatchObject({ ok: false, code: 'failed-precondition' });
  expect(planReassignment(admin, { deptId: 'd-county' }, depts, ['a1'])).toMatchObject({ ok: true }); // still admin
  expect(planReassignment(admin, { role: 'staff' }, depts, ['a1', 'a2'])).toMatchObject({ ok: true });
  expect(planDisable(admin, false, ['a1'])).toMatchObject({ ok: true });
});

test('claims merge over existing ones', () => {
  expect(mergeClaims({ beta: true, role: 'staff' }, { role: 'head', deptId: 'd', branchId: 'b' })).toEqual({ beta: true, role: 'head', dept: 'd', branch: 'b' });
});

test('diff lists changed fields only', () => {
  expect(diff({ role: 'staff', deptId: 'd' }, { role: 'head', deptId: 'd' })).toEqual({ role: { from: 'staff', to: 'head' } });
});

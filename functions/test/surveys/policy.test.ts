import type { Actor } from '../../src/domain/actor';
import { canManageSurveys, canReadAnswers, canReadSurveyReport, canSeeRespondent } from '../../src/domain/surveys/policy';
import type { DeptKind, Role } from '../../src/domain/vocabulary';

const actor = (role: Role, deptKind: DeptKind): Actor => ({ uid: 'u', role, deptId: 'd', deptKind, branchId: 'b', displayName: 'U', locale: 'zh-CN' });

test.each([
  ['quality', 'quality', true, true, true, true],
  ['head', 'quality', true, true, true, true],
  ['intake', 'customer_service', true, true, true, false],
  ['head', 'customer_service', true, true, true, false],
  ['leadership', 'leadership', true, true, true, true],
  ['auditor', 'leadership', false, true, false, false],
  ['staff', 'business', false, false, false, false],
  ['head', 'engineering', false, false, false, false],
  ['onsite', 'onsite', false, false, false, false],
  ['admin', 'customer_service', false, false, false, false],
] as const)('%s of %s: manage %s, report %s, answers %s, respondent %s', (role, kind, manage, report, answers, respondent) => {
  const a = actor(role, kind);
  expect(canManageSurveys(a).allowed).toBe(manage);
  expect(canReadSurveyReport(a).allowed).toBe(report);
  expect(canReadAnswers(a).allowed).toBe(answers);
  expect(canSeeRespondent(a).allowed).toBe(respondent);
});

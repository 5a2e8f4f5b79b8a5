import type { Actor } from '../../src/domain/actor';
import {
  canClassify, canEditClient, canManageClients, canReadClient, canReadSpotChecks, canRecordSpotCheck, canRecordVisit, canSeeClientContacts,
} from '../../src/domain/clients/policy';

const actor = (role: Actor['role'], deptKind: Actor['deptKind'], uid = `u-${role}`, branchId = 'br-city'): Actor =>
  ({ uid, role, deptKind, deptId: `d-${deptKind}`, branchId, displayName: uid, locale: 'zh-CN' });
const client = { branchId: 'br-city', accountManagerUid: 'u-am', personal: false };
const person = { ...client, personal: true };
const am = actor('onsite', 'onsite', 'u-am');
const otherAm = actor('onsite', 'onsite', 'u-am-2');
const bizHead = actor('head', 'business');
const bizStaff = actor('staff', 'business');
const quality = actor('quality', 'quality');
const evaluation = actor('quality', 'evaluation', 'u-eval');
const countyHead = actor('head', 'business', 'u-ch', 'br-county');

test('account managers see and edit their own clients only; they do not create or reassign', () => {
  expect(canReadClient(am, client).allowed).toBe(true);
  expect(canReadClient(otherAm, client).allowed).toBe(false);
  expect(canEditClient(am, client).allowed).toBe(true);
  expect(canEditClient(otherAm, client).allowed).toBe(false);
  expect(canManageClients(am, 'br-city').allowed).toBe(false);
});

test('department and branch people: their branch; the evaluation centre every client', () => {
  expect(canReadClient(bizStaff, client).allowed).toBe(true);
  expect(canReadClient(countyHead, client).allowed).toBe(false);
  expect(canReadClient(actor('quality', 'evaluation', 'u-e', 'br-county'), client).allowed).toBe(true);
  expect(canManageClients(bizHead, 'br-city').allowed).toBe(true);
  expect(canManageClients(countyHead, 'br-city').allowed).toBe(false);
  expect(canManageClients(actor('auditor', 'finance'), 'br-city').allowed).toBe(false);
});

test('a person\'s contacts: quality, evaluation, leadership and their account manager — not business staff', () => {
  expect(canSeeClientContacts(bizStaff, client).allowed).toBe(true);
  expect(canSeeClientContacts(bizStaff, person).allowed).toBe(false);
  expect(canSeeClientContacts(bizHead, person).allowed).toBe(false);
  for (const a of [quality, evaluation, am, actor('leadership', 'leadership')]) expect(canSeeClientContacts(a, person).allowed).toBe(true);
  expect(canSeeClientContacts(actor('auditor', 'finance'), person).allowed).toBe(false);
});

test('visits, classification, spot checks', () => {
  expect(canRecordVisit(am, client).allowed).toBe(true);
  expect(canRecordVisit(bizHead, client).allowed).toBe(false);
  expect(canClassify(bizHead, 'apply').allowed).toBe(true);
  expect(canClassify(quality, 'apply').allowed).toBe(false);
  expect(canClassify(quality, 'preview').allowed).toBe(true);
  expect(canRecordSpotCheck(quality, 'department', 'br-city').allowed).toBe(true);
  expect(canRecordSpotCheck(actor('head', 'customer_service'), 'department', 'br-city').allowed).toBe(true);
  expect(canRecordSpotCheck(actor('head', 'customer_service'), 'county', 'br-city').allowed).toBe(false);
  expect(canRecordSpotCheck(evaluation, 'city', 'br-county').allowed).toBe(true);
  expect(canRecordSpotCheck(actor('auditor', 'evaluation'), 'city', 'br-city').allowed).toBe(false);
  expect(canReadSpotChecks(am, 'br-city', 'u-am').allowed).toBe(true);
  expect(canReadSpotChecks(am, 'br-city', 'u-am-2').allowed).toBe(false);
});

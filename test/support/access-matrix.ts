/**
 * The access table shared by the callable permission matrix (functions/test/callables/
 * permission-matrix.emulator.test.ts) and the rules suites (test/rules/): one actor per role with
 * own / other department and branch variants, four tickets, and who reads what.
 */
import type { Actor } from '../../functions/src/domain/actor';
import type { Ticket } from '../../functions/src/domain/documents';
import { branchScopeOf } from '../../functions/src/domain/policy';
import { BRANCHES, DEPARTMENTS, EXTRA_DEPARTMENTS, EXTRA_STAFF, STAFF } from './fixtures';

export const now = new Date('2026-11-23T02:00:00Z');

/** One actor per role, plus own/other department and branch variants. */
export const ACTORS = [
  'u-intake', 'u-onsite', 'u-business-1', 'u-business-head', 'u-engineer', 'u-quality-1', 'u-quality-head',
  'u-county-quality', 'u-county', 'u-leader', 'u-auditor', 'u-admin',
] as const;
export type ActorId = (typeof ACTORS)[number];
/** Ticket reads: full (with the complainant), redacted, or denied. */
export type Read = 'full' | 'redacted' | 'denied';
export const REPORTER = { name: '举报人甲', phone: '13900000009', email: 'secret@example.com', consentToContact: true };

export function ticket(over: Partial<Ticket>): Ticket {
  return {
    number: 'HX-20261123-0001', kind: 'complaint', subject: 'service_attitude', channel: 'hotline', clientId: 'c-1',
    clientName: '万家便利店', clientTier: 'A', branchId: 'br-city', title: 't', description: '', claimedAmount: null,
    compensation: false, againstOfficeDirector: false, major: false, hasReporter: true, state: 'in_progress',
    ownerDeptId: 'dept-business', assigneeUid: null, routing: null, receivedAt: now, dueAt: null, escalationLevel: 0,
    createdBy: 'u-intake', createdByDeptId: 'dept-cs', updatedAt: now, lastEventSeq: 1, ...over,
  };
}

export const TICKETS: Record<string, Ticket> = {
  /** A city complaint owned by the business department, taken in by the hotline. */
  't-biz': ticket({}),
  /** A county complaint. */
  't-county': ticket({ branchId: 'br-county', branchPath: ['br-county', 'br-city'], ownerDeptId: 'dept-county-business', createdBy: 'u-county', createdByDeptId: 'dept-county-business', clientId: 'c-2' }),
  /** A city inquiry taken in by on-site staff. */
  't-inquiry': ticket({ kind: 'inquiry', subject: null, createdBy: 'u-onsite', createdByDeptId: 'dept-onsite', clientId: 'c-3' }),
  /** A complaint awaiting its callback, assigned to an engineer. */
  't-callback': ticket({ ownerDeptId: 'dept-engineering', state: 'callback', assigneeUid: 'u-engineer' }),
};

const F = 'full', R = 'redacted', D = 'denied';
// Issue 9: city quality reads county complaints (the branch tree, point 3); the requester of an
// inquiry is seen by the department doing the work, a complainant never by the handlers (points 4, 14).
export const READ_MATRIX: Record<ActorId, Record<keyof typeof TICKETS, Read>> = {
  //                  t-biz  t-county  t-inquiry  t-callback
  'u-intake':         { 't-biz': F, 't-county': D, 't-inquiry': D, 't-callback': F },
  'u-onsite':         { 't-biz': D, 't-county': D, 't-inquiry': F, 't-callback': D },
  'u-business-1':     { 't-biz': R, 't-county': D, 't-inquiry': F, 't-callback': D },
  'u-business-head':  { 't-biz': R, 't-county': D, 't-inquiry': F, 't-callback': D },
  'u-engineer':       { 't-biz': D, 't-county': D, 't-inquiry': D, 't-callback': R },
  'u-quality-1':      { 't-biz': F, 't-county': F, 't-inquiry': D, 't-callback': F },
  'u-quality-head':   { 't-biz': F, 't-county': F, 't-inquiry': D, 't-callback': F },
  'u-county-quality': { 't-biz': D, 't-county': F, 't-inquiry': D, 't-callback': D },
  'u-county':         { 't-biz': D, 't-county': F, 't-inquiry': D, 't-callback': D },
  'u-leader':         { 't-biz': F, 't-county': F, 't-inquiry': F, 't-callback': F },
  'u-auditor':        { 't-biz': R, 't-county': R, 't-inquiry': R, 't-callback': R },
  'u-admin':          { 't-biz': R, 't-county': R, 't-inquiry': R, 't-callback': R },
};

export function actorOf(uid: ActorId): Actor {
  const s = STAFF[uid] ?? EXTRA_STAFF[uid]!;
  const dept = DEPARTMENTS[s.deptId] ?? EXTRA_DEPARTMENTS[s.deptId]!;
  const branches = Object.entries(BRANCHES).map(([id, b]) => ({ id, parentId: b.parentId }));
  return {
    uid, role: s.role, deptId: s.deptId, deptKind: dept.kind, branchId: s.branchId, displayName: s.displayName, locale: s.locale,
    branchScope: branchScopeOf(s.branchId, branches), authorityLevel: s.authorityLevel,
  };
}

export type TicketId = keyof typeof TICKETS;

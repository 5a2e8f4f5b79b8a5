/**
 * The actors in whose name tickets are filed without a person: survey follow-ups and web
 * feedback. They file through the same createTicket path and routing as the hotline; the
 * ticket records them as its creator (`system-survey`, `system-web`) and the customer-service
 * centre serving the client's branch as the receiving department.
 */
import type { Firestore } from 'firebase-admin/firestore';
import type { Actor } from '../../domain/actor';
import { findDepartment } from '../../domain/routing';
import { loadOrg } from '../org';
import { refuse } from './refuse';

export type SystemChannel = 'survey' | 'web';

const NAMES: Record<SystemChannel, string> = { survey: '满意度调查', web: '网上反馈' };

export async function systemActorFor(db: Firestore, channel: SystemChannel, branchId: string): Promise<Actor> {
  const org = await loadOrg(db);
  const dept = findDepartment('customer_service', branchId, org.departments, org.branches)
    ?? findDepartment('business', branchId, org.departments, org.branches)
    ?? org.departments[0];
  if (!dept) throw refuse('failed-precondition', 'feedback.not_configured');
  return {
    uid: `system-${channel}`, role: 'intake', deptId: dept.id, deptKind: dept.kind, branchId,
    displayName: NAMES[channel], locale: 'zh-CN',
  };
}

/** The branch at the top of the organisation (a city company), for feedback from unknown clients. */
export async function rootBranchId(db: Firestore): Promise<string | null> {
  const org = await loadOrg(db);
  return org.branches.find((b) => b.parentId === null)?.id ?? org.branches[0]?.id ?? null;
}

/**
 * Who may read and decide KPI figures. Builds on the kernel (domain/policy.ts). Pure.
 * - leadership, auditors and admins read every scope; quality reads its branch;
 *   a department head reads their department; other staff read their department's PUBLISHED
 *   figures and their own figures.
 * - A department snapshot is approved by the head of the department (or leadership); a branch
 *   snapshot by leadership. Targets: leadership or admin. Rebuilds: admin.
 */
import type { Actor } from '../actor';
import { isQuality } from '../policy';
import type { Refusal } from '../refusal';

export interface KpiScopeRef {
  branchId: string | null;
  deptId: string | null;
}

const ALL = new Set(['leadership', 'auditor', 'admin']);

export function kpiReadRefusal(actor: Actor, s: KpiScopeRef, published: boolean): Refusal | null {
  if (ALL.has(actor.role)) return null;
  const label = s.deptId ?? s.branchId ?? 'all';
  const deny: Refusal = { reason: 'kpis.scope_denied', params: { scope: label } };
  if (isQuality(actor)) return s.branchId === actor.branchId ? null : deny;
  if (s.deptId === null || s.deptId !== actor.deptId) return deny;
  if (actor.role === 'head') return null;
  return published ? null : deny;
}

export function approveRefusal(
  actor: Actor, snap: { scope: 'branch' | 'dept'; scopeId: string }, deptHeadUid: string | null, snapshot: string,
): Refusal | null {
  if (actor.role === 'leadership') return null;
  if (snap.scope === 'dept' && deptHeadUid !== null && actor.uid === deptHeadUid) return null;
  return { reason: 'kpis.not_approver', params: { snapshot, approvers: snap.scope === 'dept' ? 'head,leadership' : 'leadership' } };
}

export function roleRefusal(actor: Actor, action: 'targets' | 'rebuild' | 'report'): Refusal | null {
  const allowed = action === 'targets' ? ['leadership', 'admin'] : action === 'rebuild' ? ['admin'] : ['leadership', 'auditor', 'admin', 'quality', 'head'];
  return allowed.includes(actor.role) ? null : { reason: 'kpis.not_allowed', params: { action } };
}

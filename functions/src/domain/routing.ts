/**
 * Routing as configuration: ordered rules, first match wins. The ticket records the rule and
 * the reason, so "why is this here?" always has an answer.
 */
import { z } from 'zod';
import type { Branch, Department, RoutingDecision } from './documents';
import { Channel, ComplaintSubject, DeptKind, TicketKind, type Locale } from './vocabulary';

export const RoutingRule = z.object({
  id: z.string().min(1),
  when: z
    .object({
      kinds: z.array(TicketKind).min(1).optional(),
      channels: z.array(Channel).min(1).optional(),
      subjects: z.array(ComplaintSubject).min(1).optional(),
      compensation: z.boolean().optional(),
      againstOfficeDirector: z.boolean().optional(),
      minClaimedAmount: z.number().nonnegative().optional(),
    })
    .strict(),
  to: DeptKind,
  reason: z.object({ 'zh-CN': z.string().min(1), en: z.string().min(1) }),
});
export type RoutingRule = z.infer<typeof RoutingRule>;

export const RoutingConfig = z.object({
  rules: z.array(RoutingRule).min(1),
  /** Where anything no rule matches goes. */
  fallback: DeptKind.default('business'),
});
export type RoutingConfig = z.infer<typeof RoutingConfig>;

/** Defaults from domain.md ([000], [003]). Compensation and complaints against an office director go first. */
export const DEFAULT_ROUTING: RoutingConfig = {
  rules: [
    {
      id: 'compensation',
      when: { compensation: true },
      to: 'leadership',
      reason: { 'zh-CN': '涉及赔偿，由公司领导处理', en: 'Compensation claim: handled by leadership' },
    },
    {
      id: 'against-office-director',
      when: { againstOfficeDirector: true },
      to: 'leadership',
      reason: { 'zh-CN': '投诉管理处主任，由公司领导处理', en: 'Complaint against an office director: handled by leadership' },
    },
    {
      id: 'complaint',
      when: { kinds: ['complaint'] },
      to: 'quality',
      reason: { 'zh-CN': '投诉由品质管理部负责跟踪处理', en: 'Complaints are owned by the quality department' },
    },
    {
      id: 'repair',
      when: { kinds: ['repair'] },
      to: 'engineering',
      reason: { 'zh-CN': '报修由工程部派工处理', en: 'Repair requests go to engineering as a work order' },
    },
    {
      id: 'feedback',
      when: { kinds: ['suggestion', 'inquiry', 'praise', 'paid_service'] },
      to: 'business',
      reason: { 'zh-CN': '非投诉类信息由顾问经营部处理', en: 'Non-complaint feedback is owned by the business department' },
    },
  ],
  fallback: 'business',
};

export interface RoutableTicket {
  kind: TicketKind;
  channel: Channel;
  subject: ComplaintSubject | null;
  compensation: boolean;
  againstOfficeDirector: boolean;
  claimedAmount: number | null;
  branchId: string;
}

export function matchRule(config: RoutingConfig, t: RoutableTicket): RoutingRule | null {
  return (
    config.rules.find(({ when }) => {
      if (when.kinds && !when.kinds.includes(t.kind)) return false;
      if (when.channels && !when.channels.includes(t.channel)) return false;
      if (when.subjects && (!t.subject || !when.subjects.includes(t.subject))) return false;
      if (when.compensation !== undefined && when.compensation !== t.compensation) return false;
      if (when.againstOfficeDirector !== undefined && when.againstOfficeDirector !== t.againstOfficeDirector) return false;
      if (when.minClaimedAmount !== undefined && (t.claimedAmount ?? 0) < when.minClaimedAmount) return false;
      return true;
    }) ?? null
  );
}

export type DeptEntry = Department & { id: string };
export type BranchEntry = Branch & { id: string };

/**
 * The department of `kind` serving `branchId`: the branch's own, else the nearest ancestor's
 * (a county branch without a quality department is served by the city company's).
 */
export function findDepartment(
  kind: DeptKind,
  branchId: string,
  departments: readonly DeptEntry[],
  branches: readonly BranchEntry[],
): DeptEntry | null {
  const seen = new Set<string>();
  let current: string | null = branchId;
  while (current && !seen.has(current)) {
    seen.add(current);
    const here = departments.find((d) => d.kind === kind && d.branchId === current);
    if (here) return here;
    current = branches.find((b) => b.id === current)?.parentId ?? null;
  }
  return null;
}

export class RoutingError extends Error {}

/** Decides the owning department and records why. Throws RoutingError when the org lacks it. */
export function routeTicket(
  config: RoutingConfig,
  t: RoutableTicket,
  departments: readonly DeptEntry[],
  branches: readonly BranchEntry[],
  locale: Locale = 'zh-CN',
): RoutingDecision {
  const rule = matchRule(config, t);
  const kind = rule?.to ?? config.fallback;
  const dept = findDepartment(kind, t.branchId, departments, branches);
  if (!dept) {
    throw new RoutingError(`No ${kind} department serves branch ${t.branchId}`);
  }
  return {
    deptId: dept.id,
    deptKind: kind,
    rule: rule?.id ?? 'fallback',
    reason: rule ? rule.reason[locale] : locale === 'zh-CN' ? '默认分派' : 'Default routing',
  };
}

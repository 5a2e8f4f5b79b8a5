/**
 * Routing as configuration: ordered rules, first match wins. The ticket records the rule and
 * the reason, so "why is this here?" always has an answer.
 */
import { z } from 'zod';
import type { Branch, Department, RoutingDecision } from './documents';
import { Channel, ComplaintSubject, DeptKind, TicketKind, type Authority, type Label, type Locale } from './vocabulary';

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

/**
 * Settlement authority by claimed value (yuan) and gravity [001 商场 三(五)]: from
 * `storeManagerFrom`, the listed grave subjects, or a complaint against a supervisor → store
 * manager; from `csManagerFrom` or the listed subjects → CS manager; below → CS staff.
 */
export const AuthorityConfig = z
  .object({
    csManagerFrom: z.number().nonnegative(),
    storeManagerFrom: z.number().nonnegative(),
    storeManagerSubjects: z.array(ComplaintSubject).default([]),
    csManagerSubjects: z.array(ComplaintSubject).default([]),
  })
  .refine((a) => a.csManagerFrom <= a.storeManagerFrom, {
    path: ['storeManagerFrom'],
    message: 'must not be below csManagerFrom',
  });
export type AuthorityConfig = z.infer<typeof AuthorityConfig>;

export const RoutingConfig = z.object({
  rules: z.array(RoutingRule).min(1),
  /** Where anything no rule matches goes. */
  fallback: DeptKind.default('business'),
  /** Complaint settlement authority; null where the organisation does not use it. */
  authority: AuthorityConfig.nullable().default(null),
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
  authority: {
    csManagerFrom: 500,
    storeManagerFrom: 2000,
    // expired food, safety; food poisoning and building facilities are reported as safety
    storeManagerSubjects: ['goods_expired', 'safety_accident', 'safety_environment'],
    csManagerSubjects: ['service_attitude', 'service_checkout', 'service_missing', 'service_improper', 'service_withdrawn'],
  },
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

const AUTHORITY_REASONS: Record<string, Record<Locale, (v: string) => string>> = {
  amount: { 'zh-CN': (v) => `索赔金额 ${v} 元`, en: (v) => `claimed ${v} yuan` },
  subject: { 'zh-CN': () => '投诉性质', en: () => 'nature of the complaint' },
  supervisor: { 'zh-CN': () => '投诉管理人员', en: () => 'complaint against a supervisor' },
  default: { 'zh-CN': () => '一般投诉', en: () => 'ordinary complaint' },
};

/** The level allowed to settle a complaint, with the reason; null for other kinds or when unconfigured. */
export function authorityFor(
  config: AuthorityConfig | null,
  t: RoutableTicket,
  locale: Locale = 'zh-CN',
): { authority: Authority; reason: string } | null {
  if (!config || t.kind !== 'complaint') return null;
  const amount = t.claimedAmount ?? 0;
  const why = (key: string, v = '') => AUTHORITY_REASONS[key]![locale](v);
  if (amount >= config.storeManagerFrom) return { authority: 'store_manager', reason: why('amount', String(amount)) };
  if (t.againstOfficeDirector) return { authority: 'store_manager', reason: why('supervisor') };
  if (t.subject && config.storeManagerSubjects.includes(t.subject)) return { authority: 'store_manager', reason: why('subject') };
  if (amount >= config.csManagerFrom) return { authority: 'cs_manager', reason: why('amount', String(amount)) };
  if (t.subject && config.csManagerSubjects.includes(t.subject)) return { authority: 'cs_manager', reason: why('subject') };
  return { authority: 'cs_staff', reason: why('default') };
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
  const authority = authorityFor(config.authority, t, locale);
  const reasonLabel: Label = rule ? rule.reason : { 'zh-CN': '默认分派', en: 'Default routing' };
  const zh = authorityFor(config.authority, t, 'zh-CN');
  const en = authorityFor(config.authority, t, 'en');
  return {
    deptId: dept.id,
    deptKind: kind,
    rule: rule?.id ?? 'fallback',
    reason: reasonLabel[locale],
    authority: authority?.authority ?? null,
    authorityReason: authority?.reason ?? null,
    // Both languages, for readers of either (issue 8.6).
    reasonLabel: { 'zh-CN': reasonLabel['zh-CN'], en: reasonLabel.en },
    ...(zh && en ? { authorityReasonLabel: { 'zh-CN': zh.reason, en: en.reason } } : {}),
  };
}

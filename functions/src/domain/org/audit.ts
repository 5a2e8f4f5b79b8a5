/**
 * The audit log (`auditLog`): one immutable entry per privileged action, with who did it, to
 * what, why, and what changed. Written by functions only, in the same transaction as the action.
 */
import { z } from 'zod';
import { Role, type Label } from '../vocabulary';

const id = z.string().min(1).max(128);

export const AuditAction = z.enum([
  'staff_created',
  'claims_changed', // role, department or branch of a staff member
  'staff_disabled',
  'staff_enabled',
  'department_saved',
  'branch_saved',
  'reassignment', // before the split below: assign and transfer
  'deadline_changed',
  'ticket_closed', // closing (before the split: also verify, cancel and reopen)
  'personal_data_exported',
  'major_marked', // quality or leadership marked a complaint major after intake
  // deadlines area
  'calendar_saved',
  // one category per ticket action (issue 8.9)
  'ticket_assigned',
  'ticket_transferred',
  'ticket_verified',
  'ticket_cancelled',
  'ticket_reopened',
  'config_saved',
  // work orders (domain/workorders)
  'price_list_saved',
  'statement_approved',
]);
export type AuditAction = z.infer<typeof AuditAction>;

export const AuditTarget = z.object({
  type: z.enum(['staff', 'department', 'branch', 'ticket', 'export', 'config', 'statement']),
  id,
});

export const AuditEntry = z.object({
  action: AuditAction,
  at: z.date(),
  actorUid: id,
  actorName: z.string(),
  actorRole: z.union([Role, z.literal('system')]),
  target: AuditTarget,
  reason: z.string().trim().min(1, 'a privileged action needs a reason').max(1000),
  /** field → {from, to}; absent fields did not change. */
  changes: z.record(z.string(), z.object({ from: z.unknown(), to: z.unknown() })).default({}),
});
export type AuditEntry = z.infer<typeof AuditEntry>;
export type AuditEntryInput = z.input<typeof AuditEntry>;

/** Field-by-field difference of two flat records, for `changes`. */
export function diff<T extends Record<string, unknown>>(before: Partial<T>, after: Partial<T>): Record<string, { from: unknown; to: unknown }> {
  const out: Record<string, { from: unknown; to: unknown }> = {};
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const from = before[key] ?? null;
    const to = after[key] ?? null;
    if (from !== to) out[key] = { from, to };
  }
  return out;
}

/** Labels of the audit categories, for the audit log screen. */
export const AUDIT_ACTION_LABELS: Readonly<Record<AuditAction, Label>> = {
  staff_created: { 'zh-CN': '新建账号', en: 'Staff account created' },
  claims_changed: { 'zh-CN': '变更角色或部门', en: 'Role or department changed' },
  staff_disabled: { 'zh-CN': '停用账号', en: 'Account disabled' },
  staff_enabled: { 'zh-CN': '启用账号', en: 'Account enabled' },
  department_saved: { 'zh-CN': '保存部门', en: 'Department saved' },
  branch_saved: { 'zh-CN': '保存分支机构', en: 'Branch saved' },
  reassignment: { 'zh-CN': '改派（旧记录）', en: 'Reassignment (older entry)' },
  deadline_changed: { 'zh-CN': '变更时限', en: 'Deadline changed' },
  ticket_closed: { 'zh-CN': '关闭工单', en: 'Ticket closed' },
  personal_data_exported: { 'zh-CN': '导出个人信息', en: 'Personal data exported' },
  major_marked: { 'zh-CN': '标记重大投诉', en: 'Marked as major complaint' },
  calendar_saved: { 'zh-CN': '保存工作日历', en: 'Work calendar saved' },
  ticket_assigned: { 'zh-CN': '指派经办人', en: 'Handler assigned' },
  ticket_transferred: { 'zh-CN': '转办', en: 'Ticket transferred' },
  ticket_verified: { 'zh-CN': '查验关闭', en: 'Verified and closed' },
  ticket_cancelled: { 'zh-CN': '撤销工单', en: 'Ticket cancelled' },
  ticket_reopened: { 'zh-CN': '重新处理', en: 'Ticket reopened' },
  config_saved: { 'zh-CN': '修改配置', en: 'Configuration changed' },
  price_list_saved: { 'zh-CN': '保存有偿服务收费标准', en: 'Price list saved' },
  statement_approved: { 'zh-CN': '审批有偿服务月结单', en: 'Paid-service statement approved' },
};

/** UI strings of the staff and audit-log pages (zh-CN / en), following the app's locale. */
import type { AuditAction } from '../../../functions/src/domain/org/audit';
import type { Label } from '../../../functions/src/domain/vocabulary';
import { locale } from '../i18n';

const zh = {
  navStaff: '员工管理',
  navAudit: '审计日志',
  staffTitle: '员工管理',
  staffReadOnly: '只读：仅管理员可修改员工',
  colName: '姓名',
  colEmail: '邮箱',
  colRole: '角色',
  colDept: '部门',
  colBranch: '分公司/管理处',
  colStatus: '状态',
  colActions: '操作',
  active: '在岗',
  disabled: '已停用',
  save: '保存',
  disable: '停用',
  enable: '启用',
  addStaff: '新增员工',
  password: '初始密码（可选）',
  reason: '原因',
  reasonPrompt: '请填写原因（将记入审计日志）：',
  create: '创建',
  saved: '已保存。该员工需重新登录后生效。',
  created: '已创建员工。',
  auditTitle: '审计日志',
  colAt: '时间',
  colAction: '操作',
  colActor: '操作人',
  colTarget: '对象',
  colReason: '原因',
  colChanges: '变更',
  allActions: '全部操作',
  older: '更早',
  noEntries: '没有记录',
};
const en: typeof zh = {
  navStaff: 'Staff',
  navAudit: 'Audit log',
  staffTitle: 'Staff management',
  staffReadOnly: 'Read-only: only administrators change staff',
  colName: 'Name',
  colEmail: 'E-mail',
  colRole: 'Role',
  colDept: 'Department',
  colBranch: 'Branch / office',
  colStatus: 'Status',
  colActions: 'Actions',
  active: 'Active',
  disabled: 'Disabled',
  save: 'Save',
  disable: 'Disable',
  enable: 'Enable',
  addStaff: 'Add staff member',
  password: 'Initial password (optional)',
  reason: 'Reason',
  reasonPrompt: 'Reason (recorded in the audit log):',
  create: 'Create',
  saved: 'Saved. The staff member must sign in again for it to apply.',
  created: 'Staff member created.',
  auditTitle: 'Audit log',
  colAt: 'When',
  colAction: 'Action',
  colActor: 'By',
  colTarget: 'Target',
  colReason: 'Reason',
  colChanges: 'Changes',
  allActions: 'All actions',
  older: 'Older',
  noEntries: 'No entries',
};

export type AdminKey = keyof typeof zh;

export function at(key: AdminKey): string {
  return (locale() === 'en' ? en : zh)[key];
}

export const AUDIT_ACTION_LABELS: Readonly<Record<AuditAction, Label>> = {
  staff_created: { 'zh-CN': '新增员工', en: 'Staff created' },
  claims_changed: { 'zh-CN': '角色/部门变更', en: 'Role / department changed' },
  staff_disabled: { 'zh-CN': '停用员工', en: 'Staff disabled' },
  staff_enabled: { 'zh-CN': '启用员工', en: 'Staff enabled' },
  department_saved: { 'zh-CN': '部门变更', en: 'Department saved' },
  branch_saved: { 'zh-CN': '分支机构变更', en: 'Branch saved' },
  reassignment: { 'zh-CN': '改派', en: 'Reassignment' },
  deadline_changed: { 'zh-CN': '手动调整期限', en: 'Deadline changed' },
  ticket_closed: { 'zh-CN': '关闭工单', en: 'Ticket closed' },
  personal_data_exported: { 'zh-CN': '导出个人信息', en: 'Personal data exported' },
};

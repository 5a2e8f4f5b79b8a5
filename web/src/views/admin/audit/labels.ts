/** Labels of audit actions and target kinds (both languages); a missing action is a type error. */
import type { AuditAction } from '../../../../../functions/src/domain/org/audit';
import type { Label } from '../../../../../functions/src/domain/vocabulary';

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

/** Labels for actions newer servers write (e.g. configuration saved) before this list knows them. */
export const EXTRA_ACTION_LABELS: Readonly<Record<string, Label>> = {
  config_saved: { 'zh-CN': '配置变更', en: 'Configuration saved' },
};

/** Field names in `changes`, as people call them. */
export const CHANGE_FIELD_LABELS: Readonly<Record<string, Label>> = {
  role: { 'zh-CN': '角色', en: 'Role' },
  deptId: { 'zh-CN': '部门', en: 'Department' },
  branchId: { 'zh-CN': '分支机构', en: 'Branch' },
  disabled: { 'zh-CN': '停用', en: 'Disabled' },
  name: { 'zh-CN': '名称', en: 'Name' },
  nameEn: { 'zh-CN': '英文名称', en: 'English name' },
  headUid: { 'zh-CN': '负责人', en: 'Head' },
  parentId: { 'zh-CN': '上级机构', en: 'Parent' },
  assigneeUid: { 'zh-CN': '处理人', en: 'Handler' },
  dueAt: { 'zh-CN': '期限', en: 'Due' },
  email: { 'zh-CN': '邮箱', en: 'E-mail' },
  displayName: { 'zh-CN': '姓名', en: 'Name' },
  kind: { 'zh-CN': '类型', en: 'Kind' },
  level: { 'zh-CN': '级别', en: 'Level' },
};

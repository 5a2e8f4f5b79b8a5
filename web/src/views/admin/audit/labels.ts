/** Labels of audit actions and target kinds (both languages); a missing action is a type error. */
import type { Label } from '../../../../../functions/src/domain/vocabulary';

/** One list of action labels: the server's (functions/src/domain/org/audit.ts). */
export { AUDIT_ACTION_LABELS } from '../../../../../functions/src/domain/org/audit';

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

/**
 * Refusals of the ticket lifecycle, the policy kernel, intake (createTicket) and staff
 * administration, in both languages. A refusal travels as `{ reason, params }` (domain/refusal.ts);
 * the English text is the HttpsError message, for logs. Params that name a state, action, role or
 * relation come in both languages (`state_zh` / `state_en`…) so each template reads naturally.
 */
import { renderTemplate, type Catalogue, type RefusalParams } from '../refusal';
import type { PolicyCode } from '../policy';
import type { Label } from '../vocabulary';

export const LIFECYCLE_REFUSALS = {
  'lifecycle.not_readable': { 'zh-CN': '您无权查看此工单', en: 'You may not see this ticket' },
  'lifecycle.wrong_state': {
    'zh-CN': '工单当前为「{state_zh}」，不能{action_zh}；现在可以：{allowed_zh}',
    en: 'cannot {action_en} a ticket that is {state_en}; allowed now: {allowed_en}',
  },
  'lifecycle.state_changed': { 'zh-CN': '工单状态已变更，现为「{state_zh}」', en: 'state changed meanwhile: now {state_en}' },
  'lifecycle.seq_changed': {
    'zh-CN': '工单已被他人更新（第 {seq} 条记录），现为「{state_zh}」；请刷新后再操作',
    en: 'the ticket changed meanwhile (event {seq}): now {state_en}',
  },
  'lifecycle.not_permitted': { 'zh-CN': '「{action_zh}」仅限{who_zh}', en: '{action_en} may be done only by {who_en}' },
  'lifecycle.assigned_to_other': {
    'zh-CN': '工单已指派给 {assignee}；如需改派请联系部门负责人',
    en: 'the ticket is assigned to {assignee}; ask the department head to reassign it',
  },
  'lifecycle.authority_insufficient': {
    'zh-CN': '此投诉需由「{required_zh}」级别审核（您的权限：{level_zh}）；请上报有权限的负责人或公司领导',
    en: 'this complaint must be signed off at level "{required_en}" (yours: {level_en}); escalate it to someone with that authority',
  },
  'lifecycle.complaint_closes_by_verification': {
    'zh-CN': '投诉须经回访和品质管理部查验后关闭', en: 'a complaint is closed through its callback and the quality department\'s verification',
  },
  'lifecycle.repair_closes_by_callback': { 'zh-CN': '报修须经回访后关闭', en: 'a repair is closed through its callback' },
  'lifecycle.verify_quality_only': { 'zh-CN': '只有品质管理部或公司领导可以查验整改措施', en: 'only the quality department or leadership verifies corrective measures' },
  'lifecycle.nothing_to_verify': { 'zh-CN': '没有可查验的处理结果', en: 'there is no resolution to verify' },
  'lifecycle.verifier_worked_on_it': {
    'zh-CN': '您参与过此投诉的处理或回访，须由其他人查验', en: 'you worked on this complaint or recorded its callback: someone else must verify it',
  },
  'lifecycle.major_needs_report': {
    'zh-CN': '重大投诉须先发布整改报告才能关闭', en: 'a major complaint needs its corrective-action report published before it can be closed',
  },
  'lifecycle.report_only_major': { 'zh-CN': '只有重大投诉需要整改报告', en: 'only major complaints have a corrective-action report' },
  'lifecycle.report_already_published': { 'zh-CN': '整改报告已发布', en: 'the corrective-action report has already been published' },
  'lifecycle.already_top_level': { 'zh-CN': '已升级至公司领导（第 {level} 级）', en: 'already escalated to leadership (level {level})' },
  'lifecycle.level_changed': { 'zh-CN': '升级级别已变更，现为第 {level} 级', en: 'escalation level changed meanwhile: now {level}' },
  'lifecycle.callback_by_handler': {
    'zh-CN': '回访须由客户服务中心或品质管理部中未参与处理的人员进行', en: 'the callback is made by the customer-service centre or quality, not by someone who handled the ticket',
  },
  'lifecycle.malicious_needs_quality_head': {
    'zh-CN': '认定恶意投诉须由品质管理部负责人或公司领导决定', en: 'only the head of quality or leadership may record a complaint as malicious',
  },
  'lifecycle.no_resolution_to_return': { 'zh-CN': '没有待审核的处理结果', en: 'there is no submitted resolution awaiting sign-off' },
  'lifecycle.already_major': { 'zh-CN': '此投诉已是重大投诉', en: 'this complaint is already marked major' },
  'lifecycle.onsite_only': {
    'zh-CN': '只有仍由现场人员处理的现场反馈才会转交顾问经营部', en: 'only on-site feedback still with the on-site staff is handed over',
  },
  'lifecycle.major_complaints_only': { 'zh-CN': '只有投诉可以认定为重大投诉', en: 'only complaints can be marked major' },
  'lifecycle.client_not_visible': { 'zh-CN': '您无权为客户 {clientId} 登记', en: 'you may not file for client {clientId}' },
  'lifecycle.request_id_reused': {
    'zh-CN': '提交编号 {requestId} 已用于内容不同的工单 {number}；请重新提交', en: 'request id {requestId} was already used for ticket {number} with other content',
  },
  'lifecycle.too_many_pauses': { 'zh-CN': '此工单暂停次数已达上限（{max}）', en: 'this ticket has reached the limit of {max} pauses' },
} as const satisfies Catalogue;

export type LifecycleReason = keyof typeof LIFECYCLE_REFUSALS;

/** The policy kernel's refusals (domain/policy.ts emits the codes, this file holds the words). */
export const POLICY_REFUSALS = {
  'policy.role_may_not': { 'zh-CN': '「{role_zh}」角色无权进行此操作（{action}）', en: 'role {role_en} may not {action}' },
  'policy.auditor_read_only': { 'zh-CN': '审计人员只读，不能修改', en: 'the auditor reads everything and writes nothing' },
  'policy.ticket_out_of_scope': { 'zh-CN': '此工单不在您的查看范围内', en: 'the ticket belongs to another department' },
  'policy.reporter_hidden': {
    'zh-CN': '投诉人信息仅限品质管理部、公司领导、受理人及回访人员查看',
    en: 'the complainant is visible only to quality, leadership, the person who took the ticket in and those making the callback',
  },
  'policy.export_personal_data': { 'zh-CN': '只有品质管理部和公司领导可以导出含投诉人信息的数据', en: 'exports include complainants only for quality and leadership' },
  'policy.client_own_only': { 'zh-CN': '现场人员只能查看自己负责的客户', en: 'on-site staff see only their own clients' },
  'policy.client_other_branch': { 'zh-CN': '此客户属于其他分公司', en: 'the client belongs to another branch' },
  'policy.transition_not_for': { 'zh-CN': '「{action}」仅限{who_zh}', en: '{action} is for {who_en}' },
} as const satisfies Catalogue & Record<PolicyCode, Label>;

/** Staff administration refusals. */
export const STAFF_REFUSALS = {
  'staff.self_grant': {
    'zh-CN': '管理员不能给自己授予「{role_zh}」权限，须由其他管理员操作', en: 'an administrator cannot grant themselves {role_en}: another administrator must do it',
  },
  'staff.last_admin': {
    'zh-CN': '最后一名在职管理员不能被降级或停用：请先指定另一名管理员',
    en: 'the last active administrator cannot be demoted, disabled or removed: make someone else admin first',
  },
  'staff.disable_self': { 'zh-CN': '不能停用自己的账号', en: 'you cannot disable your own account' },
  'staff.already_exists': { 'zh-CN': '{email} 已是员工', en: '{email} is already a staff member' },
} as const satisfies Catalogue;

export type StaffReason = keyof typeof STAFF_REFUSALS;

/** Every catalogue of this file, for the web client's lookup and for tests. */
export const LIFECYCLE_CATALOGUES: readonly Catalogue[] = [LIFECYCLE_REFUSALS, POLICY_REFUSALS, STAFF_REFUSALS];

/** A refusal ready to throw: code, params and the English message. */
export interface CodedRefusal {
  reason: string;
  params: RefusalParams;
  message: string;
}

const ALL: Record<string, Label> = { ...LIFECYCLE_REFUSALS, ...POLICY_REFUSALS, ...STAFF_REFUSALS };

export function refusal(reason: LifecycleReason | StaffReason | PolicyCode, params: RefusalParams = {}): CodedRefusal {
  const label = ALL[reason];
  return { reason, params, message: label ? renderTemplate(label.en, params) : reason };
}

/** A label's two languages as a pair of params: `{ state_zh: '处理中', state_en: 'In progress' }`. */
export function labelParams(name: string, label: Label): Record<string, string> {
  return { [`${name}_zh`]: label['zh-CN'], [`${name}_en`]: label.en };
}

/** Several labels joined, as a pair of params (Chinese with 、, English with commas; "none" when empty). */
export function listParams(name: string, labels: readonly Label[]): Record<string, string> {
  return {
    [`${name}_zh`]: labels.length ? labels.map((l) => l['zh-CN']).join('、') : '无',
    [`${name}_en`]: labels.length ? labels.map((l) => l.en).join(', ') : 'none',
  };
}

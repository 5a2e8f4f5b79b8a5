/**
 * Names and reasons in both languages for the views (issue 8.6). Documents keep a Chinese name
 * and an optional English one; a view always carries both (English falls back to Chinese).
 */
import type { RoutingDecision } from '../documents';
import { AUTHORITY_LABELS, type Label } from '../vocabulary';

/** A name in both languages from a document's `name` / `nameEn`. */
export function nameLabel(doc: { name: string; nameEn?: string | undefined | null } | undefined | null): Label | null {
  if (!doc) return null;
  return { 'zh-CN': doc.name, en: doc.nameEn?.trim() ? doc.nameEn : doc.name };
}

/** The same text in both slots: for data recorded before both languages were kept. */
export function sameInBoth(text: string): Label {
  return { 'zh-CN': text, en: text };
}

/** Labels of history event types (the `type` of tickets/{id}/events). */
export const EVENT_LABELS: Readonly<Record<string, Label>> = {
  received: { 'zh-CN': '受理', en: 'Received' },
  assigned: { 'zh-CN': '分派', en: 'Routed to a department' },
  accepted: { 'zh-CN': '接单', en: 'Accepted' },
  assignee_changed: { 'zh-CN': '指派经办人', en: 'Handler assigned' },
  transferred: { 'zh-CN': '转办', en: 'Transferred' },
  waiting_on_client: { 'zh-CN': '等待客户（暂停计时）', en: 'Waiting on the client (clock paused)' },
  resumed: { 'zh-CN': '恢复处理', en: 'Resumed' },
  resolution_submitted: { 'zh-CN': '提交处理结果', en: 'Resolution submitted' },
  resolution_returned: { 'zh-CN': '退回重新处理', en: 'Resolution sent back' },
  resolved: { 'zh-CN': '审核办结', en: 'Resolution signed off' },
  callback_requested: { 'zh-CN': '安排回访', en: 'Callback requested' },
  callback_attempted: { 'zh-CN': '回访未成功', en: 'Callback attempt failed' },
  callback_satisfied: { 'zh-CN': '回访满意', en: 'Client satisfied on callback' },
  verified: { 'zh-CN': '查验通过', en: 'Verified' },
  closed: { 'zh-CN': '关闭', en: 'Closed' },
  reopened: { 'zh-CN': '重新处理', en: 'Reopened' },
  escalated: { 'zh-CN': '升级', en: 'Escalated' },
  corrective_report_published: { 'zh-CN': '发布整改报告', en: 'Corrective-action report published' },
  cancelled: { 'zh-CN': '撤销工单', en: 'Ticket cancelled' },
  marked_major: { 'zh-CN': '标记为重大投诉', en: 'Marked as major complaint' },
  deadline_warning: { 'zh-CN': '即将超时提醒', en: 'Deadline warning' },
  // lifecycle / deadlines areas
  handed_to_business: { 'zh-CN': '现场受理后转交业务部门', en: 'Handed over to the business department' },
  answer_promised: { 'zh-CN': '承诺答复时间', en: 'Answer promised' },
  deadline_problem: { 'zh-CN': '时限无法计算', en: 'Deadline problem' },
};

/** An event type's label; an unknown type shows as itself in both languages rather than vanishing. */
export function eventLabel(type: string): Label {
  return Object.prototype.hasOwnProperty.call(EVENT_LABELS, type) ? EVENT_LABELS[type]! : sameInBoth(type);
}

/** Why the ticket went where it went, in both languages (older tickets recorded one language). */
export function routingReasonLabel(r: RoutingDecision | null): Label | null {
  if (!r) return null;
  return r.reasonLabel ?? sameInBoth(r.reason);
}

export function authorityReasonLabel(r: RoutingDecision | null): Label | null {
  if (!r || r.authorityReason === null) return null;
  return r.authorityReasonLabel ?? sameInBoth(r.authorityReason);
}

export function authorityLabel(r: RoutingDecision | null): Label | null {
  return r?.authority ? AUTHORITY_LABELS[r.authority] : null;
}

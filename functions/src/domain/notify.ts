/**
 * What people are told, in their language. One template per event type; the same event
 * yields at most one notification and one e-mail per recipient (ids derive from both).
 */
import type { Ticket, TicketEvent } from './documents';
import { TICKET_KIND_LABELS, TICKET_STATE_LABELS, type Label, type Locale } from './vocabulary';

export interface Recipient {
  uid: string;
  email: string;
  locale: Locale;
  /** Display name, recorded on events that say who they reached (escalations). */
  name?: string;
}

export interface RenderedMessage {
  title: string;
  body: string;
}

type Template = (t: Ticket, e: TicketEvent, locale: Locale, ctx: TemplateContext) => RenderedMessage;

export interface TemplateContext {
  ownerDeptName: string;
  formatInstant: (d: Date, locale: Locale) => string;
}

/** A template from a title in each language and a body function in each language. */
function simple(
  zhTitle: string, enTitle: string,
  zhBody: (t: Ticket, e: TicketEvent) => string, enBody: (t: Ticket, e: TicketEvent) => string,
): Template {
  return (t, e, locale) =>
    locale === 'zh-CN'
      ? { title: `${zhTitle}：${t.number}`, body: zhBody(t, e).trim() }
      : { title: `${enTitle}: ${t.number}`, body: enBody(t, e).trim() };
}

const withNote = (zh: string, en: string) =>
  [(t: Ticket, e: TicketEvent) => `${t.clientName}：${t.title}。${zh}${e.note ? `（${e.note}）` : ''}`,
    (t: Ticket, e: TicketEvent) => `${t.clientName}: ${t.title}. ${en}${e.note ? ` (${e.note})` : ''}`] as const;

const dueText = (t: Ticket, locale: Locale, ctx: TemplateContext) => (t.dueAt ? ctx.formatInstant(t.dueAt, locale) : '—');

/** Lifecycle events (domain/lifecycle/machine.ts), one template each. */
const lifecycleTemplates: Record<string, Template> = {
  accepted: simple('已接单', 'Accepted', ...withNote('已由经办人接单处理。', 'Taken on by its handler.')),
  assignee_changed: simple('指派给您', 'Assigned to you', ...withNote('请接单处理。', 'Please accept and handle it.')),
  transferred: (t, e, locale, ctx) =>
    locale === 'zh-CN'
      ? { title: `转办至${ctx.ownerDeptName}：${t.number}`, body: `${t.clientName}：${t.title}。转办原因：${e.note}。请于 ${dueText(t, locale, ctx)} 前处理。` }
      : { title: `Transferred to ${ctx.ownerDeptName}: ${t.number}`, body: `${t.clientName}: ${t.title}. Reason: ${e.note}. Handle it by ${dueText(t, locale, ctx)}.` },
  waiting_on_client: simple('等待客户', 'Waiting on the client', ...withNote('时限暂停计时。', 'The deadline clock is paused.')),
  resumed: (t, _e, locale, ctx) =>
    locale === 'zh-CN'
      ? { title: `恢复处理：${t.number}`, body: `${t.clientName}：${t.title}。时限顺延至 ${dueText(t, locale, ctx)}。` }
      : { title: `Resumed: ${t.number}`, body: `${t.clientName}: ${t.title}. Deadline moved to ${dueText(t, locale, ctx)}.` },
  resolution_submitted: simple('处理结果待审核', 'Resolution awaits your sign-off', ...withNote('请审核处理结果并签批。', 'Review and sign off the resolution.')),
  resolved: simple('已办结，待回访', 'Resolved, awaiting callback', ...withNote('部门负责人已审核签批，已进入回访队列。', 'Signed off by the department head; it is now in the callback queue.')),
  resolution_returned: simple('处理结果被退回', 'Resolution sent back', ...withNote('部门负责人退回了处理结果，请修改后重新提交。', 'The department head sent the resolution back: rework it and submit again.')),
  marked_major: simple('认定为重大投诉', 'Marked as a major complaint', ...withNote('须发布整改报告后才能关闭。', 'A corrective-action report must be published before it can close.')),
  callback_requested: simple('待回访', 'Callback requested', ...withNote('请回访客户并记录满意度。', 'Call the client back and record their satisfaction.')),
  callback_attempted: simple('回访未成功', 'Callback attempt', ...withNote('回访未联系上或被拒绝。', 'The client was not reached or refused.')),
  callback_satisfied: simple('待查验', 'Awaiting verification', ...withNote('客户满意，请品质管理部查验整改措施落实情况。', 'The client is satisfied; quality must verify the measures were carried out.')),
  closed: simple('已关闭', 'Closed', ...withNote('', '')),
  reopened: (t, e, locale, ctx) =>
    locale === 'zh-CN'
      ? { title: `客户不满意，重新处理（升级至第 ${t.escalationLevel} 级）：${t.number}`, body: `${t.clientName}：${t.title}。${e.note}。请于 ${dueText(t, locale, ctx)} 前处理。` }
      : { title: `Client not satisfied, reopened (escalation level ${t.escalationLevel}): ${t.number}`, body: `${t.clientName}: ${t.title}. ${e.note}. Handle it by ${dueText(t, locale, ctx)}.` },
  verified: simple('查验通过，已关闭', 'Verified and closed', ...withNote('整改措施已查验落实。', 'Corrective measures verified as carried out.')),
  corrective_report_published: simple('重大投诉整改报告已发布', 'Corrective-action report published', ...withNote('', '')),
  escalated: (t, e, locale, ctx) =>
    locale === 'zh-CN'
      ? { title: `已升级（第 ${t.escalationLevel} 级）：${t.number}`, body: `${t.clientName}：${t.title}。${e.note}。新时限 ${dueText(t, locale, ctx)}。` }
      : { title: `Escalated (level ${t.escalationLevel}): ${t.number}`, body: `${t.clientName}: ${t.title}. ${e.note}. New deadline ${dueText(t, locale, ctx)}.` },
  cancelled: simple('已撤销', 'Cancelled', ...withNote('', '')),
  // deadlines area
  handed_to_business: (t, e, locale, ctx) =>
    locale === 'zh-CN'
      ? { title: `现场反馈当日未办结，已转交${ctx.ownerDeptName}：${t.number}`, body: `${t.clientName}：${t.title}。${e.note}。请于 ${dueText(t, locale, ctx)} 前处理。` }
      : { title: `On-site feedback not handled the same day, handed to ${ctx.ownerDeptName}: ${t.number}`, body: `${t.clientName}: ${t.title}. ${e.note}. Handle it by ${dueText(t, locale, ctx)}.` },
  answer_promised: (t, e, locale, ctx) => {
    const when = t.promisedAt ? ctx.formatInstant(t.promisedAt, locale) : '—';
    return locale === 'zh-CN'
      ? { title: `已承诺客户答复日期 ${when}：${t.number}`, body: `${t.clientName}：${t.title}。${e.note}`.trim() }
      : { title: `Answer promised to the client by ${when}: ${t.number}`, body: `${t.clientName}: ${t.title}. ${e.note}`.trim() };
  },
};

/** What the complainant is told (only with consent): their ticket was resolved, or closed. */
export function complainantMessage(t: Ticket, what: 'resolved' | 'closed', locale: Locale = 'zh-CN'): RenderedMessage {
  const kind = TICKET_KIND_LABELS[t.kind][locale];
  if (locale === 'en') {
    return what === 'resolved'
      ? { title: `Your ${kind.toLowerCase()} ${t.number} has been handled`, body: `We have handled "${t.title}"${t.resolution ? `: ${t.resolution.measures}` : ''}. We will call you to hear whether you are satisfied.` }
      : { title: `Your ${kind.toLowerCase()} ${t.number} is closed`, body: `Thank you for telling us about "${t.title}". If anything is still wrong, reply or call our hotline.` };
  }
  return what === 'resolved'
    ? { title: `您的${kind} ${t.number} 已处理`, body: `您反映的“${t.title}”已处理${t.resolution ? `：${t.resolution.measures}` : ''}。我们将回访听取您的意见。` }
    : { title: `您的${kind} ${t.number} 已办结`, body: `感谢您反映“${t.title}”。如仍有问题，欢迎回复或拨打服务热线。` };
}

const templates: Record<string, Template> = {
  ...lifecycleTemplates,
  assigned: (t, _e, locale, ctx) => {
    const kind = TICKET_KIND_LABELS[t.kind][locale];
    const due = t.dueAt ? ctx.formatInstant(t.dueAt, locale) : '—';
    return locale === 'zh-CN'
      ? {
          title: `新${kind}待处理：${t.number}`,
          body: `${t.clientName}：${t.title}。已分派至${ctx.ownerDeptName}，请于 ${due} 前处理并反馈客户。`,
        }
      : {
          title: `New ${kind.toLowerCase()} to handle: ${t.number}`,
          body: `${t.clientName}: ${t.title}. Assigned to ${ctx.ownerDeptName}; handle it and answer the client by ${due}.`,
        };
  },
};

function fallback(t: Ticket, e: TicketEvent, locale: Locale): RenderedMessage {
  const to = TICKET_STATE_LABELS[e.to][locale];
  return locale === 'zh-CN'
    ? { title: `${t.number} 状态：${to}`, body: `${t.clientName}：${t.title}。${e.note}`.trim() }
    : { title: `${t.number} is now ${to}`, body: `${t.clientName}: ${t.title}. ${e.note}`.trim() };
}

/** A department's name in the recipient's language (Chinese when no English name is set). */
export function deptName(dept: { name: string; nameEn?: string | undefined } | undefined, locale: Locale): string {
  if (!dept) return '';
  return locale === 'en' ? (dept.nameEn ?? dept.name) : dept.name;
}

export function renderNotification(
  t: Ticket,
  e: TicketEvent,
  locale: Locale,
  ctx: TemplateContext,
): RenderedMessage {
  const template = templates[e.type];
  return template ? template(t, e, locale, ctx) : fallback(t, e, locale);
}

/** Deterministic ids: a redelivered event cannot produce a second notification. */
export function notificationId(ticketId: string, seq: number, uid: string): string {
  return `${ticketId}_${seq}_${uid}`;
}

const shanghai: Record<Locale, Intl.DateTimeFormat> = {
  'zh-CN': new Intl.DateTimeFormat('zh-CN', {
    timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false,
  }),
  en: new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Asia/Shanghai', year: 'numeric', month: 'short', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false,
  }),
};

export function formatShanghai(d: Date, locale: Locale): string {
  return shanghai[locale].format(d) + (locale === 'en' ? ' (UTC+8)' : '');
}

/** The notification in both languages, for the inbox (issue 8.6); mail keeps the recipient's language. */
export function renderBothLanguages(
  t: Ticket,
  e: TicketEvent,
  ctx: (locale: Locale) => TemplateContext,
): { title: Label; body: Label } {
  const zh = renderNotification(t, e, 'zh-CN', ctx('zh-CN'));
  const en = renderNotification(t, e, 'en', ctx('en'));
  return { title: { 'zh-CN': zh.title, en: en.title }, body: { 'zh-CN': zh.body, en: en.body } };
}

/**
 * What people are told, in their language. One template per event type; the same event
 * yields at most one notification and one e-mail per recipient (ids derive from both).
 */
import type { Ticket, TicketEvent } from './documents';
import { TICKET_KIND_LABELS, TICKET_STATE_LABELS, type Locale } from './vocabulary';

export interface Recipient {
  uid: string;
  email: string;
  locale: Locale;
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

const templates: Record<string, Template> = {
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

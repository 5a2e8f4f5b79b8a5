import type { TicketDetailView, TicketEventView } from '../../../functions/src/domain/api';
import {
  CHANNEL_LABELS, COMPLAINT_SUBJECT_LABELS, TICKET_KIND_LABELS, TICKET_STATE_LABELS,
} from '../../../functions/src/domain/vocabulary';
import { TICKET_ACTIONS, type TicketAction } from '../actions';
import type { Ctx } from '../context';
import { h, replaceChildren, type Child } from '../dom';
import { describeError, errorCode } from '../errors';
import { formatAmount, formatInstant, timeLeft } from '../format';
import { hasMessage, label, t } from '../i18n';
import { poll } from '../poll';
import { stateBadge } from './tickets';

export const DETAIL_POLL_MS = 3_000;

function dl(...rows: [string, Child, string?][]): HTMLElement {
  return h('dl', { class: 'fields' },
    ...rows.flatMap(([term, value, testid]) => [h('dt', {}, term), h('dd', { testid }, value)]));
}

function eventTitle(ev: TicketEventView): string {
  const key = `event_${ev.type}`;
  return hasMessage(key) ? t(key) : ev.type;
}

function timeline(events: readonly TicketEventView[]): HTMLElement {
  if (events.length === 0) return h('p', { class: 'muted', testid: 'history-empty' }, t('noEvents'));
  const sorted = [...events].sort((a, b) => a.seq - b.seq);
  return h('ol', { class: 'timeline', testid: 'ticket-history', attrs: { 'data-count': sorted.length } },
    ...sorted.map((ev) => h('li', { class: 'event', testid: 'history-event', attrs: { 'data-type': ev.type, 'data-seq': ev.seq } },
      h('div', { class: 'event-head' },
        h('strong', {}, eventTitle(ev)),
        h('span', { class: 'transition' },
          ev.from ? `${label(TICKET_STATE_LABELS, ev.from)} → ` : '',
          label(TICKET_STATE_LABELS, ev.to)),
        h('time', { class: 'muted', attrs: { datetime: ev.at } }, formatInstant(ev.at))),
      h('div', { class: 'event-body' },
        h('span', { class: 'muted' }, `${t('by')}: ${ev.actorName}`),
        ev.note ? h('p', { class: 'note' }, ev.note) : null))));
}

function reporterBlock(detail: TicketDetailView): HTMLElement {
  const head = h('h2', {}, t('reporterLegend'));
  if (detail.reporterRedacted) {
    return h('section', { class: 'card reporter redacted', testid: 'ticket-reporter-redacted' }, head,
      h('p', { class: 'muted', testid: 'reporter-redacted-note' }, t('reporterRedacted')));
  }
  const r = detail.reporter;
  if (!r) return h('section', { class: 'card reporter', testid: 'ticket-reporter-none' }, head, h('p', { class: 'muted' }, t('reporterNone')));
  return h('section', { class: 'card reporter', testid: 'ticket-reporter' }, head,
    dl([t('fieldReporterName'), r.name, 'reporter-name'],
      [t('fieldReporterPhone'), r.phone || t('none'), 'reporter-phone'],
      [t('fieldReporterEmail'), r.email || t('none'), 'reporter-email'],
      [t('fieldReporterConsent'), r.consentToContact ? t('consentYes') : t('consentNo')]));
}

function actionsArea(ctx: Ctx, detail: TicketDetailView, reload: () => Promise<void>): HTMLElement {
  const available = TICKET_ACTIONS.filter((a) => a.available(detail, ctx.me));
  const error = h('p', { class: 'form-error', testid: 'action-error', attrs: { hidden: true, role: 'alert' } });
  const button = (a: TicketAction): HTMLButtonElement => {
    const b = h('button', {
      class: a.tone ?? 'secondary', testid: `action-${a.id}`, attrs: { type: 'button' },
      on: {
        click: () => {
          b.disabled = true;
          error.hidden = true;
          a.run(ctx.api, detail).then(reload, (err: unknown) => {
            error.textContent = describeError(err);
            error.hidden = false;
          }).finally(() => { b.disabled = false; });
        },
      },
    }, t(a.label));
    return b;
  };
  return h('section', { class: 'card actions', testid: 'ticket-actions' },
    h('h2', {}, t('actions')),
    available.length > 0 ? h('div', { class: 'action-buttons' }, ...available.map(button)) : h('p', { class: 'muted' }, t('noActions')),
    error);
}

function render(ctx: Ctx, detail: TicketDetailView, reload: () => Promise<void>): HTMLElement {
  const tk = detail.ticket;
  const left = timeLeft(tk.dueAt);
  const routed = tk.ownerDeptId !== null;
  return h('div', { class: 'detail', testid: 'ticket-detail', attrs: { 'data-ticket-id': tk.id } },
    h('div', { class: 'page-head' },
      h('div', {},
        h('a', { class: 'back', testid: 'back-to-list', attrs: { href: '#/tickets' } }, '← ', t('backToList')),
        h('h1', {}, h('span', { class: 'mono', testid: 'ticket-number' }, tk.number), ' ', h('span', { testid: 'ticket-title' }, tk.title))),
      h('div', { class: 'head-state' }, stateBadge(tk.state, 'ticket-state'),
        tk.major ? h('span', { class: 'tag major' }, t('fieldMajorShort')) : null,
        tk.escalationLevel > 0 ? h('span', { class: 'tag escalated' }, t('escalationLevel', { n: tk.escalationLevel })) : null)),
    h('div', { class: 'detail-grid' },
      h('div', { class: 'detail-main' },
        h('section', { class: 'card' },
          dl(
            [t('fieldKind'), label(TICKET_KIND_LABELS, tk.kind), 'ticket-kind'],
            ...(tk.subject ? [[t('fieldSubject'), label(COMPLAINT_SUBJECT_LABELS, tk.subject), 'ticket-subject'] as [string, Child, string]] : []),
            [t('fieldChannel'), label(CHANNEL_LABELS, tk.channel), 'ticket-channel'],
            [t('fieldClient'), tk.clientName, 'ticket-client'],
            [t('fieldReceivedAt'), formatInstant(tk.receivedAt), 'ticket-received'],
            [t('fieldClaimedAmount'), formatAmount(tk.claimedAmount), 'ticket-claimed-amount'],
          ),
          tk.description ? h('p', { class: 'description', testid: 'ticket-description' }, tk.description) : null),
        h('section', { class: 'card' },
          h('h2', {}, t('history')),
          timeline(detail.events))),
      h('aside', { class: 'detail-side' },
        h('section', { class: routed ? 'card routing' : 'card routing pending' },
          dl(
            [t('fieldOwner'), routed ? (tk.ownerDeptName ?? tk.ownerDeptId) : h('span', { class: 'muted' }, t('routingPending')), 'ticket-owner'],
            [t('fieldRoutingReason'), tk.routingReason ?? t('none'), 'ticket-routing-reason'],
            [t('fieldDueAt'), h('span', { attrs: { 'data-due': tk.dueAt ?? '' } }, formatInstant(tk.dueAt)), 'ticket-due'],
            [t('fieldTimeLeft'), left ? h('span', { class: left.overdue ? 'overdue-text' : '' }, left.text) : t('none'), 'ticket-time-left'],
            [t('fieldEscalation'), String(tk.escalationLevel), 'ticket-escalation'],
          )),
        reporterBlock(detail),
        actionsArea(ctx, detail, reload))));
}

export function renderTicketDetail(ctx: Ctx, root: HTMLElement, ticketId: string): () => void {
  const page = h('section', { class: 'page' }, h('p', { class: 'muted' }, t('loading')));
  root.replaceChildren(page);
  let stopped = false;
  let stop: () => void = () => undefined;
  let shown = '';
  const load = async (): Promise<void> => {
    try {
      const detail = await ctx.api.getTicket({ ticketId });
      // Re-render only when something changed (or the minute did, for "time left"): keeps focus.
      const key = `${JSON.stringify(detail)}|${Math.floor(Date.now() / 60_000)}`;
      if (!stopped && key !== shown) {
        shown = key;
        replaceChildren(page, render(ctx, detail, load));
      }
    } catch (err) {
      if (stopped) return;
      const code = errorCode(err);
      // A ticket that is gone or forbidden will not come back: stop polling.
      if (code === 'functions/not-found' || code === 'functions/permission-denied') stop();
      shown = '';
      replaceChildren(page,
        h('a', { class: 'back', attrs: { href: '#/tickets' } }, '← ', t('backToList')),
        h('p', { class: 'form-error', testid: 'ticket-error' }, describeError(err)));
    }
  };
  void load();
  stop = poll(load, DETAIL_POLL_MS);
  return () => { stopped = true; stop(); };
}

import { TicketQueue, type TicketView } from '../../../functions/src/domain/api';
import { TICKET_KIND_LABELS, TICKET_STATE_LABELS } from '../../../functions/src/domain/vocabulary';
import type { Ctx } from '../context';
import { h, replaceChildren } from '../dom';
import { describeError } from '../errors';
import { label, t, type MessageKey } from '../i18n';
import { formatInstant, timeLeft } from '../format';
import { poll } from '../poll';

export const QUEUES = TicketQueue.options;
export type Queue = (typeof QUEUES)[number];
export const LIST_POLL_MS = 10_000;

export function parseQueue(v: string | null): Queue {
  return QUEUES.find((q) => q === v) ?? 'all';
}

export function stateBadge(state: TicketView['state'], testid: string): HTMLElement {
  return h('span', { class: `state state-${state}`, testid, attrs: { 'data-state': state } }, label(TICKET_STATE_LABELS, state));
}

function row(ctx: Ctx, tk: TicketView): HTMLElement {
  const left = timeLeft(tk.dueAt);
  const open = (): void => ctx.navigate(`#/tickets/${encodeURIComponent(tk.id)}`);
  return h('tr', {
    class: left?.overdue ? 'ticket-row overdue' : 'ticket-row', testid: 'ticket-row',
    attrs: { 'data-ticket-id': tk.id, tabindex: 0 },
    on: { click: open, keydown: (ev) => { if (ev.key === 'Enter') open(); } },
  },
  h('td', { class: 'mono', testid: 'ticket-row-number' }, tk.number),
  h('td', { class: 'title-cell' },
    h('a', { testid: 'ticket-row-title', attrs: { href: `#/tickets/${encodeURIComponent(tk.id)}` } }, tk.title),
    tk.major ? h('span', { class: 'tag major' }, t('fieldMajorShort')) : null),
  h('td', { testid: 'ticket-row-kind' }, label(TICKET_KIND_LABELS, tk.kind)),
  h('td', { testid: 'ticket-row-client' }, tk.clientName),
  h('td', {}, stateBadge(tk.state, 'ticket-row-state')),
  h('td', { testid: 'ticket-row-owner' }, tk.ownerDeptName ?? t('unassigned')),
  h('td', { testid: 'ticket-row-due', attrs: { 'data-due': tk.dueAt ?? '' } },
    formatInstant(tk.dueAt),
    left ? h('div', { class: left.overdue ? 'small overdue-text' : 'small muted' }, left.text) : null),
  h('td', { class: 'num', testid: 'ticket-row-escalation' },
    tk.escalationLevel > 0 ? h('span', { class: 'tag escalated' }, t('escalationLevel', { n: tk.escalationLevel })) : t('none')));
}

export function renderTicketList(ctx: Ctx, root: HTMLElement, queue: Queue): () => void {
  const body = h('div', { class: 'list-body', testid: 'ticket-list' }, h('p', { class: 'muted' }, t('loading')));
  const tabs = h('div', { class: 'tabs', attrs: { role: 'tablist' } },
    ...QUEUES.map((q) => h('a', {
      class: q === queue ? 'tab active' : 'tab', testid: `queue-${q}`,
      attrs: { href: q === 'all' ? '#/tickets' : `#/tickets?queue=${q}`, role: 'tab', 'aria-selected': q === queue ? 'true' : 'false' },
    }, t(`queue_${q}` satisfies MessageKey))));

  const load = async (): Promise<void> => {
    try {
      const { tickets } = await ctx.api.listTickets({ queue, limit: 100 });
      if (tickets.length === 0) {
        replaceChildren(body, h('p', { class: 'empty', testid: 'ticket-list-empty' }, t('noTickets')));
        return;
      }
      replaceChildren(body, h('table', { class: 'tickets' },
        h('thead', {}, h('tr', {},
          ...(['colNumber', 'colTitle', 'colKind', 'colClient', 'colState', 'colOwner', 'colDue', 'colEscalation'] as const)
            .map((k) => h('th', { attrs: { scope: 'col' } }, t(k))))),
        h('tbody', {}, ...tickets.map((tk) => row(ctx, tk)))));
    } catch (err) {
      replaceChildren(body, h('p', { class: 'form-error', testid: 'ticket-list-error' }, describeError(err)));
    }
  };

  root.replaceChildren(
    h('section', { class: 'page' },
      h('div', { class: 'page-head' },
        h('h1', {}, t('navTickets')),
        h('div', { class: 'page-tools' },
          h('button', { class: 'secondary', testid: 'tickets-refresh', attrs: { type: 'button' }, on: { click: () => void load() } }, t('refresh')),
          h('a', { class: 'button primary', testid: 'new-ticket', attrs: { href: '#/tickets/new' } }, t('navNewTicket')))),
      tabs,
      body));
  void load();
  return poll(load, LIST_POLL_MS);
}

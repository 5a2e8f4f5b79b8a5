import type { NotificationView } from '../../../functions/src/domain/api';
import type { Ctx } from '../context';
import { h, replaceChildren } from '../dom';
import { describeError } from '../errors';
import { formatInstant } from '../format';
import { t } from '../i18n';
import { poll } from '../poll';

export const NOTIFICATIONS_POLL_MS = 10_000;
let unreadOnly = false;

export function renderNotifications(ctx: Ctx, root: HTMLElement): () => void {
  const list = h('div', { testid: 'notification-list' }, h('p', { class: 'muted' }, t('loading')));
  const error = h('p', { class: 'form-error', testid: 'notification-error', attrs: { hidden: true, role: 'alert' } });
  let current: NotificationView[] = [];

  const markRead = async (ids: string[]): Promise<void> => {
    if (ids.length === 0) return;
    error.hidden = true;
    try {
      await ctx.api.markNotificationsRead({ ids });
      await Promise.all([load(), ctx.refreshUnread()]);
    } catch (err) {
      error.textContent = describeError(err);
      error.hidden = false;
    }
  };

  const item = (n: NotificationView): HTMLElement =>
    h('li', { class: n.read ? 'notification' : 'notification unread', testid: 'notification', attrs: { 'data-id': n.id, 'data-read': n.read } },
      h('div', { class: 'notification-head' },
        n.read ? null : h('span', { class: 'dot', attrs: { title: t('unread') } }),
        h('strong', {}, n.title),
        h('time', { class: 'muted', attrs: { datetime: n.createdAt } }, formatInstant(n.createdAt))),
      n.body ? h('p', {}, n.body) : null,
      h('div', { class: 'notification-actions' },
        h('a', {
          testid: 'notification-open', attrs: { href: `#/tickets/${encodeURIComponent(n.ticketId)}` },
          on: { click: () => { if (!n.read) void ctx.api.markNotificationsRead({ ids: [n.id] }).then(() => ctx.refreshUnread()); } },
        }, t('openTicket')),
        n.read ? null : h('button', {
          class: 'link-button', testid: 'notification-mark-read', attrs: { type: 'button' },
          on: { click: () => void markRead([n.id]) },
        }, t('markRead'))));

  const load = async (): Promise<void> => {
    try {
      const res = await ctx.api.listNotifications({ unreadOnly, limit: 100 });
      current = res.notifications;
      replaceChildren(list, current.length === 0
        ? h('p', { class: 'empty', testid: 'notification-empty' }, t('noNotifications'))
        : h('ul', { class: 'notifications' }, ...current.map(item)));
    } catch (err) {
      replaceChildren(list, h('p', { class: 'form-error' }, describeError(err)));
    }
  };

  const onlyUnread = h('input', {
    testid: 'notifications-unread-only', checked: unreadOnly, attrs: { type: 'checkbox', id: 'unread-only' },
    on: { change: () => { unreadOnly = onlyUnread.checked; void load(); } },
  });
  root.replaceChildren(h('section', { class: 'page narrow' },
    h('div', { class: 'page-head' },
      h('h1', {}, t('notificationsTitle')),
      h('div', { class: 'page-tools' },
        h('span', { class: 'check' }, onlyUnread, h('label', { attrs: { for: 'unread-only' } }, t('showUnreadOnly'))),
        h('button', {
          class: 'secondary', testid: 'notifications-mark-all', attrs: { type: 'button' },
          on: { click: () => void markRead(current.filter((n) => !n.read).map((n) => n.id)) },
        }, t('markAllRead')))),
    error,
    h('div', { class: 'card' }, list)));
  void load();
  return poll(load, NOTIFICATIONS_POLL_MS);
}

import { ROLE_LABELS } from '../../../functions/src/domain/vocabulary';
import type { MeView } from '../../../functions/src/domain/api';
import { h } from '../dom';
import { label, t } from '../i18n';
import { at } from './adminText';

/** An inline SVG bell (no icon font, no emoji: both may be missing on staff machines). */
function bellIcon(): SVGSVGElement {
  const ns = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(ns, 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('width', '22');
  svg.setAttribute('height', '22');
  svg.setAttribute('aria-hidden', 'true');
  svg.classList.add('bell');
  const path = document.createElementNS(ns, 'path');
  path.setAttribute('d', 'M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1Z');
  path.setAttribute('fill', 'currentColor');
  svg.appendChild(path);
  return svg;
}

export interface HeaderHandlers {
  onSwitchLocale(): void;
  onSignOut(): void;
}

export function renderHeader(me: MeView, route: string, handlers: HeaderHandlers): HTMLElement {
  const navLink = (hash: string, text: string, testid: string, active: boolean): HTMLElement =>
    h('a', { class: active ? 'nav-link active' : 'nav-link', testid, attrs: { href: hash, 'aria-current': active ? 'page' : null } }, text);
  return h('header', { class: 'app-header' },
    h('div', { class: 'brand' },
      h('span', { class: 'brand-mark', attrs: { 'aria-hidden': 'true' } }, '回'),
      h('span', { class: 'brand-name' }, t('appName')),
      h('span', { class: 'brand-tagline' }, t('appTagline'))),
    h('nav', { class: 'main-nav' },
      navLink('#/tickets', t('navTickets'), 'nav-tickets', route === 'tickets' || route === 'ticket'),
      navLink('#/tickets/new', t('navNewTicket'), 'nav-new-ticket', route === 'new'),
      me.role === 'admin' || me.role === 'auditor' ? navLink('#/admin/staff', at('navStaff'), 'nav-staff', route === 'staff') : null,
      me.role === 'admin' || me.role === 'auditor' ? navLink('#/admin/audit', at('navAudit'), 'nav-audit', route === 'audit') : null),
    h('div', { class: 'user-area' },
      h('a', { class: 'notif-link', testid: 'nav-notifications', attrs: { href: '#/notifications', title: t('unreadTitle') } },
        bellIcon(),
        h('span', { class: 'sr-only' }, t('notifications')),
        h('span', { class: 'badge zero', testid: 'notif-badge', attrs: { 'data-count': 0, 'aria-live': 'polite' } }, '0')),
      h('div', { class: 'who' },
        h('span', { class: 'who-name', testid: 'header-user' }, me.displayName),
        h('span', { class: 'who-meta' },
          h('span', { testid: 'header-role' }, label(ROLE_LABELS, me.role)),
          ' · ',
          h('span', { testid: 'header-dept' }, me.deptName))),
      h('button', {
        class: 'link-button', testid: 'lang-switch', attrs: { type: 'button', title: t('language') },
        on: { click: handlers.onSwitchLocale },
      }, t('otherLanguage')),
      h('button', { class: 'secondary', testid: 'signout', attrs: { type: 'button' }, on: { click: handlers.onSignOut } }, t('signOut'))));
}

export function updateBadge(header: HTMLElement, count: number): void {
  const badge = header.querySelector<HTMLElement>('[data-testid="notif-badge"]');
  if (!badge) return;
  badge.textContent = count > 99 ? '99+' : String(count);
  badge.dataset['count'] = String(count);
  badge.classList.toggle('zero', count === 0);
}

/**
 * Huixiang staff client: bootstraps Firebase from the runtime config, signs staff in, and
 * routes between views by the URL hash (#/tickets, #/tickets/new, #/tickets/<id>, #/notifications).
 */
import './style.css';
import { onAuthStateChanged, signOut, type Auth, type User } from 'firebase/auth';
import type { MeView } from '../../functions/src/domain/api';
import { createApi, type Api } from './api';
import { loadRuntimeConfig } from './config';
import type { Ctx } from './context';
import { h } from './dom';
import { describeError, errorCode } from './errors';
import { initFirebase } from './firebase';
import { otherLocale, setLocale, t } from './i18n';
import { poll } from './poll';
import { updateBadge, renderHeader } from './views/header';
import { renderNewTicket } from './views/newTicket';
import { renderNotifications } from './views/notifications';
import { renderSignIn } from './views/signin';
import { parseQueue, renderTicketList } from './views/tickets';
import { renderTicketDetail } from './views/ticketDetail';
import { setAdminFunctions } from './views/adminApi';
import { renderAuditLog } from './views/auditLog';
import { renderStaff } from './views/staff';

export const UNREAD_POLL_MS = 5_000;

type Route =
  | { name: 'tickets'; queue: ReturnType<typeof parseQueue> }
  | { name: 'new' }
  | { name: 'ticket'; id: string }
  | { name: 'notifications' }
  | { name: 'staff' }
  | { name: 'audit' };

function parseRoute(hash: string): Route {
  const [path = '', query = ''] = hash.replace(/^#/, '').split('?');
  const parts = path.split('/').filter((p) => p !== '');
  if (parts[0] === 'notifications') return { name: 'notifications' };
  if (parts[0] === 'admin' && parts[1] === 'staff') return { name: 'staff' };
  if (parts[0] === 'admin' && parts[1] === 'audit') return { name: 'audit' };
  if (parts[0] === 'tickets' && parts[1] === 'new') return { name: 'new' };
  if (parts[0] === 'tickets' && parts[1]) return { name: 'ticket', id: decodeURIComponent(parts[1]) };
  return { name: 'tickets', queue: parseQueue(new URLSearchParams(query).get('queue')) };
}

const root = document.getElementById('app') ?? document.body;

function fatal(message: string, retry: () => void): void {
  root.replaceChildren(h('div', { class: 'card fatal', testid: 'fatal' },
    h('p', { class: 'form-error' }, message),
    h('button', { class: 'primary', attrs: { type: 'button' }, on: { click: retry } }, t('retry'))));
}

/** The signed-in shell: header + routed main area; returns a teardown for sign-out. */
function startShell(api: Api, auth: Auth, me: MeView): () => void {
  let header: HTMLElement = h('header');
  const main = h('main', { class: 'app-main' });
  let cleanup: (() => void) | void;
  let unread = 0;

  const refreshUnread = async (): Promise<void> => {
    const res = await api.listNotifications({ unreadOnly: true, limit: 1 });
    unread = res.unreadCount;
    updateBadge(header, unread);
  };
  const ctx: Ctx = {
    api, auth, me, refreshUnread,
    navigate: (hash) => { if (location.hash === hash) renderRoute(); else location.hash = hash; },
  };

  function renderRoute(): void {
    if (cleanup) cleanup();
    cleanup = undefined;
    const route = parseRoute(location.hash);
    const newHeader = renderHeader(me, route.name, {
      onSwitchLocale: () => { setLocale(otherLocale()); renderRoute(); },
      onSignOut: () => void signOut(auth),
    });
    header.replaceWith(newHeader);
    header = newHeader;
    updateBadge(header, unread);
    switch (route.name) {
      case 'tickets': cleanup = renderTicketList(ctx, main, route.queue); break;
      case 'new': renderNewTicket(ctx, main); break;
      case 'ticket': cleanup = renderTicketDetail(ctx, main, route.id); break;
      case 'notifications': cleanup = renderNotifications(ctx, main); break;
      case 'staff': renderStaff(ctx, main); break;
      case 'audit': renderAuditLog(ctx, main); break;
    }
    window.scrollTo(0, 0);
  }

  root.replaceChildren(header, main);
  window.addEventListener('hashchange', renderRoute);
  renderRoute();
  void refreshUnread().catch((err: unknown) => console.warn('unread count failed', err));
  const stopUnread = poll(refreshUnread, UNREAD_POLL_MS);
  return () => {
    stopUnread();
    if (cleanup) cleanup();
    window.removeEventListener('hashchange', renderRoute);
  };
}

async function boot(): Promise<void> {
  root.replaceChildren(h('p', { class: 'boot' }, t('loading')));
  let config;
  try {
    config = await loadRuntimeConfig();
  } catch (err) {
    console.error(err);
    fatal(t('errConfig'), () => void boot());
    return;
  }
  const { auth, functions } = initFirebase(config);
  const api = createApi(functions);
  setAdminFunctions(functions);
  let teardown: (() => void) | undefined;
  let generation = 0;
  let signInMessage: string | null = null;
  const showSignIn = (): void => {
    renderSignIn(root, auth, signInMessage, () => { setLocale(otherLocale()); showSignIn(); });
    signInMessage = null;
  };

  const signedIn = async (user: User, gen: number): Promise<void> => {
    root.replaceChildren(h('p', { class: 'boot' }, t('loading')));
    try {
      const me = await api.whoAmI();
      if (gen !== generation) return;
      document.body.dataset['uid'] = user.uid;
      teardown = startShell(api, auth, me);
    } catch (err) {
      if (gen !== generation) return;
      const code = errorCode(err);
      const msg = code === 'functions/permission-denied' || code === 'functions/not-found' || code === 'functions/unauthenticated'
        ? t('errNotStaff') : describeError(err);
      signInMessage = msg;
      await signOut(auth);
    }
  };

  onAuthStateChanged(auth, (user) => {
    generation += 1;
    teardown?.();
    teardown = undefined;
    delete document.body.dataset['uid'];
    if (user) void signedIn(user, generation);
    else showSignIn();
  });
}

void boot();

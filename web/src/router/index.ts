/**
 * Routes per area, each view loaded on demand (the sign-in page ships little JS). `meta.roles`
 * shapes the navigation only: the server still decides what each callable allows.
 */
import { createRouter, createWebHashHistory, type RouteRecordRaw } from 'vue-router';
import type { Role } from '../../../functions/src/domain/vocabulary';
import { AREAS } from '../areas';
import { session, sessionSettled } from '../session';

declare module 'vue-router' {
  interface RouteMeta {
    public?: boolean;
    /** Reachable signed in or not (clients' public pages: survey answers, feedback). */
    open?: boolean;
    roles?: readonly Role[];
    /** Shown without the app's header (print views). */
    bare?: boolean;
  }
}

const ADMIN_READERS: readonly Role[] = ['admin', 'auditor'];

const routes: RouteRecordRaw[] = [
  { path: '/signin', name: 'signin', component: () => import('../views/signin/index.vue'), meta: { public: true } },
  { path: '/tickets/:id/print', name: 'ticket-print', component: () => import('../views/tickets/print.vue'), meta: { bare: true }, props: (r) => ({ id: r.params['id'], record: 'complaint' }) },
  { path: '/tickets/:id/print/callback', name: 'ticket-print-callback', component: () => import('../views/tickets/print.vue'), meta: { bare: true }, props: (r) => ({ id: r.params['id'], record: 'callback' }) },
  {
    path: '/',
    component: () => import('../layout/AppShell.vue'),
    children: [
      { path: '', redirect: '/tickets' },
      { path: 'tickets', name: 'tickets', component: () => import('../views/tickets/index.vue') },
      { path: 'tickets/new', name: 'ticket-new', component: () => import('../views/tickets/new.vue') },
      { path: 'tickets/:id', name: 'ticket', component: () => import('../views/tickets/detail.vue'), props: true },
      { path: 'notifications', name: 'notifications', component: () => import('../views/notifications/index.vue') },
      { path: 'admin/staff', name: 'staff', component: () => import('../views/admin/staff/index.vue'), meta: { roles: ADMIN_READERS } },
      { path: 'admin/audit', name: 'audit', component: () => import('../views/admin/audit/index.vue'), meta: { roles: ADMIN_READERS } },
      { path: 'admin/org', name: 'org', component: () => import('../views/admin/org/index.vue'), meta: { roles: ADMIN_READERS } },
      { path: 'admin/config', name: 'config', component: () => import('../views/admin/config/index.vue'), meta: { roles: ADMIN_READERS } },
      ...AREAS.flatMap((a) => a.routes ?? []),
    ],
  },
  ...AREAS.flatMap((a) => (a.bareRoutes ?? []).map((r) => ({ ...r, meta: { ...r.meta, bare: true } }) as RouteRecordRaw)),
  ...AREAS.flatMap((a) => (a.openRoutes ?? []).map((r) => ({ ...r, meta: { ...r.meta, bare: true, open: true } }) as RouteRecordRaw)),
  { path: '/:rest(.*)*', redirect: '/tickets' },
];

export const router = createRouter({ history: createWebHashHistory(), routes });

router.beforeEach(async (to) => {
  if (to.meta.open) return true;
  await sessionSettled();
  const signedIn = session.status === 'signed-in';
  if (to.meta.public) return signedIn ? { path: typeof to.query['redirect'] === 'string' ? to.query['redirect'] : '/tickets' } : true;
  if (!signedIn) return { name: 'signin', query: to.fullPath !== '/' && to.fullPath !== '/tickets' ? { redirect: to.fullPath } : {} };
  const roles = to.meta.roles;
  if (roles && session.me && !roles.includes(session.me.role)) return { path: '/tickets' };
  return true;
});

/** The work-order area of the web client: orders, one order, its print form, repair callbacks (see ../types.ts). */
import type { Role } from '../../../../functions/src/domain/vocabulary';
import { defineArea } from '../types';
import messages from './messages';

/** Technicians (staff), dispatchers and heads, the CS centre (intake), quality, leadership, auditors. */
const ORDERS: readonly Role[] = ['staff', 'head', 'intake', 'quality', 'leadership', 'auditor', 'admin'];
/** The customer-service centre makes the callbacks; heads and leadership watch. */
const CALLBACKS: readonly Role[] = ['intake', 'head', 'leadership', 'auditor'];

export default defineArea({
  id: 'workorders',
  routes: [
    { path: 'work-orders', name: 'work-orders', component: () => import('./WorkOrderList.vue') },
    { path: 'work-orders/:id', name: 'work-order', component: () => import('./WorkOrderDetail.vue') },
    { path: 'repair-callbacks', name: 'repair-callbacks', component: () => import('./RepairCallbacks.vue') },
  ],
  bareRoutes: [
    { path: '/work-orders/:id/print', name: 'work-order-print', component: () => import('./WorkOrderPrint.vue') },
  ],
  nav: [
    { to: '/work-orders', testid: 'nav-work-orders', label: { 'zh-CN': messages['zh-CN'].nav, en: messages.en.nav }, active: ['work-orders', 'work-order'], roles: ORDERS },
    { to: '/repair-callbacks', testid: 'nav-repair-callbacks', label: { 'zh-CN': messages['zh-CN'].navCallbacks, en: messages.en.navCallbacks }, active: ['repair-callbacks'], roles: CALLBACKS },
  ],
  messages,
});

/** The KPI area of the web client: routes, navigation and messages (see ../types.ts). */
import type { Role } from '../../../../functions/src/domain/vocabulary';
import { defineArea } from '../types';
import messages from './messages';

/** Who reads figures beyond their own (the server decides which scopes). */
const READERS: readonly Role[] = ['leadership', 'auditor', 'admin', 'quality', 'head'];
/** People whose own figures are counted. */
const COUNTED: readonly Role[] = ['staff', 'onsite', 'quality', 'head', 'intake'];

export default defineArea({
  id: 'kpis',
  routes: [
    { path: 'kpis', name: 'kpis', component: () => import('./KpiMonth.vue') },
    { path: 'kpis/:month', name: 'kpi-month', component: () => import('./KpiMonth.vue') },
    { path: 'my-kpis', name: 'my-kpis', component: () => import('./MyKpis.vue') },
  ],
  nav: [
    { to: '/kpis', testid: 'nav-kpis', label: { 'zh-CN': messages['zh-CN'].nav, en: messages.en.nav }, active: ['kpis', 'kpi-month'], roles: READERS },
    { to: '/my-kpis', testid: 'nav-my-kpis', label: { 'zh-CN': messages['zh-CN'].navMine, en: messages.en.navMine }, active: ['my-kpis'], roles: COUNTED },
  ],
  messages,
});

/** The calendar area of the web client: routes, navigation and messages (see ../types.ts). */
import type { Role } from '../../../../functions/src/domain/vocabulary';
import { defineArea } from '../types';
import messages from './messages';

const ADMIN_READERS: readonly Role[] = ['admin', 'auditor'];

export default defineArea({
  id: 'calendar',
  routes: [
    { path: 'admin/calendar', name: 'calendar', component: () => import('./CalendarAdmin.vue'), meta: { roles: ADMIN_READERS } },
  ],
  nav: [
    { to: '/admin/calendar', testid: 'nav-calendar', label: { 'zh-CN': messages['zh-CN'].nav, en: messages.en.nav }, active: ['calendar'], roles: ADMIN_READERS },
  ],
  messages,
});

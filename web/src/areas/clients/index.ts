/** The client area of the web client: archive, one client, visits (see ../types.ts). */
import type { Role } from '../../../../functions/src/domain/vocabulary';
import { defineArea } from '../types';
import messages from './messages';

/** Who keeps or reads client records (the server decides which clients). */
const ARCHIVE: readonly Role[] = ['intake', 'staff', 'head', 'quality', 'onsite', 'leadership', 'auditor', 'admin'];
/** Account managers record visits; heads, quality and leadership watch coverage. */
const VISITS: readonly Role[] = ['onsite', 'head', 'quality', 'leadership'];

export default defineArea({
  id: 'clients',
  routes: [
    { path: 'clients', name: 'clients', component: () => import('./ClientList.vue') },
    { path: 'clients/:id', name: 'client', component: () => import('./ClientDetail.vue') },
    { path: 'visits', name: 'visits', component: () => import('./Visits.vue') },
  ],
  nav: [
    { to: '/clients', testid: 'nav-clients', label: { 'zh-CN': messages['zh-CN'].nav, en: messages.en.nav }, active: ['clients', 'client'], roles: ARCHIVE },
    { to: '/visits', testid: 'nav-visits', label: { 'zh-CN': messages['zh-CN'].navVisits, en: messages.en.navVisits }, active: ['visits'], roles: VISITS },
  ],
  messages,
});

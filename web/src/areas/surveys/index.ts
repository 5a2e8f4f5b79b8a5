/** The survey area for staff: campaigns and one campaign's sample, returns and report (see ../types.ts). */
import type { Role } from '../../../../functions/src/domain/vocabulary';
import { defineArea } from '../types';
import messages from './messages';

/** Quality, the customer-service centre and leadership run surveys; the auditor reads reports (the server decides). */
const SURVEYS: readonly Role[] = ['quality', 'head', 'intake', 'leadership', 'auditor'];

export default defineArea({
  id: 'surveys',
  routes: [
    { path: 'surveys', name: 'surveys', component: () => import('./SurveyList.vue') },
    { path: 'surveys/:id', name: 'survey', component: () => import('./SurveyCampaign.vue') },
  ],
  nav: [
    { to: '/surveys', testid: 'nav-surveys', label: { 'zh-CN': messages['zh-CN'].nav, en: messages.en.nav }, active: ['surveys', 'survey'], roles: SURVEYS },
  ],
  messages,
});

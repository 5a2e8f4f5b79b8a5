/** The pages clients use without signing in: a survey from a personal link, feedback, follow-up (see ../types.ts). */
import { defineArea } from '../types';
import messages from './messages';

export default defineArea({
  id: 'public',
  openRoutes: [
    { path: '/s/:token', name: 'survey-answer', component: () => import('./SurveyAnswer.vue') },
    { path: '/feedback', name: 'public-feedback', component: () => import('./Feedback.vue') },
    { path: '/follow', name: 'public-follow', component: () => import('./Follow.vue') },
  ],
  messages,
});

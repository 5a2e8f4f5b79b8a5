/** The calendar area of the web client: routes, navigation and messages (see ../types.ts). */
import { defineArea } from '../types';

export default defineArea({
  id: 'calendar',
  routes: [],
  nav: [],
  messages: { 'zh-CN': {}, en: {} },
});

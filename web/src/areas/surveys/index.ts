/** The surveys area of the web client: routes, navigation and messages (see ../types.ts). */
import { defineArea } from '../types';

export default defineArea({
  id: 'surveys',
  routes: [],
  nav: [],
  messages: { 'zh-CN': {}, en: {} },
});

/** The public area of the web client: routes, navigation and messages (see ../types.ts). */
import { defineArea } from '../types';

export default defineArea({
  id: 'public',
  routes: [],
  nav: [],
  messages: { 'zh-CN': {}, en: {} },
});

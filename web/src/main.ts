/**
 * Huixiang staff client: loads the runtime config, starts Firebase (Auth + callables only),
 * then mounts the Vue app. Views are loaded per route (router/index.ts).
 */
import { createApp } from 'vue';
import App from './App.vue';
import { setFunctions } from './api/call';
import { loadRuntimeConfig } from './config';
import { initFirebase } from './firebase';
import { i18n, t } from './locales';
import { router } from './router';
import { sessionLost, startSession } from './session';
import { isSessionLost } from './utils/errors';
import './styles/app.css';

async function boot(): Promise<void> {
  const root = document.getElementById('app');
  let config;
  try {
    config = await loadRuntimeConfig();
  } catch (err) {
    console.error(err);
    if (root) {
      root.innerHTML = '';
      const p = document.createElement('p');
      p.className = 'boot fatal';
      p.dataset['testid'] = 'fatal';
      p.textContent = t('errConfig');
      const b = document.createElement('button');
      b.textContent = t('retry');
      b.onclick = () => location.reload();
      root.append(p, b);
    }
    return;
  }
  const { auth, functions } = initFirebase(config);
  setFunctions(functions, (err) => { if (isSessionLost(err)) sessionLost(); });
  startSession(auth);
  createApp(App).use(i18n).use(router).mount('#app');
}

void boot();

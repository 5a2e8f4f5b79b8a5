/** The Firebase app, auth and callable functions; nothing else of Firebase is used. */
import { initializeApp, type FirebaseApp } from 'firebase/app';
import {
  browserLocalPersistence, connectAuthEmulator, indexedDBLocalPersistence, initializeAuth, type Auth,
} from 'firebase/auth';
import { connectFunctionsEmulator, getFunctions, type Functions } from 'firebase/functions';
import type { RuntimeConfig } from './config';

export interface Firebase {
  app: FirebaseApp;
  auth: Auth;
  functions: Functions;
}

export function initFirebase(config: RuntimeConfig): Firebase {
  const app = initializeApp({ projectId: config.projectId, apiKey: config.apiKey, authDomain: config.authDomain });
  // initializeAuth (not getAuth) leaves out the popup/redirect resolver: e-mail sign-in only.
  const auth = initializeAuth(app, { persistence: [indexedDBLocalPersistence, browserLocalPersistence] });
  const functions = getFunctions(app, config.region);
  if (config.emulators) {
    connectAuthEmulator(auth, config.emulators.auth, { disableWarnings: true });
    connectFunctionsEmulator(functions, config.emulators.functions.host, config.emulators.functions.port);
  }
  return { app, auth, functions };
}

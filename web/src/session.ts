/**
 * The signed-in session: Firebase Auth state plus the staff record (whoAmI). A session that ends
 * under the user (signed out elsewhere, account disabled, rights changed) is reported once, all
 * polling stops (it runs only while `status` is signed-in) and the router goes to sign-in.
 */
import { onAuthStateChanged, signOut, type Auth } from 'firebase/auth';
import { reactive } from 'vue';
import type { MeView } from '../../functions/src/domain/api';
import { whoAmI } from './api/session';
import { t } from './locales';
import { describeError, errorCode } from './utils/errors';

export type SessionStatus = 'booting' | 'signed-out' | 'loading' | 'signed-in';

export const session = reactive<{ status: SessionStatus; me: MeView | null; message: string | null; uid: string | null }>({
  status: 'booting', me: null, message: null, uid: null,
});

let auth: Auth | null = null;
let generation = 0;
/** Set by the sign-out button: an intentional sign-out says nothing. */
let signingOut = false;
const waiters: (() => void)[] = [];

export function getAuthInstance(): Auth {
  if (!auth) throw new Error('auth used before boot');
  return auth;
}

/** Resolves once the first auth state is known (router guards wait on it). */
export function sessionSettled(): Promise<void> {
  if (session.status === 'signed-in' || session.status === 'signed-out') return Promise.resolve();
  return new Promise((resolve) => waiters.push(resolve));
}

function settle(): void {
  while (waiters.length) waiters.shift()?.();
}

export function startSession(a: Auth): void {
  auth = a;
  onAuthStateChanged(a, (user) => {
    generation += 1;
    const gen = generation;
    session.me = null;
    session.uid = user?.uid ?? null;
    if (!user) {
      // Signed out without asking (token revoked, account disabled, signed out in another tab): say so once.
      if (session.status === 'signed-in' && !signingOut) session.message ??= t('errSessionEnded');
      signingOut = false;
      session.status = 'signed-out';
      settle();
      return;
    }
    session.status = 'loading';
    whoAmI().then((me) => {
      if (gen !== generation) return;
      session.me = me;
      session.status = 'signed-in';
      settle();
    }, (err: unknown) => {
      if (gen !== generation) return;
      const code = errorCode(err);
      session.message = code === 'functions/permission-denied' || code === 'functions/not-found' || code === 'functions/unauthenticated'
        ? t('errNotStaff') : describeError(err);
      void signOut(a);
    });
  });
}

export async function endSession(): Promise<void> {
  signingOut = true;
  if (auth) await signOut(auth);
}

/** The session ended under the user: say so once, sign out (polls stop), go to sign-in. */
export function sessionLost(): void {
  if (session.status !== 'signed-in') return;
  session.message = t('errSessionEnded');
  session.status = 'loading';
  if (auth) void signOut(auth);
}

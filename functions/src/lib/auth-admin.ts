import { getAuth, type UserRecord } from 'firebase-admin/auth';
import type { AuthAdmin, AuthUserRecord } from '../domain/org/auth-admin';

function record(u: UserRecord): AuthUserRecord {
  return { uid: u.uid, email: u.email ?? null, disabled: u.disabled, customClaims: { ...(u.customClaims ?? {}) } };
}

/** AuthAdmin backed by firebase-admin (the Auth emulator when FIREBASE_AUTH_EMULATOR_HOST is set). */
export function firebaseAuthAdmin(): AuthAdmin {
  const auth = getAuth();
  return {
    async createUser({ email, displayName, password }) {
      const u = await auth.createUser(password === undefined ? { email, displayName } : { email, displayName, password });
      return { uid: u.uid };
    },
    async findUserByEmail(email) {
      try {
        return record(await auth.getUserByEmail(email));
      } catch (err) {
        if ((err as { code?: string }).code === 'auth/user-not-found') return null;
        throw err;
      }
    },
    async getUser(uid) {
      return record(await auth.getUser(uid));
    },
    async setCustomClaims(uid, claims) {
      await auth.setCustomUserClaims(uid, claims);
    },
    async setDisabled(uid, disabled) {
      await auth.updateUser(uid, { disabled });
    },
    async revokeRefreshTokens(uid) {
      await auth.revokeRefreshTokens(uid);
    },
  };
}

let current: AuthAdmin | null = null;

/** The AuthAdmin every admin callable uses; created lazily so importing needs no app. */
export function authAdmin(): AuthAdmin {
  current ??= firebaseAuthAdmin();
  return current;
}

/** Replaces the AuthAdmin (tests). Returns the previous one. */
export function useAuthAdmin(next: AuthAdmin | null): AuthAdmin | null {
  const previous = current;
  current = next;
  return previous;
}

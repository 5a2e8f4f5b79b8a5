/**
 * What the admin callables need from Firebase Authentication, as a plain interface: the
 * firebase-admin implementation lives in lib/auth-admin.ts, tests inject a fake.
 */
export interface AuthUserRecord {
  uid: string;
  email: string | null;
  disabled: boolean;
  customClaims: Record<string, unknown>;
}

export interface AuthAdmin {
  createUser(user: { email: string; displayName: string; password?: string }): Promise<{ uid: string }>;
  /** null when no account has this e-mail. */
  findUserByEmail(email: string): Promise<AuthUserRecord | null>;
  getUser(uid: string): Promise<AuthUserRecord>;
  setCustomClaims(uid: string, claims: Record<string, unknown>): Promise<void>;
  setDisabled(uid: string, disabled: boolean): Promise<void>;
  /** Invalidates refresh tokens, so the next ID token carries the new claims (or none). */
  revokeRefreshTokens(uid: string): Promise<void>;
}

/** An in-memory AuthAdmin for emulator suites; records every call so tests can assert on them. */
import type { AuthAdmin, AuthUserRecord } from '../../functions/src/domain/org/auth-admin';

export class FakeAuthAdmin implements AuthAdmin {
  readonly users = new Map<string, AuthUserRecord & { displayName: string }>();
  readonly calls: Array<[string, string, unknown?]> = [];
  private next = 1;

  /** Adds an account as if it existed already (e.g. the fixture staff). */
  seed(uid: string, email: string, customClaims: Record<string, unknown> = {}): void {
    this.users.set(uid, { uid, email, disabled: false, customClaims, displayName: uid });
  }

  async createUser(u: { email: string; displayName: string }): Promise<{ uid: string }> {
    if ([...this.users.values()].some((x) => x.email === u.email)) throw Object.assign(new Error('exists'), { code: 'auth/email-already-exists' });
    const uid = `fake-${this.next++}`;
    this.users.set(uid, { uid, email: u.email, disabled: false, customClaims: {}, displayName: u.displayName });
    this.calls.push(['createUser', uid]);
    return { uid };
  }

  async findUserByEmail(email: string): Promise<AuthUserRecord | null> {
    return [...this.users.values()].find((u) => u.email === email) ?? null;
  }

  async getUser(uid: string): Promise<AuthUserRecord> {
    const u = this.users.get(uid);
    if (!u) throw Object.assign(new Error(`no user ${uid}`), { code: 'auth/user-not-found' });
    return { ...u, customClaims: { ...u.customClaims } };
  }

  async setCustomClaims(uid: string, claims: Record<string, unknown>): Promise<void> {
    const u = this.users.get(uid);
    if (!u) throw Object.assign(new Error(`no user ${uid}`), { code: 'auth/user-not-found' });
    u.customClaims = { ...claims };
    this.calls.push(['setCustomClaims', uid, claims]);
  }

  async setDisabled(uid: string, disabled: boolean): Promise<void> {
    const u = this.users.get(uid);
    if (!u) throw Object.assign(new Error(`no user ${uid}`), { code: 'auth/user-not-found' });
    u.disabled = disabled;
    this.calls.push(['setDisabled', uid, disabled]);
  }

  async revokeRefreshTokens(uid: string): Promise<void> {
    this.calls.push(['revokeRefreshTokens', uid]);
  }
}

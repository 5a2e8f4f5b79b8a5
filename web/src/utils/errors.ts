/**
 * Errors people understand. A callable refusal carries `details.reason` + `details.params`
 * (functions/src/domain/refusal.ts): rendered from the catalogues in the reader's language.
 * Without a known reason, a generic localized message per HttpsError code; never raw English
 * prose or "[409]". Field errors (`details.fields`) go next to their fields.
 */
import { FirebaseError } from 'firebase/app';
import { refusalText, type Refusal } from '../../../functions/src/domain/refusal';
import { hasMessage, locale, t } from '../locales';
import { REFUSAL_CATALOGUES } from '../locales/refusals';

function details(err: unknown): Record<string, unknown> {
  if (!(err instanceof FirebaseError)) return {};
  const d: unknown = (err as FirebaseError & { details?: unknown }).details;
  return typeof d === 'object' && d !== null ? (d as Record<string, unknown>) : {};
}

export function errorCode(err: unknown): string | null {
  return err instanceof FirebaseError ? err.code : null;
}

/** The refusal code and params of a callable error, if it carries one. */
export function refusalOf(err: unknown): Refusal | null {
  const d = details(err);
  if (typeof d['reason'] !== 'string') return null;
  const params: Record<string, string | number> = {};
  const raw = d['params'];
  if (typeof raw === 'object' && raw !== null) {
    for (const [k, v] of Object.entries(raw)) if (typeof v === 'string' || typeof v === 'number') params[k] = v;
  }
  return { reason: d['reason'], params };
}

/** `details.fields` of an invalid-argument refusal: field path → server message. */
export function fieldErrors(err: unknown): Record<string, string> | null {
  if (errorCode(err) !== 'functions/invalid-argument') return null;
  const fields = details(err)['fields'];
  if (typeof fields !== 'object' || fields === null) return null;
  const out: Record<string, string> = {};
  for (const [path, msg] of Object.entries(fields)) if (typeof msg === 'string') out[path] = msg;
  return Object.keys(out).length > 0 ? out : null;
}

/** What a `failed-precondition` of `transitionTicket` says about the ticket now. */
export function staleDetails(err: unknown): { state: string | null; allowedActions: string[] } | null {
  if (errorCode(err) !== 'functions/failed-precondition') return null;
  const d = details(err);
  const params = (typeof d['params'] === 'object' && d['params'] !== null ? d['params'] : {}) as Record<string, unknown>;
  const state = typeof d['state'] === 'string' ? d['state'] : typeof params['state'] === 'string' ? params['state'] : null;
  const allowed = Array.isArray(d['allowedActions']) ? d['allowedActions'] : [];
  return { state, allowedActions: allowed.filter((a): a is string => typeof a === 'string') };
}

/** The session is gone: signed out elsewhere, account disabled, rights changed. */
export function isSessionLost(err: unknown): boolean {
  const code = errorCode(err);
  if (code === 'functions/unauthenticated' || code === 'auth/user-disabled' || code === 'auth/user-token-expired') return true;
  const r = refusalOf(err)?.reason;
  return r === 'auth.disabled' || r === 'auth.claims_stale' || r === 'auth.sign_in' || r === 'auth.no_staff_record';
}

export function describeError(err: unknown): string {
  const refusal = refusalOf(err);
  if (refusal) {
    const text = refusalText(REFUSAL_CATALOGUES, refusal, locale.value);
    if (text) return text;
  }
  const code = errorCode(err);
  switch (code) {
    case 'auth/invalid-credential':
    case 'auth/wrong-password':
    case 'auth/user-not-found':
    case 'auth/invalid-email':
      return t('errInvalidCredential');
    case 'auth/too-many-requests':
      return t('errTooManyRequests');
    case 'auth/user-disabled':
      return t('errSessionEnded');
    case 'auth/network-request-failed':
      return t('errNetwork');
    default:
      break;
  }
  if (code?.startsWith('functions/')) {
    const key = `code_${code.slice('functions/'.length).replace(/-/g, '_')}`;
    if (hasMessage(key)) return t(key);
  }
  return t('errUnknown', { detail: err instanceof Error ? err.message : String(err) });
}

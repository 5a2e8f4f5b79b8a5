/** Turning FirebaseErrors (auth and callable) into messages for people. */
import { FirebaseError } from 'firebase/app';
import { t } from './i18n';

/** Field-level messages from `details.fields` of a `functions/invalid-argument` error. */
export function fieldErrors(err: unknown): Record<string, string> | null {
  if (!(err instanceof FirebaseError) || err.code !== 'functions/invalid-argument') return null;
  const details: unknown = (err as FirebaseError & { details?: unknown }).details;
  if (typeof details !== 'object' || details === null || !('fields' in details)) return null;
  const fields: unknown = details.fields;
  if (typeof fields !== 'object' || fields === null) return null;
  const out: Record<string, string> = {};
  for (const [path, msg] of Object.entries(fields)) {
    if (typeof msg === 'string') out[path] = msg;
  }
  return Object.keys(out).length > 0 ? out : null;
}

export function errorCode(err: unknown): string | null {
  return err instanceof FirebaseError ? err.code : null;
}

export function describeError(err: unknown): string {
  switch (errorCode(err)) {
    case 'auth/invalid-credential':
    case 'auth/wrong-password':
    case 'auth/user-not-found':
    case 'auth/invalid-email':
      return t('errInvalidCredential');
    case 'auth/too-many-requests':
      return t('errTooManyRequests');
    case 'auth/network-request-failed':
    case 'functions/unavailable':
    case 'functions/deadline-exceeded':
      return t('errNetwork');
    case 'functions/permission-denied':
      return t('errPermission');
    case 'functions/not-found':
      return t('errNotFound');
    default:
      return t('errUnknown', { detail: err instanceof Error ? err.message : String(err) });
  }
}

/** The server's message of a callable error (FirebaseError.message), or null. */
export function serverMessage(err: unknown): string | null {
  return err instanceof FirebaseError && err.code.startsWith('functions/') ? err.message : null;
}

/** What a `failed-precondition` refusal of `transitionTicket` says about the ticket now. */
export function refusalDetails(err: unknown): { state: string | null; allowedActions: string[] } | null {
  if (!(err instanceof FirebaseError) || err.code !== 'functions/failed-precondition') return null;
  const details: unknown = (err as FirebaseError & { details?: unknown }).details;
  const d = typeof details === 'object' && details !== null ? (details as Record<string, unknown>) : {};
  return {
    state: typeof d['state'] === 'string' ? d['state'] : null,
    allowedActions: Array.isArray(d['allowedActions']) ? d['allowedActions'].filter((a): a is string => typeof a === 'string') : [],
  };
}

import { HttpsError, type CallableRequest } from 'firebase-functions/v2/https';
import type { Actor } from '../../domain/actor';
import type { Decision } from '../../domain/surveys/policy';
import { requireActor } from '../../lib/actor';
import { db } from '../../lib/firestore';

/** The signed-in staff member, refused with the policy's code unless it allows `action` (named in the log text). */
export async function surveyActor(request: CallableRequest<unknown>, policy: (a: Actor) => Decision, action: string): Promise<Actor> {
  const actor = await requireActor(db(), request);
  const decision = policy(actor);
  if (!decision.allowed) throw new HttpsError('permission-denied', `${decision.reason} (${action})`, { reason: decision.code, params: decision.params });
  return actor;
}

/** The caller's IP for abuse counters (the first X-Forwarded-For hop behind Google's front end). */
export function callerIp(request: CallableRequest<unknown>): string | null {
  const raw = request.rawRequest;
  if (!raw) return null;
  const fwd = raw.headers?.['x-forwarded-for'];
  const first = (Array.isArray(fwd) ? fwd[0] : fwd)?.split(',')[0]?.trim();
  return first || raw.ip || null;
}

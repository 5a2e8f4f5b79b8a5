import type { CallableRequest } from 'firebase-functions/v2/https';
import type { Actor } from '../../domain/actor';
import type { Decision } from '../../domain/surveys/policy';
import { requireActor } from '../../lib/actor';
import { db } from '../../lib/firestore';
import { refuse } from '../../store/surveys/refuse';

/** The signed-in staff member, refused with `survey.not_allowed` unless the policy allows `action`. */
export async function surveyActor(request: CallableRequest<unknown>, policy: (a: Actor) => Decision, action: string): Promise<Actor> {
  const actor = await requireActor(db(), request);
  if (!policy(actor).allowed) throw refuse('permission-denied', 'survey.not_allowed', { action });
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

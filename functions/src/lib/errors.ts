import { HttpsError } from 'firebase-functions/v2/https';
import type { z } from 'zod';
import { fieldErrors, forbiddenKeyErrors, formatFieldErrors, type FieldErrors } from '../domain/validation';

/** `invalid-argument` naming the fields, with the shared refusal code (`input.invalid`). */
export function invalidArgument(fields: FieldErrors): HttpsError {
  const text = formatFieldErrors(fields);
  return new HttpsError('invalid-argument', `Invalid input — ${text}`, { reason: 'input.invalid', params: { fields: text }, fields });
}

/**
 * Parses callable input; invalid input becomes `invalid-argument` with `details.fields`.
 * Prototype keys (`__proto__`, `constructor`, `prototype`) anywhere in the raw request are
 * refused first: zod would drop `__proto__` silently instead of refusing it.
 */
export function parseInput<S extends z.ZodType>(schema: S, data: unknown): z.infer<S> {
  const forbidden = forbiddenKeyErrors(data);
  if (Object.keys(forbidden).length > 0) throw invalidArgument(forbidden);
  const result = schema.safeParse(data ?? {});
  if (!result.success) throw invalidArgument(fieldErrors(result.error));
  return result.data;
}

export function notFound(what: string, id: string): HttpsError {
  return new HttpsError('not-found', `${what} ${id} does not exist`, { [what]: id, reason: 'doc.not_found', params: { what, id } });
}

import { HttpsError } from 'firebase-functions/v2/https';
import type { z } from 'zod';
import { fieldErrors, formatFieldErrors } from '../domain/validation';

/** Parses callable input; invalid input becomes `invalid-argument` with `details.fields`. */
export function parseInput<S extends z.ZodType>(schema: S, data: unknown): z.infer<S> {
  const result = schema.safeParse(data ?? {});
  if (!result.success) {
    const fields = fieldErrors(result.error);
    throw new HttpsError('invalid-argument', `Invalid input — ${formatFieldErrors(fields)}`, { fields });
  }
  return result.data;
}

export function notFound(what: string, id: string): HttpsError {
  return new HttpsError('not-found', `${what} ${id} does not exist`, { [what]: id });
}

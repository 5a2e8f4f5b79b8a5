import { HttpsError, type FunctionsErrorCode } from 'firebase-functions/v2/https';
import type { z } from 'zod';
import { COMMON_REFUSALS, renderTemplate, type Catalogue, type RefusalParams } from '../domain/refusal';
import { fieldErrors, forbiddenKeyErrors, formatFieldErrors, type FieldErrors } from '../domain/validation';

/**
 * A refusal people can read in their language: `details.reason` is a key of `catalogue`,
 * `details.params` fill its placeholders; the message is the English text, for logs and API users.
 * `extra` carries what a client acts on (e.g. `fields` for field errors).
 */
export function refuse<C extends Catalogue>(
  code: FunctionsErrorCode,
  catalogue: C,
  reason: keyof C & string,
  params: RefusalParams = {},
  extra: Record<string, unknown> = {},
): HttpsError {
  return new HttpsError(code, renderTemplate(catalogue[reason]!.en, params), { ...extra, reason, params });
}

/** `invalid-argument` naming the fields, with the shared refusal code (`input.invalid`). */
export function invalidArgument(fields: FieldErrors): HttpsError {
  return refuse('invalid-argument', COMMON_REFUSALS, 'input.invalid', { fields: formatFieldErrors(fields) }, { fields });
}

/**
 * Parses callable input; invalid input becomes `invalid-argument` with `details.fields`
 * (reason input.invalid). Prototype keys (`__proto__`, `constructor`, `prototype`) anywhere in
 * the raw request are refused first: zod would drop `__proto__` silently instead of refusing it.
 */
export function parseInput<S extends z.ZodType>(schema: S, data: unknown): z.infer<S> {
  const forbidden = forbiddenKeyErrors(data);
  if (Object.keys(forbidden).length > 0) throw invalidArgument(forbidden);
  const result = schema.safeParse(data ?? {});
  if (!result.success) throw invalidArgument(fieldErrors(result.error));
  return result.data;
}

/** `not-found` (reason doc.not_found); `details[what]` names the id, as before. */
export function notFound(what: string, id: string): HttpsError {
  return refuse('not-found', COMMON_REFUSALS, 'doc.not_found', { what, id }, { [what]: id });
}

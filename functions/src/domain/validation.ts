import type { z } from 'zod';

/** Field path → message, e.g. `{ "reporter.email": "Invalid email address" }`. */
export type FieldErrors = Record<string, string>;

/** Turns a zod error into field-level messages a person can act on. */
export function fieldErrors(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const path = issue.path.length ? issue.path.map(String).join('.') : '(root)';
    out[path] ??= issue.message;
  }
  return out;
}

export function formatFieldErrors(errors: FieldErrors): string {
  return Object.entries(errors)
    .map(([field, message]) => `${field}: ${message}`)
    .join('; ');
}

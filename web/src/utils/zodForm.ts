/**
 * Form checks with the server's own zod schemas: the same schema runs before sending, and its
 * issues become messages in the UI language, keyed by field path (as the server's
 * `details.fields` are), so they sit next to their fields.
 */
import type { z } from 'zod';
import { t, type MessageKey } from '../locales';

type Issue = z.core.$ZodIssue;

/** Server (and schema) custom messages the client knows how to say in both languages. */
const KNOWN: Readonly<Record<string, MessageKey>> = {
  required: 'vRequired',
  'Invalid email address': 'vEmail',
  'a complaint needs a subject': 'vSubjectNeeded',
  'only complaints have a subject': 'vSubjectOnlyComplaint',
  'not a Chinese mobile or landline number': 'vPhone',
  'required: no resolution was submitted': 'vRequired',
  'name the ticket this one duplicates': 'vChooseDuplicate',
  'lower-case letters, digits and dashes': 'vSlug',
  'say why': 'vRequired',
  'at least 8 characters': 'vInvalid',
  'must be in the future': 'vFuture',
  'at most a year ahead': 'vWithinYear',
};

/** A server field message (English) in the UI language when known; as sent otherwise. */
export function localizeMessage(msg: string): string {
  const key = KNOWN[msg];
  return key ? t(key) : msg;
}

export function localizeIssue(issue: Issue): string {
  const known = KNOWN[issue.message];
  if (known) return t(known);
  switch (issue.code) {
    case 'too_big':
      return issue.origin === 'string' ? t('vTooLong', { max: Number(issue.maximum) }) : issue.origin === 'number' ? t('vAmountMax', { max: Number(issue.maximum) }) : t('vTooLongPlain');
    case 'too_small':
      if (issue.origin === 'number') return t('vNumber');
      if (issue.origin === 'string' && Number(issue.minimum) > 1) return t('vMinChars', { min: Number(issue.minimum) });
      return t('vRequired');
    case 'invalid_format':
      return issue.format === 'email' ? t('vEmail') : t('vInvalid');
    case 'invalid_type':
    case 'invalid_value':
    case 'invalid_union':
      return t('vRequired');
    default:
      return t('vInvalid');
  }
}

/** Validates `value` with `schema`: the first localized message per field path (empty when valid). */
export function schemaErrors(schema: z.ZodType, value: unknown): Record<string, string> {
  const parsed = schema.safeParse(value);
  const out: Record<string, string> = {};
  if (parsed.success) return out;
  for (const issue of parsed.error.issues) {
    const path = issue.path.length ? issue.path.map(String).join('.') : '(root)';
    out[path] ??= localizeIssue(issue);
  }
  return out;
}

/** Server `details.fields` in the UI language. */
export function localizeFields(fields: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, localizeMessage(v)]));
}

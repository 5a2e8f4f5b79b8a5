/** zod fields the ticket list keeps on every ticket (derived in list-fields.ts). Only zod here: documents.ts imports it. */
import { z } from 'zod';

/** zod fields added to the Ticket schema (optional: tickets written before lists existed still parse). */
export const listFields = {
  /** Not closed nor cancelled. */
  open: z.boolean().optional(),
  /** The deadline runs (escalation.ts DEADLINE_STATES) and is set: can be overdue / due soon. */
  deadlineRunning: z.boolean().optional(),
  // `awaitingSignoff` (a submitted resolution waits for the head's sign-off) is a lifecycle field
  // (domain/lifecycle/records.ts); listFieldsOf derives it again on every write, to the same value.
  /** Facts that decide who may read the ticket, as keys (see scopeKeysOf). */
  scopeKeys: z.array(z.string()).optional(),
  /** `receivedAt ISO|id`: unique, so it orders the list and is its cursor. */
  sortReceived: z.string().optional(),
  /** `dueAt ISO|id` (`~|id` without a deadline: last when ascending). */
  sortDue: z.string().optional(),
  /** Normalised words and Chinese characters/bigrams of number, client name and code, and title. */
  searchTokens: z.array(z.string()).optional(),
};


/**
 * Ticket fields of the deadlines area. Maintenance fields (`dueAtProvisional`,
 * `nextFollowUpAt`, `deadlineProblem`) are derived from the ticket by the deadline trigger and
 * the sweeper; they are not state changes and write no history event. `promisedAt` is set by
 * the lifecycle action `promise_answer` (an event).
 */
import { z } from 'zod';

export const DeadlineProblem = z.object({
  /** `calendar_range`: an instant outside the working calendar; `routing`: no department could be found. */
  code: z.enum(['calendar_range', 'routing']),
  message: z.string().max(1000),
  at: z.date(),
});
export type DeadlineProblem = z.infer<typeof DeadlineProblem>;

export const deadlineFields = {
  /** The current deadline (dueAt, or a follow-up's) was counted over a year whose holidays are provisional. */
  dueAtProvisional: z.boolean().default(false),
  /** The earliest follow-up (callback, retry, verification, report, hand-off, promise) still to act on; null = none. */
  nextFollowUpAt: z.date().nullable().default(null),
  /** Why the deadline machinery could not handle this ticket (shown on the ticket; cleared when it can again). */
  deadlineProblem: DeadlineProblem.nullable().default(null),
  /** "Tell the client before this date": an answer promised to the client. */
  promisedAt: z.date().nullable().default(null),
};

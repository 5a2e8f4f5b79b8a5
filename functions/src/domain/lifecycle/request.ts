/**
 * The `transitionTicket` callable's contract. The envelope names the ticket, the action and the
 * optimistic-concurrency tokens; every other field belongs to the action and is validated by
 * that action's schema in the lifecycle table (strict: unknown fields are refused), so the
 * request as a whole is a union discriminated by `action`.
 */
import { z } from 'zod';
import { DocId } from '../validation';
import { TicketState } from '../vocabulary';
import { TicketAction } from './machine';

export const TransitionTicketInput = z
  .object({
    ticketId: DocId,
    action: TicketAction,
    /** The state the caller saw; required from people, so a stale screen cannot act. */
    expectedState: TicketState,
    /**
     * The newest event seq the caller saw (ticket detail `lifecycle.lastEventSeq`); required, so a
     * retried or double-clicked action is refused (`lifecycle.seq_changed`), never done twice.
     */
    expectedSeq: z.number().int().min(1).max(1_000_000),
  })
  .loose();
export type TransitionTicketInput = z.infer<typeof TransitionTicketInput>;

export interface TransitionTicketResult {
  ticketId: string;
  seq: number;
  state: TicketState;
  allowedActions: TicketAction[];
}

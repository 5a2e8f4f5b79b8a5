/** The work queues staff see, as predicates over tickets (the store narrows with queries first). */
import type { Actor } from './actor';
import type { TicketQueue } from './api';
import type { Ticket } from './documents';
import type { TicketState } from './vocabulary';

export const OPEN_STATES: readonly TicketState[] = ['received', 'assigned', 'in_progress', 'waiting_on_client'];
export const DUE_SOON_MS = 4 * 3600_000;

export function inQueue(queue: TicketQueue, t: Ticket, actor: Actor, now: Date): boolean {
  switch (queue) {
    case 'all':
      return true;
    case 'mine':
      return t.assigneeUid === actor.uid || t.createdBy === actor.uid;
    case 'department':
      return t.ownerDeptId === actor.deptId;
    case 'overdue':
      return OPEN_STATES.includes(t.state) && t.dueAt !== null && t.dueAt.getTime() < now.getTime();
    case 'due_soon':
      return (
        OPEN_STATES.includes(t.state) && t.dueAt !== null &&
        t.dueAt.getTime() >= now.getTime() && t.dueAt.getTime() < now.getTime() + DUE_SOON_MS
      );
    case 'awaiting_callback':
      return t.state === 'callback';
    case 'awaiting_verification':
      return t.state === 'verification';
    case 'awaiting_signoff':
      return OPEN_STATES.includes(t.state) && t.ownerDeptId === actor.deptId && (t.resolution ?? null) !== null && t.resolution?.signedOffAt === null;
  }
}

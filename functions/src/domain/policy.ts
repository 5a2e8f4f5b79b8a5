/**
 * Who may do what: the one source of truth. Callables ask it first; firestore.rules mirrors
 * the read rules. Plain data in, a decision with a reason out.
 */
import type { Actor } from './actor';
import type { Role } from './vocabulary';

export type Decision = { allowed: true } | { allowed: false; reason: string };

const allow: Decision = { allowed: true };
const deny = (reason: string): Decision => ({ allowed: false, reason });

/** The facts about a ticket that decide access. */
export interface TicketScope {
  kind: string;
  branchId: string;
  ownerDeptId: string | null;
  createdBy: string;
}

const WRITERS: readonly Role[] = ['intake', 'onsite', 'staff', 'head', 'quality', 'leadership', 'admin'];

export function canCreateTicket(actor: Actor): Decision {
  return WRITERS.includes(actor.role) ? allow : deny(`role ${actor.role} cannot file tickets`);
}

export function canReadTicket(actor: Actor, t: TicketScope): Decision {
  switch (actor.role) {
    case 'leadership':
    case 'auditor':
    case 'admin':
      return allow;
    case 'quality':
      if (t.kind === 'complaint' && t.branchId === actor.branchId) return allow;
      break;
    default:
      break;
  }
  if (t.ownerDeptId !== null && t.ownerDeptId === actor.deptId) return allow;
  if (t.createdBy === actor.uid) return allow;
  return deny('the ticket belongs to another department');
}

/** The complainant's identity: only those who need it (retaliation is forbidden). */
export function canSeeReporter(actor: Actor, t: TicketScope): Decision {
  if (actor.role === 'quality' || actor.role === 'leadership') return canReadTicket(actor, t);
  if (t.createdBy === actor.uid) return allow;
  return deny('the complainant is visible only to quality, leadership and the person who took the ticket in');
}

export function canListClients(actor: Actor): Decision {
  return actor.role === 'auditor' ? allow : canCreateTicket(actor);
}

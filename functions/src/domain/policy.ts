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

/** Quality-department people: role `quality`, or the head of a quality department. */
export function isQuality(actor: Actor): boolean {
  return actor.role === 'quality' || (actor.role === 'head' && actor.deptKind === 'quality');
}

export function canReadTicket(actor: Actor, t: TicketScope): Decision {
  if (actor.role === 'leadership' || actor.role === 'auditor' || actor.role === 'admin') return allow;
  if (isQuality(actor) && t.kind === 'complaint' && t.branchId === actor.branchId) return allow;
  if (t.ownerDeptId !== null && t.ownerDeptId === actor.deptId) return allow;
  if (t.createdBy === actor.uid) return allow;
  return deny('the ticket belongs to another department');
}

/** The complainant's identity: only those who need it (retaliation is forbidden). */
export function canSeeReporter(actor: Actor, t: TicketScope): Decision {
  if (isQuality(actor) || actor.role === 'leadership') return canReadTicket(actor, t);
  if (t.createdBy === actor.uid) return allow;
  return deny('the complainant is visible only to quality, leadership and the person who took the ticket in');
}

export function canListClients(actor: Actor): Decision {
  return actor.role === 'auditor' ? allow : canCreateTicket(actor);
}

/**
 * How an actor stands to a ticket. Transition rules (the lifecycle table) say which relations
 * may fire each action; this function is the only place that decides the relations.
 */
export type Relation =
  | 'owner_staff' // a member of the owning department
  | 'owner_head' // head of the owning department
  | 'quality' // quality department, complaints of their branch
  | 'leadership'
  | 'creator' // the person who took the ticket in
  | 'admin';

export function relationsOf(actor: Actor, t: TicketScope): ReadonlySet<Relation> {
  const out = new Set<Relation>();
  if (actor.role === 'auditor') return out; // reads everything, writes nothing
  if (t.ownerDeptId !== null && actor.deptId === t.ownerDeptId) {
    out.add('owner_staff');
    if (actor.role === 'head') out.add('owner_head');
  }
  if (isQuality(actor) && t.kind === 'complaint' && t.branchId === actor.branchId) out.add('quality');
  if (actor.role === 'leadership') out.add('leadership');
  if (actor.role === 'admin') out.add('admin');
  if (t.createdBy === actor.uid) out.add('creator');
  return out;
}

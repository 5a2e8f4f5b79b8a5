/**
 * Who may do what: the one source of truth. Every callable asks it first (a denial becomes
 * `permission-denied` with the reason); firestore.rules mirrors the read rules. Plain data in,
 * a decision with a reason out — no Firebase import.
 *
 * Scope, in the words: department staff and heads see their department's tickets;
 * quality all complaints of their branch; leadership everything; the auditor reads everything
 * and writes nothing; on-site staff the tickets they took in and their own clients.
 */
import type { Actor } from './actor';
import type { Role, TicketState } from './vocabulary';

export type Decision = { allowed: true } | { allowed: false; reason: string };

const allow: Decision = { allowed: true };
const deny = (reason: string): Decision => ({ allowed: false, reason });

/** The facts about a ticket that decide access. */
export interface TicketScope {
  kind: string;
  branchId: string;
  ownerDeptId: string | null;
  createdBy: string;
  /** Needed only to decide who sees the complainant during a callback. */
  state?: TicketState;
  assigneeUid?: string | null;
}

/** The facts about a client that decide access. */
export interface ClientScope {
  branchId: string;
  accountManagerUid: string | null;
}

/**
 * Actions that need no particular resource: decided by role alone. Resource-scoped decisions
 * (a ticket, a client, a transition) have their own functions below.
 */
export const ROLE_ACTIONS = {
  'ticket.create': ['intake', 'onsite', 'staff', 'head', 'quality', 'leadership', 'admin'],
  /** Listing is open to everyone; each row is then filtered by canReadTicket. */
  'ticket.list': ['intake', 'onsite', 'staff', 'head', 'quality', 'leadership', 'auditor', 'admin'],
  'client.list': ['intake', 'onsite', 'staff', 'head', 'quality', 'leadership', 'auditor', 'admin'],
  /** Own inbox only: the store filters on the caller's uid. */
  'notification.readOwn': ['intake', 'onsite', 'staff', 'head', 'quality', 'leadership', 'auditor', 'admin'],
  'notification.markOwn': ['intake', 'onsite', 'staff', 'head', 'quality', 'leadership', 'admin'],
  'me.read': ['intake', 'onsite', 'staff', 'head', 'quality', 'leadership', 'auditor', 'admin'],
  'org.read': ['intake', 'onsite', 'staff', 'head', 'quality', 'leadership', 'auditor', 'admin'],
  'org.manage': ['admin'],
  'staff.list': ['admin', 'auditor'],
  'staff.manage': ['admin'],
  'audit.read': ['admin', 'auditor'],
} as const satisfies Record<string, readonly Role[]>;

export type RoleAction = keyof typeof ROLE_ACTIONS;

/** Actions that change something; the auditor may take none of them. */
export const WRITE_ACTIONS: readonly RoleAction[] = ['ticket.create', 'notification.markOwn', 'org.manage', 'staff.manage'];

/** May the actor take an action that needs no particular resource? */
export function can(actor: Actor, action: RoleAction): Decision {
  const roles: readonly Role[] = ROLE_ACTIONS[action];
  return roles.includes(actor.role) ? allow : deny(`role ${actor.role} may not ${action}`);
}

export function canCreateTicket(actor: Actor): Decision {
  return can(actor, 'ticket.create');
}

/** Quality-department people: role `quality`, or the head of a quality department. */
export function isQuality(actor: Actor): boolean {
  return actor.role === 'quality' || (actor.role === 'head' && actor.deptKind === 'quality');
}

/** Roles that read every ticket (admin reads to support users; it never sees complainants). */
const READ_ALL: readonly Role[] = ['leadership', 'auditor', 'admin'];

export function canReadTicket(actor: Actor, t: TicketScope): Decision {
  if (READ_ALL.includes(actor.role)) return allow;
  if (isQuality(actor) && t.kind === 'complaint' && t.branchId === actor.branchId) return allow;
  if (t.ownerDeptId !== null && t.ownerDeptId === actor.deptId) return allow;
  if (t.createdBy === actor.uid) return allow;
  return deny('the ticket belongs to another department');
}

/**
 * The complainant's identity: only those who need it (retaliation is forbidden): quality and
 * leadership, the person who took the ticket in, and — while the ticket awaits its callback —
 * the current owner (the assignee; the owning department's head when nobody is assigned).
 */
export function canSeeReporter(actor: Actor, t: TicketScope): Decision {
  const read = canReadTicket(actor, t);
  if (!read.allowed) return read;
  if (isQuality(actor) || actor.role === 'leadership') return allow;
  if (t.createdBy === actor.uid) return allow;
  if (t.state === 'callback') {
    const assignee = t.assigneeUid ?? null;
    if (assignee === actor.uid) return allow;
    if (assignee === null && actor.role === 'head' && t.ownerDeptId === actor.deptId) return allow;
  }
  return deny('the complainant is visible only to quality, leadership, the person who took the ticket in and the owner during the callback');
}

/** Exports and reports carry complainants' identities only for quality and leadership. */
export function canExportPersonalData(actor: Actor): Decision {
  return isQuality(actor) || actor.role === 'leadership'
    ? allow
    : deny('exports include complainants only for quality and leadership');
}

/** Roles that see every client: the hotline files for anyone; leadership, auditor and admin oversee. */
const CLIENTS_ALL: readonly Role[] = ['intake', 'leadership', 'auditor', 'admin'];

/** On-site staff see their own clients; department people the clients of their branch. */
export function canReadClient(actor: Actor, c: ClientScope): Decision {
  if (CLIENTS_ALL.includes(actor.role)) return allow;
  if (actor.role === 'onsite') {
    return c.accountManagerUid === actor.uid ? allow : deny('on-site staff see only their own clients');
  }
  return c.branchId === actor.branchId ? allow : deny('the client belongs to another branch');
}

export function canListClients(actor: Actor): Decision {
  return can(actor, 'client.list');
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

/**
 * May the actor fire a ticket transition that the lifecycle table opens to `allowed` relations?
 * The auditor has no relation, so every transition is denied to it.
 */
export function canTransition(actor: Actor, t: TicketScope, action: string, allowed: readonly Relation[]): Decision {
  if (actor.role === 'auditor') return deny('the auditor reads everything and writes nothing');
  const mine = relationsOf(actor, t);
  if (allowed.some((r) => mine.has(r))) return allow;
  const who = allowed.length ? allowed.join(', ') : 'nobody';
  return deny(`${action} is for ${who}; you are ${mine.size ? [...mine].join(', ') : 'not involved in this ticket'}`);
}

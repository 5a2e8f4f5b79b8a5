/**
 * Who may do what: the one source of truth. Every callable asks it first (a denial becomes
 * `permission-denied` with the reason); firestore.rules mirrors the read rules. Plain data in,
 * a decision with a reason out — no Firebase import.
 *
 * Scope, in the words: department staff and heads see their department's tickets;
 * quality all complaints of their branch and the branches below it (a city quality department
 * reads and acts on county complaints); the customer-service centre the tickets it took in and
 * those awaiting their callback in its branch tree; leadership everything; the auditor reads
 * everything and writes nothing; on-site staff the tickets they took in and their own clients.
 *
 * A refusal carries a code (`policy.*`, words in domain/lifecycle/refusals.ts) and params for
 * the reader's language, and an English reason for logs.
 */
import type { Actor } from './actor';
import type { RefusalParams } from './refusal';
import { ROLE_LABELS, type Role, type TicketState } from './vocabulary';

export type PolicyCode =
  | 'policy.role_may_not'
  | 'policy.auditor_read_only'
  | 'policy.ticket_out_of_scope'
  | 'policy.reporter_hidden'
  | 'policy.export_personal_data'
  | 'policy.client_own_only'
  | 'policy.client_other_branch'
  | 'policy.transition_not_for';

/** An area's own rule: a code of that area's catalogue (`domain/<area>/refusals.ts`), checked where the area denies. */
export type AreaPolicyCode = `${'clients' | 'workorders' | 'kpis' | 'survey'}.${string}`;

export type Decision = { allowed: true } | { allowed: false; reason: string; code: PolicyCode | AreaPolicyCode; params: RefusalParams };

/** A refusal by an area's policy: `code` from the area's catalogue (the caller's type checks it), English `reason` for logs. */
export function denyBecause(code: PolicyCode | AreaPolicyCode, reason: string, params: RefusalParams = {}): Decision {
  return { allowed: false, reason, code, params };
}

const allow: Decision = { allowed: true };
const deny = (code: PolicyCode, reason: string, params: RefusalParams = {}): Decision => ({ allowed: false, reason, code, params });

/** The facts about a ticket that decide access. */
export interface TicketScope {
  kind: string;
  branchId: string;
  ownerDeptId: string | null;
  createdBy: string;
  /** Needed only to decide who sees the complainant during a callback. */
  state?: TicketState;
  assigneeUid?: string | null;
  /** The department that took the ticket in (the customer-service centre reads what it took in). */
  createdByDeptId?: string;
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
  return roles.includes(actor.role)
    ? allow
    : deny('policy.role_may_not', `role ${actor.role} may not ${action}`, {
      action, role_zh: ROLE_LABELS[actor.role]['zh-CN'], role_en: ROLE_LABELS[actor.role].en,
    });
}

export function canCreateTicket(actor: Actor): Decision {
  return can(actor, 'ticket.create');
}

/** Quality-department people: role `quality`, or the head of a quality department. */
export function isQuality(actor: Actor): boolean {
  return actor.role === 'quality' || (actor.role === 'head' && actor.deptKind === 'quality');
}

/**
 * Those who run callbacks (回访, independent of the handler [003]): the customer-service centre,
 * the complaint evaluation centre, and quality people (for every kind of ticket).
 */
export function isCallbackDesk(actor: Actor): boolean {
  if (actor.role === 'auditor' || actor.role === 'admin') return false;
  return actor.deptKind === 'customer_service' || actor.deptKind === 'evaluation' || isQuality(actor);
}

/** Is `branchId` the actor's branch or one below it? */
export function inBranchScope(actor: Actor, branchId: string): boolean {
  return (actor.branchScope ?? [actor.branchId]).includes(branchId);
}

/** States in which a ticket waits for (or has just had) its callback: the callback desk's work. */
export const CALLBACK_STATES: readonly (TicketState | undefined)[] = ['resolved', 'callback'];

/** Roles that read every ticket (admin reads to support users; it never sees complainants). */
const READ_ALL: readonly Role[] = ['leadership', 'auditor', 'admin'];

export function canReadTicket(actor: Actor, t: TicketScope): Decision {
  if (READ_ALL.includes(actor.role)) return allow;
  if (isQuality(actor) && t.kind === 'complaint' && inBranchScope(actor, t.branchId)) return allow;
  if (t.ownerDeptId !== null && t.ownerDeptId === actor.deptId) return allow;
  if (t.createdBy === actor.uid) return allow;
  if (isCallbackDesk(actor)) {
    if (t.createdByDeptId !== undefined && t.createdByDeptId === actor.deptId) return allow;
    if (CALLBACK_STATES.includes(t.state) && inBranchScope(actor, t.branchId)) return allow;
  }
  return deny('policy.ticket_out_of_scope', 'the ticket belongs to another department');
}

/**
 * The complainant's identity: only those who need it (retaliation is forbidden): quality and
 * leadership, the person who took the ticket in, and the callback desk while the ticket awaits
 * its callback. The requester of a repair, request or inquiry is not protected that way: the
 * people doing the work (the owning department) see their contact and address.
 */
export function canSeeReporter(actor: Actor, t: TicketScope): Decision {
  const read = canReadTicket(actor, t);
  if (!read.allowed) return read;
  if (isQuality(actor) || actor.role === 'leadership') return allow;
  if (t.createdBy === actor.uid) return allow;
  if (t.state === 'callback' && isCallbackDesk(actor) && inBranchScope(actor, t.branchId)) return allow;
  if (t.kind !== 'complaint' && t.ownerDeptId !== null && t.ownerDeptId === actor.deptId) return allow;
  return deny(
    'policy.reporter_hidden',
    'the complainant is visible only to quality, leadership, the person who took the ticket in and those making the callback',
  );
}

/** Exports and reports carry complainants' identities only for quality and leadership. */
export function canExportPersonalData(actor: Actor): Decision {
  return isQuality(actor) || actor.role === 'leadership'
    ? allow
    : deny('policy.export_personal_data', 'exports include complainants only for quality and leadership');
}

/** Roles that see every client: the hotline files for anyone; leadership, auditor and admin oversee. */
const CLIENTS_ALL: readonly Role[] = ['intake', 'leadership', 'auditor', 'admin'];

/** On-site staff see their own clients; department people the clients of their branch. */
export function canReadClient(actor: Actor, c: ClientScope): Decision {
  if (CLIENTS_ALL.includes(actor.role)) return allow;
  if (actor.role === 'onsite') {
    return c.accountManagerUid === actor.uid ? allow : deny('policy.client_own_only', 'on-site staff see only their own clients');
  }
  return c.branchId === actor.branchId ? allow : deny('policy.client_other_branch', 'the client belongs to another branch');
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
  | 'quality' // quality department, complaints of their branch and the branches below
  | 'quality_head' // head of a quality department, complaints of their branch tree
  | 'callback_desk' // customer-service / evaluation centre, tickets of their branch tree
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
  if (isQuality(actor) && t.kind === 'complaint' && inBranchScope(actor, t.branchId)) {
    out.add('quality');
    if (actor.role === 'head') out.add('quality_head');
  }
  if (isCallbackDesk(actor) && inBranchScope(actor, t.branchId)) out.add('callback_desk');
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
  if (actor.role === 'auditor') return deny('policy.auditor_read_only', 'the auditor reads everything and writes nothing');
  const mine = relationsOf(actor, t);
  if (allowed.some((r) => mine.has(r))) return allow;
  const who = allowed.length ? allowed.join(', ') : 'nobody';
  return deny(
    'policy.transition_not_for',
    `${action} is for ${who}; you are ${mine.size ? [...mine].join(', ') : 'not involved in this ticket'}`,
    { action, who_zh: allowed.map((r) => RELATION_LABELS[r]['zh-CN']).join('、') || '无', who_en: who },
  );
}

/** Relations in both languages, for refusals. */
export const RELATION_LABELS: Readonly<Record<Relation | 'system', { 'zh-CN': string; en: string }>> = {
  owner_staff: { 'zh-CN': '责任部门人员', en: 'a member of the owning department' },
  owner_head: { 'zh-CN': '责任部门负责人', en: 'the head of the owning department' },
  quality: { 'zh-CN': '品质管理部', en: 'the quality department' },
  quality_head: { 'zh-CN': '品质管理部负责人', en: 'the head of quality' },
  callback_desk: { 'zh-CN': '客户服务中心（回访）', en: 'the customer-service centre' },
  leadership: { 'zh-CN': '公司领导', en: 'leadership' },
  creator: { 'zh-CN': '受理人', en: 'the person who took the ticket in' },
  admin: { 'zh-CN': '系统管理员', en: 'an administrator' },
  system: { 'zh-CN': '系统', en: 'the system' },
};

/**
 * A branch and the branches above it, nearest first (cycles in a malformed tree are ignored):
 * stored on a ticket at intake (`branchPath`) so firestore.rules, which cannot walk the tree,
 * let quality of a branch above read it, as canReadTicket does.
 */
export function branchPathOf(branchId: string, branches: readonly { id: string; parentId: string | null }[]): string[] {
  const out = [branchId];
  for (;;) {
    const parent = branches.find((b) => b.id === out[out.length - 1])?.parentId ?? null;
    if (parent === null || out.includes(parent)) return out;
    out.push(parent);
  }
}

/** A branch and every branch below it (cycles in a malformed tree are ignored). */
export function branchScopeOf(branchId: string, branches: readonly { id: string; parentId: string | null }[]): string[] {
  const out = [branchId];
  for (let i = 0; i < out.length; i++) {
    for (const b of branches) if (b.parentId === out[i] && !out.includes(b.id)) out.push(b.id);
  }
  return out;
}

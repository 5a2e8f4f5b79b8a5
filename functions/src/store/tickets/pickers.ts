/**
 * Pickers (issue 8.3): assignable staff of a department, clients by type-ahead, a client's open
 * and recent tickets (redacted by rights), a ticket by its visible number.
 */
import type { Firestore } from 'firebase-admin/firestore';
import type { Actor } from '../../domain/actor';
import { COL } from '../../domain/collections';
import { Client, Department, Staff, Ticket, type LifecycleTicket } from '../../domain/documents';
import { canReadClient, canReadTicket } from '../../domain/policy';
import type { BranchEntry, DeptEntry } from '../../domain/routing';
import { nameLabel } from '../../domain/tickets/labels';
import { normalise } from '../../domain/tickets/list-fields';
import type {
  ClientOptionView, ClientTicketView, FindTicketByNumberResult, ListAssignableStaffResult, ListClientTicketsResult, StaffOption,
} from '../../domain/tickets/pickers-api';
import { ROLE_LABELS } from '../../domain/vocabulary';
import { parseDoc } from '../../lib/firestore';

type Org = { departments: readonly DeptEntry[]; branches: readonly BranchEntry[] };

/** Active staff of a department, the head first, then by name. Null when the department does not exist. */
export async function assignableStaff(db: Firestore, deptId: string): Promise<ListAssignableStaffResult | null> {
  const [deptSnap, staffSnap] = await Promise.all([
    db.collection(COL.departments).doc(deptId).get(),
    db.collection(COL.staff).where('deptId', '==', deptId).get(),
  ]);
  if (!deptSnap.exists) return null;
  const dept = parseDoc(Department, deptSnap);
  const staff: StaffOption[] = staffSnap.docs
    .map((d) => ({ uid: d.id, s: parseDoc(Staff, d) }))
    .filter(({ s }) => !s.disabled && s.role !== 'auditor' && s.role !== 'admin')
    .map(({ uid, s }) => ({ uid, displayName: s.displayName, role: s.role, roleLabel: ROLE_LABELS[s.role], isHead: dept.headUid === uid }))
    .sort((a, b) => Number(b.isHead) - Number(a.isHead) || a.displayName.localeCompare(b.displayName, 'zh-CN'));
  return { deptId, deptName: nameLabel(dept)!, staff };
}

const PREFIX_END = '\uf8ff';

/**
 * Clients whose name or code starts with the query, or whose contact phone does (digits), that the
 * caller may read. Three prefix queries (Firestore has no substring search), merged, then the
 * policy; each query reads a few more than asked so a page filtered by policy is still useful.
 */
export async function searchClients(db: Firestore, actor: Actor, org: Org, query: string, limit: number): Promise<ClientOptionView[]> {
  const q = normalise(query).trim();
  const digits = q.replace(/[\s\-+]/g, '');
  const fetch = Math.min(200, limit * 5);
  const clients = db.collection(COL.clients);
  const prefix = (field: string, value: string) =>
    clients.where(field, '>=', value).where(field, '<', value + PREFIX_END).orderBy(field).limit(fetch).get();
  const snaps = await Promise.all([
    prefix('name', query.trim()),
    prefix('code', q.toUpperCase()),
    /^\d{3,}$/.test(digits) ? prefix('contactPhone', digits) : Promise.resolve(null),
  ]);
  const seen = new Map<string, Client>();
  for (const snap of snaps) for (const d of snap?.docs ?? []) if (!seen.has(d.id)) seen.set(d.id, parseDoc(Client, d));
  const branch = new Map(org.branches.map((b) => [b.id, nameLabel(b)]));
  return [...seen.entries()]
    .filter(([, c]) => canReadClient(actor, c).allowed)
    .sort(([, a], [, b]) => a.code.localeCompare(b.code))
    .slice(0, limit)
    .map(([id, c]) => ({
      id, name: c.name, code: c.code, tier: c.tier, branchId: c.branchId, branchName: branch.get(c.branchId) ?? null,
      contactName: c.contactName, contactPhone: c.contactPhone, address: c.address,
    }));
}

/** The client, when it exists and the caller may read it. */
export async function readableClient(db: Firestore, actor: Actor, clientId: string): Promise<Client | null> {
  const snap = await db.collection(COL.clients).doc(clientId).get();
  if (!snap.exists) return null;
  const client = parseDoc(Client, snap);
  return canReadClient(actor, client).allowed ? client : null;
}

const RECENT_DAYS = 90;

/** The client's open tickets and those closed in the last 90 days, newest first; unreadable ones redacted. */
export async function clientTickets(db: Firestore, actor: Actor, org: Org, clientId: string, now: Date): Promise<ListClientTicketsResult> {
  const tickets = db.collection(COL.tickets).where('clientId', '==', clientId);
  const since = new Date(now.getTime() - RECENT_DAYS * 86_400_000).toISOString();
  const [open, recent] = await Promise.all([
    tickets.where('open', '==', true).orderBy('sortReceived', 'desc').limit(20).get(),
    tickets.where('open', '==', false).where('sortReceived', '>=', since).orderBy('sortReceived', 'desc').limit(10).get(),
  ]);
  const dept = new Map(org.departments.map((d) => [d.id, nameLabel(d)]));
  const view = (id: string, t: LifecycleTicket): ClientTicketView => {
    const common = { kind: t.kind, state: t.state, receivedAt: t.receivedAt.toISOString(), ownerDeptName: t.ownerDeptId ? dept.get(t.ownerDeptId) ?? null : null };
    return canReadTicket(actor, t).allowed
      ? { redacted: false, id, number: t.number, title: t.title, ...common }
      : { redacted: true, ...common };
  };
  return {
    clientId,
    open: open.docs.map((d) => view(d.id, parseDoc(Ticket, d))),
    recent: recent.docs.map((d) => view(d.id, parseDoc(Ticket, d))),
  };
}

/** The ticket with this number if the caller may read it; null otherwise (no difference shown). */
export async function ticketByNumber(db: Firestore, actor: Actor, number: string): Promise<FindTicketByNumberResult | null> {
  const snap = await db.collection(COL.tickets).where('number', '==', number).limit(1).get();
  const d = snap.docs[0];
  if (!d) return null;
  const t = parseDoc(Ticket, d);
  return canReadTicket(actor, t).allowed ? { id: d.id, number: t.number, title: t.title } : null;
}

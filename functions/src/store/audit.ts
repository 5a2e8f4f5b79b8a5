import type { DocumentReference, DocumentSnapshot, Firestore, Transaction } from 'firebase-admin/firestore';
import type { Actor } from '../domain/actor';
import { COL } from '../domain/collections';
import { AUDIT_ACTION_LABELS, AuditEntry, type AuditAction, type AuditEntryInput } from '../domain/org/audit';
import { nameLabel, sameInBoth } from '../domain/tickets/labels';
import type { Label } from '../domain/vocabulary';
import type { AuditEntryView, ListAuditLogInput } from '../domain/org/api';
import { parseDoc } from '../lib/firestore';

/**
 * Records a privileged action in `auditLog` inside the caller's transaction, so the entry
 * exists exactly when the action does. Entries are never updated or deleted (rules deny
 * every client write; no function rewrites them). Returns the new entry's reference.
 */
export function recordAudit(tx: Transaction, db: Firestore, entry: AuditEntryInput): DocumentReference {
  const parsed = AuditEntry.parse(entry);
  const ref = db.collection(COL.auditLog).doc();
  tx.create(ref, parsed);
  return ref;
}

/** The actor part of an audit entry. */
export function auditActor(actor: Actor): Pick<AuditEntryInput, 'actorUid' | 'actorName' | 'actorRole'> {
  return { actorUid: actor.uid, actorName: actor.displayName, actorRole: actor.role };
}

export type { AuditAction };

/** Newest entries first, optionally of one action and older than a cursor; targets by name, not id. */
export async function listAuditLog(db: Firestore, input: ListAuditLogInput): Promise<AuditEntryView[]> {
  let q = db.collection(COL.auditLog).orderBy('at', 'desc');
  if (input.action) q = db.collection(COL.auditLog).where('action', '==', input.action).orderBy('at', 'desc');
  if (input.before) q = q.where('at', '<', new Date(input.before));
  const snap = await q.limit(input.limit).get();
  const entries = snap.docs.map((d) => ({ id: d.id, e: parseDoc(AuditEntry, d) }));
  const name = await targetNames(db, entries.map(({ e }) => e.target));
  return entries.map(({ id, e }) => ({
    id, action: e.action, actionLabel: AUDIT_ACTION_LABELS[e.action], at: e.at.toISOString(), actorUid: e.actorUid, actorName: e.actorName,
    actorRole: e.actorRole, target: e.target, targetName: name(e.target), reason: e.reason, changes: e.changes,
  }));
}

const CONFIG_NAMES: Record<string, Label> = {
  routing: { 'zh-CN': '分派规则', en: 'Routing rules' },
  sla: { 'zh-CN': '时限策略', en: 'SLA policy' },
  authority: { 'zh-CN': '处理权限', en: 'Settlement authority' },
  calendar: { 'zh-CN': '工作日历', en: 'Working calendar' },
};

/** Names of audit targets: ticket numbers, staff names, department/branch names (one batched read per kind). */
async function targetNames(db: Firestore, targets: readonly { type: string; id: string }[]): Promise<(t: { type: string; id: string }) => Label | null> {
  const ids = (type: string, col: string) => [...new Set(targets.filter((t) => t.type === type && !t.id.includes('/')).map((t) => t.id))]
    .map((id) => db.collection(col).doc(id));
  const read = async (refs: DocumentReference[]) => (refs.length ? db.getAll(...refs) : []);
  const [tickets, staff, depts, branches] = await Promise.all([
    read(ids('ticket', COL.tickets)), read(ids('staff', COL.staff)), read(ids('department', COL.departments)), read(ids('branch', COL.branches)),
  ]);
  const names = new Map<string, Label | null>();
  const field = (s: DocumentSnapshot, f: string) => (typeof s.get(f) === 'string' ? (s.get(f) as string) : null);
  for (const s of tickets) if (s.exists) names.set(`ticket/${s.id}`, sameInBoth(field(s, 'number') ?? s.id));
  for (const s of staff) if (s.exists) names.set(`staff/${s.id}`, sameInBoth(field(s, 'displayName') ?? s.id));
  for (const [type, snaps] of [['department', depts], ['branch', branches]] as const) {
    for (const s of snaps) if (s.exists) names.set(`${type}/${s.id}`, nameLabel({ name: field(s, 'name') ?? s.id, nameEn: field(s, 'nameEn') }));
  }
  return (t) => (t.type === 'config' ? CONFIG_NAMES[t.id] ?? sameInBoth(t.id) : names.get(`${t.type}/${t.id}`) ?? null);
}

import type { DocumentReference, Firestore, Transaction } from 'firebase-admin/firestore';
import type { Actor } from '../domain/actor';
import { COL } from '../domain/collections';
import { AuditEntry, type AuditAction, type AuditEntryInput } from '../domain/org/audit';
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

/** Newest entries first, optionally of one action and older than a cursor. */
export async function listAuditLog(db: Firestore, input: ListAuditLogInput): Promise<AuditEntryView[]> {
  let q = db.collection(COL.auditLog).orderBy('at', 'desc');
  if (input.action) q = db.collection(COL.auditLog).where('action', '==', input.action).orderBy('at', 'desc');
  if (input.before) q = q.where('at', '<', new Date(input.before));
  const snap = await q.limit(input.limit).get();
  return snap.docs.map((d) => {
    const e = parseDoc(AuditEntry, d);
    return {
      id: d.id, action: e.action, at: e.at.toISOString(), actorUid: e.actorUid, actorName: e.actorName,
      actorRole: e.actorRole, target: e.target, reason: e.reason, changes: e.changes,
    };
  });
}

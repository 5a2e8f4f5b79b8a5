/**
 * Ticket writes. Every state change runs in a transaction that re-reads the ticket, checks
 * the expected state, updates it and appends exactly one history event; the notifications
 * that event causes are written in the same transaction, so a retried or redelivered change
 * cannot notify twice, and nothing is half-written.
 */
import type { DocumentReference, Firestore, Transaction } from 'firebase-admin/firestore';
import { COL, eventId } from '../domain/collections';
import { ACTOR_SYSTEM, DeferredMail, MailDoc, Ticket, type TicketEvent, type Notification } from '../domain/documents';
import { notificationId } from '../domain/notify';
import type { Label } from '../domain/vocabulary';
import { parseDoc } from '../lib/firestore';
import { listFieldsOf } from '../domain/tickets/list-fields';
import { bumpMarkers } from './tickets/markers';

export function ticketRef(db: Firestore, ticketId: string): DocumentReference {
  return db.collection(COL.tickets).doc(ticketId);
}

export async function readTicket(tx: Transaction, ref: DocumentReference): Promise<Ticket | null> {
  const snap = await tx.get(ref);
  return snap.exists ? parseDoc(Ticket, snap) : null;
}

/** A message for one recipient caused by one event. */
export interface Outgoing {
  uid: string;
  email: string | null;
  title: string;
  body: string;
  /** Title and body in both languages, for the inbox (title/body are the mail, in the recipient's language). */
  i18n?: { title: Label; body: Label };
  /**
   * Deliver later (outside working hours, see domain/escalation.ts deliverAtFor): the in-app
   * notification carries `deliverAt`; the e-mail waits in `deferredMail` until the sweeper
   * moves it to `mail` (the Trigger Email extension sends on creation). Null/absent = at once.
   */
  deliverAt?: Date | null;
}

export interface TicketChange {
  /** Fields that change; `lastEventSeq` and `updatedAt` are set here. */
  patch: Partial<Ticket>;
  event: Omit<TicketEvent, 'seq' | 'at' | 'changes'>;
  outgoing: readonly Outgoing[];
}

/** What changed, field by field, for the history record. */
export function diff(before: Ticket, patch: Partial<Ticket>): TicketEvent['changes'] {
  const changes: TicketEvent['changes'] = {};
  for (const [key, to] of Object.entries(patch)) {
    const from = before[key as keyof Ticket];
    const same = from instanceof Date && to instanceof Date ? from.getTime() === to.getTime() : from === to;
    if (!same) changes[key] = { from: from ?? null, to: to ?? null };
  }
  return changes;
}

/** Applies one change inside a transaction (after all its reads). Returns the event's seq. */
export function applyChange(
  tx: Transaction,
  db: Firestore,
  ticketId: string,
  before: Ticket,
  change: TicketChange,
  at: Date,
): number {
  const seq = before.lastEventSeq + 1;
  const ref = ticketRef(db, ticketId);
  const event: TicketEvent = { ...change.event, seq, at, changes: diff(before, change.patch) };
  // The event is created FIRST: its id is the next seq, so of two racing changes the second
  // fails here with ALREADY_EXISTS before anything else is written. Firestore commits are atomic
  // anyway; the npm gRPC emulator used in tests neither isolates transactions nor rolls back a
  // partly applied commit, so the order is what keeps a losing change from touching the ticket.
  tx.create(ref.collection(COL.events).doc(eventId(seq)), event);
  // List fields (open, scope keys, sort keys…) follow every change: lists query them (issue 9.1).
  tx.update(ref, { ...change.patch, lastEventSeq: seq, updatedAt: at, ...listFieldsOf(ticketId, { ...before, ...change.patch }) });
  // People involved who get no notification still see the ticket move (writeNotification bumps the
  // rest); the actor's own page reloads after its action anyway.
  const told = new Set([...change.outgoing.map((o) => o.uid), change.event.actorUid]);
  const involved = [before.createdBy, before.assigneeUid, change.patch.assigneeUid].filter((u): u is string => !!u && u !== ACTOR_SYSTEM);
  bumpMarkers(tx, db, involved.filter((u) => !told.has(u)), at);
  for (const o of change.outgoing) {
    writeNotification(tx, db, notificationId(ticketId, seq, o.uid), {
      uid: o.uid, ticketId, eventSeq: seq, type: change.event.type, title: o.title, body: o.body, read: false, createdAt: at,
      deliverAt: o.deliverAt ?? null, ...(o.i18n ? { i18n: o.i18n } : {}),
    }, o.email);
  }
  return seq;
}

/**
 * One recipient's in-app notification and e-mail under one id. The notification is written at
 * once (`deliverAt` always present, null = now, so the sweeper can query it); a deferred e-mail
 * waits in `deferredMail` until the sweeper moves it to `mail` (the Trigger Email extension
 * sends on creation). `create` makes a second write under the same id fail, never duplicate.
 */
export function writeNotification(
  tx: Transaction,
  db: Firestore,
  id: string,
  notification: Notification & { deliverAt: Date | null },
  email: string | null,
): void {
  tx.create(db.collection(COL.notifications).doc(id), notification);
  bumpMarkers(tx, db, [notification.uid], notification.createdAt);
  if (!email) return;
  const mail = MailDoc.parse({ to: email, message: { subject: notification.title, text: notification.body } });
  const { deliverAt, ticketId } = notification;
  if (deliverAt) tx.create(db.collection(COL.deferredMail).doc(id), DeferredMail.parse({ mail, deliverAt, ticketId }));
  else tx.create(db.collection(COL.mail).doc(id), mail);
}

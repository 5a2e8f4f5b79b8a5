/**
 * The lifecycle engine: fires one action of the lifecycle table (domain/lifecycle/machine.ts)
 * on one ticket, in one transaction — read the ticket, check the expected state (and event
 * seq), the action's from-states, the actor's relations and the guards, validate the input,
 * then write the patch, exactly one history event, the notifications and mails it causes, the
 * complainant's mail/SMS and any announcement. Nothing is half-written.
 *
 * Used by the `transitionTicket` callable and, with the system actor, by the escalation timers.
 * Keep the signature stable.
 */
import { HttpsError } from 'firebase-functions/v2/https';
import type { Firestore, Transaction } from 'firebase-admin/firestore';
import { ACTOR_SYSTEM, Reporter, SmsDoc, MailDoc, Ticket, type LifecycleTicket, type TicketEvent } from '../domain/documents';
import type { Actor } from '../domain/actor';
import { COL, REPORTER_DOC } from '../domain/collections';
import { applyEffect, decide, allowedActions } from '../domain/lifecycle/decide';
import { isTicketAction, TICKET_ACTIONS } from '../domain/lifecycle/machine';
import type { Audience, Effect, LifecycleContext } from '../domain/lifecycle/types';
import { actorName, actorUid } from '../domain/lifecycle/types';
import { complainantMessage, formatShanghai, renderNotification, type Recipient } from '../domain/notify';
import type { DeptEntry } from '../domain/routing';
import type { TicketState } from '../domain/vocabulary';
import { parseDoc } from '../lib/firestore';
import { loadCalendar, loadSla } from './config';
import { departmentRecipients, loadOrg, loadStaff } from './org';
import { applyChange, ticketRef, type Outgoing } from './tickets';

export interface TransitionRequest {
  ticketId: string;
  /** A key of the lifecycle table, e.g. `accept`, `resolve`, `escalate`. */
  action: string;
  actor: Actor | 'system';
  /** The action's fields (validated against the table's schema for the action). */
  input: unknown;
  /** Refuse (failed-precondition) unless the ticket is in this state. */
  expectedState?: TicketState;
  /** Refuse unless the newest event is this one: makes a redelivered request a no-op refusal. */
  expectedSeq?: number;
  now: Date;
}

export interface TransitionResult {
  seq: number;
  state: TicketState;
  ticket: LifecycleTicket;
}

export const ANNOUNCEMENTS = 'announcements';

/** Fires `action` on the ticket; throws HttpsError (not-found, failed-precondition, permission-denied, invalid-argument). */
export async function transitionTicket(db: Firestore, req: TransitionRequest): Promise<TransitionResult> {
  if (!isTicketAction(req.action)) {
    const fields = { action: `unknown action; one of ${TICKET_ACTIONS.join(', ')}` };
    throw new HttpsError('invalid-argument', `Invalid input — action: ${fields.action}`, { fields });
  }
  const [calendar, sla, org, staff] = await Promise.all([
    loadCalendar(db), loadSla(db), loadOrg(db), namedStaff(db, req.input),
  ]);
  const ctx: LifecycleContext = {
    ticketId: req.ticketId, now: req.now, calendar, sla, departments: org.departments, staff,
  };
  const ref = ticketRef(db, req.ticketId);
  try {
    return await db.runTransaction(async (tx) => {
      const snap = await tx.get(ref);
      if (!snap.exists) throw new HttpsError('not-found', `ticket ${req.ticketId} does not exist`, { ticket: req.ticketId });
      const ticket = parseDoc(Ticket, snap);
      if (req.expectedSeq !== undefined && ticket.lastEventSeq !== req.expectedSeq) {
        throw stale(ticket, req.actor, `the ticket changed meanwhile (event ${ticket.lastEventSeq}): now ${ticket.state}`);
      }
      const decision = decide(ticket, req.action, req.actor, req.input, ctx, req.expectedState);
      if (!decision.ok) {
        const { ok: _ok, code, message, ...details } = decision;
        throw new HttpsError(code, message, details);
      }
      return commit(tx, db, req, ticket, decision.effect, org.departments);
    });
  } catch (e) {
    if (!isContention(e)) throw e;
    // Another transition won the race and the retries ran out: report what the ticket is now.
    const now = await ref.get();
    const current = now.exists ? parseDoc(Ticket, now) : null;
    if (!current) throw e;
    throw stale(current, req.actor, `state changed meanwhile: now ${current.state}`);
  }
}

function stale(t: LifecycleTicket, actor: Actor | 'system', message: string): HttpsError {
  return new HttpsError('failed-precondition', message, { state: t.state, seq: t.lastEventSeq, allowedActions: allowedActions(t, actor) });
}

/** ABORTED (transaction contention, after the SDK's retries) or ALREADY_EXISTS (the event id was taken by a concurrent writer). */
function isContention(e: unknown): boolean {
  const code = (e as { code?: unknown }).code;
  return code === 10 || code === 6 || code === 'aborted' || code === 'already-exists';
}

async function commit(
  tx: Transaction,
  db: Firestore,
  req: TransitionRequest,
  ticket: LifecycleTicket,
  effect: Effect,
  departments: readonly DeptEntry[],
): Promise<TransitionResult> {
  const seq = ticket.lastEventSeq + 1;
  const after = applyEffect(ticket, effect, req.now);
  const reporterSnap = effect.complainant && ticket.hasReporter
    ? await tx.get(ticketRef(db, req.ticketId).collection(COL.private).doc(REPORTER_DOC))
    : null;
  const recipients = await resolveAudience(db, effect.notify, departments, actorUid(req.actor));

  const event: Omit<TicketEvent, 'seq' | 'at' | 'changes'> = {
    type: effect.eventType, actorUid: req.actor === 'system' ? ACTOR_SYSTEM : req.actor.uid, actorName: actorName(req.actor),
    from: ticket.state, to: after.state, note: effect.note,
  };
  const dept = departments.find((d) => d.id === after.ownerDeptId);
  const outgoing: Outgoing[] = recipients.map((r) => {
    const msg = renderNotification(after, { ...event, seq, at: req.now, changes: {} }, r.locale, {
      ownerDeptName: r.locale === 'en' ? (dept?.nameEn ?? dept?.name ?? '') : (dept?.name ?? ''),
      formatInstant: formatShanghai,
    });
    return { uid: r.uid, email: r.email, ...msg };
  });
  applyChange(tx, db, req.ticketId, ticket, { patch: effect.patch, event, outgoing }, req.now);

  if (effect.announcement) {
    tx.create(db.collection(ANNOUNCEMENTS).doc(effect.announcement.id), effect.announcement.doc);
  }
  if (effect.complainant && reporterSnap?.exists) {
    tellComplainant(tx, db, `${req.ticketId}_${seq}_reporter`, after, effect.complainant, parseDoc(Reporter, reporterSnap));
  }
  return { seq, state: after.state, ticket: after };
}

/** Mail and/or SMS (Twilio extension's `messages` schema) to a complainant who agreed to be contacted. */
function tellComplainant(
  tx: Transaction, db: Firestore, id: string, t: LifecycleTicket, what: 'resolved' | 'closed', reporter: Reporter,
): void {
  if (!reporter.consentToContact) return;
  const msg = complainantMessage(t, what);
  if (reporter.email) {
    tx.create(db.collection(COL.mail).doc(id), MailDoc.parse({ to: reporter.email, message: { subject: msg.title, text: msg.body } }));
  }
  const phone = reporter.phone.replace(/[\s-]/g, '');
  const sms = SmsDoc.safeParse({ to: phone, body: `【回响】${msg.title}。${msg.body}`.slice(0, 1600) });
  // A phone number the SMS gateway cannot take is skipped, not fatal: the mail (if any) still goes.
  if (phone && sms.success) tx.create(db.collection(COL.messages).doc(id), sms.data);
}

/** People behind the audiences, active ones only, each once, never the actor themselves. */
async function resolveAudience(
  db: Firestore, audience: readonly Audience[], departments: readonly DeptEntry[], actorUid: string,
): Promise<Recipient[]> {
  const lists = await Promise.all(audience.map(async (a): Promise<Recipient[]> => {
    switch (a.kind) {
      case 'dept':
        return departmentRecipients(db, a.deptId);
      case 'head': {
        const headUid = departments.find((d) => d.id === a.deptId)?.headUid ?? null;
        return headUid ? userRecipient(db, headUid) : departmentRecipients(db, a.deptId);
      }
      case 'user':
        return userRecipient(db, a.uid);
      case 'leadership': {
        const snap = await db.collection(COL.staff).where('role', '==', 'leadership').get();
        return (await Promise.all(snap.docs.map((d) => userRecipient(db, d.id)))).flat();
      }
    }
  }));
  const seen = new Set<string>([actorUid]);
  return lists.flat().filter((r) => (seen.has(r.uid) ? false : (seen.add(r.uid), true)));
}

async function userRecipient(db: Firestore, uid: string): Promise<Recipient[]> {
  const s = await loadStaff(db, uid);
  return s && !s.disabled ? [{ uid, email: s.email, locale: s.locale }] : [];
}

/** Staff records the input names (the new assignee), for the guards. */
async function namedStaff(db: Firestore, input: unknown): Promise<LifecycleContext['staff']> {
  const uid = (input as { assigneeUid?: unknown } | null)?.assigneeUid;
  const map = new Map<string, { deptId: string; disabled: boolean; displayName: string }>();
  if (typeof uid === 'string' && /^[^/]+$/.test(uid.trim())) {
    const s = await loadStaff(db, uid.trim());
    if (s) map.set(uid.trim(), { deptId: s.deptId, disabled: s.disabled, displayName: s.displayName });
  }
  return map;
}

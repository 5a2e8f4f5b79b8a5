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
import { ACTOR_SYSTEM, DeferredMessage, Reporter, SmsDoc, MailDoc, Ticket, type LifecycleTicket, type TicketEvent } from '../domain/documents';
import type { Actor } from '../domain/actor';
import type { WorkCalendar } from '../domain/calendar';
import { earliestDeliverAt, smsDeliverAt } from '../domain/escalation';
import { COL, REPORTER_DOC } from '../domain/collections';
import { applyEffect, decide, mayRead, notReadable, seqChanged, type Refusal } from '../domain/lifecycle/decide';
import { isTicketAction, MACHINE, TICKET_ACTIONS, type TicketAction } from '../domain/lifecycle/machine';
import type { Effect, LifecycleContext } from '../domain/lifecycle/types';
import { actorName, actorUid } from '../domain/lifecycle/types';
import { complainantMessage, deptName, formatShanghai, renderNotification, renderBothLanguages } from '../domain/notify';
import type { DeptEntry } from '../domain/routing';
import type { TicketState } from '../domain/vocabulary';
import { parseDoc } from '../lib/firestore';
import { loadCalendar, loadSla } from './config';
import { resolveAudience } from './audience';
import { auditActor, recordAudit, type AuditAction } from './audit';
import { loadOrg, loadStaff } from './org';
import { applyChange, diff, ticketRef, type Outgoing } from './tickets';
import { kpiDeltaOf } from '../domain/kpis/delta';
import { applyKpiDelta } from './kpis/aggregates';

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

/** A refusal of the lifecycle as the HttpsError the client gets: code, params, and what the ticket is now (for readers). */
function refused(r: Refusal): HttpsError {
  const { code, message, ...details } = r;
  return new HttpsError(code, message, details);
}

/**
 * Fires `action` on the ticket; throws HttpsError (not-found, failed-precondition,
 * permission-denied, invalid-argument), each with `{ reason, params }`. A caller who may not
 * read the ticket gets `permission-denied` before anything about it (state, seq, actions).
 */
export async function transitionTicket(db: Firestore, req: TransitionRequest): Promise<TransitionResult> {
  if (!isTicketAction(req.action)) {
    const fields = { action: `unknown action; one of ${TICKET_ACTIONS.join(', ')}` };
    throw new HttpsError('invalid-argument', `Invalid input — action: ${fields.action}`, {
      reason: 'input.invalid', params: { fields: `action: ${fields.action}` }, fields,
    });
  }
  const [calendar, sla, org, staff] = await Promise.all([
    loadCalendar(db), loadSla(db), loadOrg(db), namedStaff(db, req.input),
  ]);
  const ctx: LifecycleContext = {
    ticketId: req.ticketId, now: req.now, calendar, sla, departments: org.departments, branches: org.branches, staff,
  };
  const ref = ticketRef(db, req.ticketId);
  try {
    return await db.runTransaction(async (tx) => {
      const snap = await tx.get(ref);
      if (!snap.exists) {
        throw new HttpsError('not-found', `ticket ${req.ticketId} does not exist`, {
          ticket: req.ticketId, reason: 'doc.not_found', params: { what: 'ticket', id: req.ticketId },
        });
      }
      const ticket = parseDoc(Ticket, snap);
      const decision = decide(ticket, req.action, req.actor, req.input, ctx, req.expectedState, req.expectedSeq);
      if (!decision.ok) {
        const { ok: _ok, ...r } = decision;
        throw refused(r);
      }
      return commit(tx, db, req, ticket, decision.effect, org.departments, calendar);
    });
  } catch (e) {
    if (!isContention(e)) throw e;
    // Another transition won the race and the retries ran out: report what the ticket is now.
    const now = await ref.get();
    const current = now.exists ? parseDoc(Ticket, now) : null;
    if (!current) throw e;
    throw refused(mayRead(req.actor, current) ? seqChanged(current, req.actor) : notReadable());
  }
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
  calendar: WorkCalendar,
): Promise<TransitionResult> {
  const seq = ticket.lastEventSeq + 1;
  const after = applyEffect(ticket, effect, req.now);
  const reporterSnap = effect.complainant && ticket.hasReporter
    ? await tx.get(ticketRef(db, req.ticketId).collection(COL.private).doc(REPORTER_DOC))
    : null;
  const recipients = await resolveAudience(db, effect.notify, departments, [actorUid(req.actor)]);

  const event: Omit<TicketEvent, 'seq' | 'at' | 'changes'> = {
    type: effect.eventType, actorUid: req.actor === 'system' ? ACTOR_SYSTEM : req.actor.uid, actorName: actorName(req.actor),
    from: ticket.state, to: after.state, note: effect.note,
    // An escalation names who it reached (nobody = visible as an empty list).
    ...(effect.eventType === 'escalated' ? { notified: recipients.map(({ recipient: r }) => ({ uid: r.uid, name: r.name ?? r.uid })) } : {}),
  };
  const dept = departments.find((d) => d.id === after.ownerDeptId);
  const outgoing: Outgoing[] = recipients.map(({ recipient: r, kinds }) => {
    // Outside working hours the e-mail waits for the next working instant (the in-app
    // notification is written at once, marked with deliverAt); leadership alerts on a major
    // complaint go at once. Named by several audiences: the earliest delivery wins.
    const deliverAt = earliestDeliverAt(calendar, req.now, { major: after.major, audiences: kinds });
    const msg = renderNotification(after, { ...event, seq, at: req.now, changes: {} }, r.locale, {
      ownerDeptName: deptName(dept, r.locale),
      formatInstant: formatShanghai,
    });
    // web API (issue 8.6): the inbox shows both languages
    const i18n = renderBothLanguages(after, { ...event, seq, at: req.now, changes: {} }, (l) => ({ ownerDeptName: deptName(dept, l), formatInstant: formatShanghai }));
    return { uid: r.uid, email: r.email, deliverAt, ...msg, i18n };
  });
  applyChange(tx, db, req.ticketId, ticket, { patch: effect.patch, event, outgoing }, req.now);
  applyKpiDelta(tx, db, kpiDeltaOf(ticket, after, { type: effect.eventType, at: req.now })); // KPIs (issue 12)
  // After the event's create: of two racing transitions the loser fails there, before this.
  auditTransition(tx, db, req, ticket, after, effect);

  if (effect.announcement) {
    tx.create(db.collection(ANNOUNCEMENTS).doc(effect.announcement.id), effect.announcement.doc);
  }
  if (effect.complainant && reporterSnap?.exists) {
    tellComplainant(tx, db, req.ticketId, `${req.ticketId}_${seq}_reporter`, after, effect.complainant, parseDoc(Reporter, reporterSnap), smsDeliverAt(calendar, req.now));
  }
  return { seq, state: after.state, ticket: after };
}

/**
 * Mail and/or SMS (Twilio extension's `messages` schema) to a complainant who agreed to be
 * contacted. E-mail may arrive at any hour; a text at night is rude: outside working hours the
 * SMS waits in `deferredMessages` until the sweeper moves it to `messages` (`smsDeliverAt`).
 */
function tellComplainant(
  tx: Transaction, db: Firestore, ticketId: string, id: string, t: LifecycleTicket, what: 'resolved' | 'closed', reporter: Reporter,
  smsAt: Date | null,
): void {
  if (!reporter.consentToContact) return;
  const msg = complainantMessage(t, what);
  if (reporter.email) {
    tx.create(db.collection(COL.mail).doc(id), MailDoc.parse({ to: reporter.email, message: { subject: msg.title, text: msg.body } }));
  }
  const phone = reporter.phone.replace(/[\s-]/g, '');
  const sms = SmsDoc.safeParse({ to: phone, body: `【回响】${msg.title}。${msg.body}`.slice(0, 1600) });
  // A phone number the SMS gateway cannot take is skipped, not fatal: the mail (if any) still goes.
  if (!phone || !sms.success) return;
  if (smsAt) tx.create(db.collection(COL.deferredMessages).doc(id), DeferredMessage.parse({ message: sms.data, deliverAt: smsAt, ticketId }));
  else tx.create(db.collection(COL.messages).doc(id), sms.data);
}

/**
 * Privileged lifecycle actions, recorded in the audit log in the transition's transaction
 * (issue: every reassignment, closing, … with actor and reason). Transfers are reassignments to
 * another department; cancelling and reopening end or undo a closing. Human escalation is not
 * listed: its deadline follows the SLA policy, not a person's choice; no action sets dueAt by hand.
 */
export const AUDITED_ACTIONS: Partial<Record<TicketAction, AuditAction>> = {
  assign: 'ticket_assigned',
  transfer: 'ticket_transferred',
  mark_major: 'major_marked',
  close: 'ticket_closed',
  verify: 'ticket_verified',
  cancel: 'ticket_cancelled',
  reopen: 'ticket_reopened',
};

/** Ticket fields an auditor follows; the full diff is in the ticket's own history event. */
const AUDITED_FIELDS = ['state', 'ownerDeptId', 'assigneeUid', 'dueAt', 'escalationLevel', 'major'] as const;

function auditTransition(
  tx: Transaction, db: Firestore, req: TransitionRequest, before: LifecycleTicket, after: LifecycleTicket, effect: Effect,
): void {
  const action = AUDITED_ACTIONS[req.action as TicketAction];
  if (!action) return;
  const changes = Object.fromEntries(
    Object.entries(diff(before, effect.patch)).filter(([k]) => (AUDITED_FIELDS as readonly string[]).includes(k)),
  );
  const label = MACHINE[req.action as TicketAction].label['zh-CN'];
  const described = `${label}：${before.number}（${before.state} → ${after.state}）`;
  const reason = (effect.note.trim() ? `${label}：${effect.note.trim()}` : described).slice(0, 1000);
  const who = req.actor === 'system'
    ? { actorUid: ACTOR_SYSTEM, actorName: actorName(req.actor), actorRole: 'system' as const }
    : auditActor(req.actor);
  recordAudit(tx, db, { action, at: req.now, ...who, target: { type: 'ticket', id: req.ticketId }, reason, changes });
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

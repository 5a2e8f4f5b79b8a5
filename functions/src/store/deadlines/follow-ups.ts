/**
 * Follow-ups in Firestore (domain/deadlines/follow-ups.ts): callbacks, retries, verification,
 * corrective-action reports, promised dates. Every entry point — the ticket trigger, the
 * follow-up timer, the sweeper — recomputes the list from the ticket, so a stale timer finds
 * its follow-up gone and does nothing.
 *
 * Exactly once: firing creates the marker `followUps/{ticketId}_{key}` FIRST in its transaction,
 * then the notifications (deterministic ids `${ticketId}_fu-${key}_${uid}`, `create`). A second
 * delivery finds the marker and writes nothing; with the emulator's non-isolated transactions the
 * loser of a race fails on the marker's ALREADY_EXISTS before it writes a notification.
 */
import type { Firestore } from 'firebase-admin/firestore';
import type { WorkCalendar } from '../../domain/calendar';
import { COL } from '../../domain/collections';
import { followUpMessage, followUpsOf, type FollowUp, type FollowUpOrg } from '../../domain/deadlines/follow-ups';
import { Ticket, type LifecycleTicket } from '../../domain/documents';
import { earliestDeliverAt } from '../../domain/escalation';
import { formatShanghai } from '../../domain/notify';
import { findDepartment, type BranchEntry, type DeptEntry } from '../../domain/routing';
import type { SlaPolicy } from '../../domain/sla';
import { parseDoc } from '../../lib/firestore';
import { resolveAudience } from '../audience';
import { loadCalendar, loadSla } from '../config';
import { loadOrg, loadStaff } from '../org';
import { ticketRef, writeNotification } from '../tickets';
import type { DeadlineTimers } from '../deadlines';

export const FOLLOW_UPS = COL.followUps;

export function followUpMarkerId(ticketId: string, key: string): string {
  return `${ticketId}_${key}`;
}

export function followUpTaskName(ticketId: string, key: string): string {
  return `${ticketId}-fu-${key}`;
}

export function followUpOrgOf(t: Pick<LifecycleTicket, 'branchId'>, departments: readonly DeptEntry[], branches: readonly BranchEntry[]): FollowUpOrg {
  return {
    qualityDeptId: findDepartment('quality', t.branchId, departments, branches)?.id ?? null,
    csDeptId: findDepartment('customer_service', t.branchId, departments, branches)?.id ?? null,
  };
}

interface Loaded {
  ticket: LifecycleTicket;
  calendar: WorkCalendar;
  policy: SlaPolicy;
  org: { departments: DeptEntry[]; branches: BranchEntry[] };
  followUps: FollowUp[];
  fired: Set<string>;
}

async function load(db: Firestore, ticketId: string, now: Date): Promise<Loaded | null> {
  const [snap, calendar, policy, org] = await Promise.all([ticketRef(db, ticketId).get(), loadCalendar(db, now), loadSla(db), loadOrg(db)]);
  if (!snap.exists) return null;
  const ticket = parseDoc(Ticket, snap);
  const followUps = followUpsOf(ticket, calendar, policy, followUpOrgOf(ticket, org.departments, org.branches));
  const markers = followUps.length
    ? await db.getAll(...followUps.map((f) => db.collection(FOLLOW_UPS).doc(followUpMarkerId(ticketId, f.key))))
    : [];
  const fired = new Set(followUps.filter((_, i) => markers[i]!.exists).map((f) => f.key));
  return { ticket, calendar, policy, org, followUps, fired };
}

export interface RefreshResult {
  pending: FollowUp[];
  nextFollowUpAt: Date | null;
}

/**
 * Recomputes the ticket's follow-ups: sets `nextFollowUpAt` (the sweeper's index) and the
 * provisional flag of the deadline it works to, and schedules a timer per pending follow-up
 * (task names carry the key: scheduling twice adds nothing). Writes only when a value changes.
 * Throws RangeError when an instant lies outside the calendar (the caller records it).
 */
export async function refreshFollowUps(db: Firestore, ticketId: string, now: Date, timers?: DeadlineTimers): Promise<RefreshResult | null> {
  const l = await load(db, ticketId, now);
  if (!l) return null;
  const pending = l.followUps.filter((f) => !l.fired.has(f.key));
  const nextFollowUpAt = pending[0]?.dueAt ?? null;
  const working = l.ticket.dueAt && ['assigned', 'in_progress', 'waiting_on_client'].includes(l.ticket.state) ? l.ticket.dueAt : nextFollowUpAt;
  const provisional = working ? l.calendar.spansProvisional(now, working) : false;
  const patch: Record<string, unknown> = {};
  if ((l.ticket.nextFollowUpAt?.getTime() ?? null) !== (nextFollowUpAt?.getTime() ?? null)) patch.nextFollowUpAt = nextFollowUpAt;
  if (l.ticket.dueAtProvisional !== provisional) patch.dueAtProvisional = provisional;
  if (Object.keys(patch).length) await ticketRef(db, ticketId).update(patch);
  if (timers) {
    await Promise.all(pending.map((f) => timers.schedule({
      ticketId, dueAt: f.dueAt.toISOString(), kind: 'followup', key: f.key, runAt: f.dueAt, name: followUpTaskName(ticketId, f.key),
    })));
  }
  return { pending, nextFollowUpAt };
}

export type FireOutcome = { key: string; outcome: 'fired' | 'already-fired' | 'not-due' | 'gone'; notified?: string[] };

/**
 * Fires the follow-ups of the ticket that have come due (only `key` when given: a timer), each
 * at most once, then refreshes `nextFollowUpAt`.
 */
export async function fireFollowUps(db: Firestore, ticketId: string, now: Date, key?: string): Promise<FireOutcome[]> {
  const l = await load(db, ticketId, now);
  if (!l) return key ? [{ key, outcome: 'gone' }] : [];
  const chosen = key ? l.followUps.filter((f) => f.key === key) : l.followUps;
  if (key && chosen.length === 0) return [{ key, outcome: 'gone' }];
  const out: FireOutcome[] = [];
  for (const f of chosen) {
    if (f.dueAt.getTime() > now.getTime()) { out.push({ key: f.key, outcome: 'not-due' }); continue; }
    if (l.fired.has(f.key)) { out.push({ key: f.key, outcome: 'already-fired' }); continue; }
    out.push(await fireOne(db, ticketId, l, f, now));
  }
  await refreshFollowUps(db, ticketId, now);
  return out;
}

async function fireOne(db: Firestore, ticketId: string, l: Loaded, f: FollowUp, now: Date): Promise<FireOutcome> {
  const recipients = await resolveAudience(db, f.notify, l.org.departments);
  const names = await Promise.all(recipients.map(async (r) => (await loadStaff(db, r.recipient.uid))?.displayName ?? r.recipient.uid));
  const marker = db.collection(FOLLOW_UPS).doc(followUpMarkerId(ticketId, f.key));
  try {
    return await db.runTransaction(async (tx) => {
      const existing = await tx.get(marker);
      if (existing.exists) return { key: f.key, outcome: 'already-fired' as const };
      tx.create(marker, {
        ticketId, key: f.key, kind: f.kind, dueAt: f.dueAt, firedAt: now,
        notified: recipients.map((r, i) => ({ uid: r.recipient.uid, name: names[i]! })),
      });
      recipients.forEach(({ recipient: r, kinds }) => {
        const msg = followUpMessage(f, l.ticket, r.locale, formatShanghai);
        writeNotification(tx, db, `${ticketId}_fu-${f.key}_${r.uid}`, {
          uid: r.uid, ticketId, eventSeq: l.ticket.lastEventSeq, type: f.kind, title: msg.title, body: msg.body, read: false,
          createdAt: now, deliverAt: earliestDeliverAt(l.calendar, now, { major: l.ticket.major, audiences: kinds }),
        }, r.email);
      });
      return { key: f.key, outcome: 'fired' as const, notified: names };
    });
  } catch (e) {
    if ((e as { code?: unknown }).code === 6) return { key: f.key, outcome: 'already-fired' };
    throw e;
  }
}

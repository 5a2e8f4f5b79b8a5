/**
 * Problems the deadline machinery meets on one ticket (an instant outside the working calendar,
 * no department to route to): recorded on that ticket (`deadlineProblem`, shown on the ticket)
 * and told to the admins once per ticket and problem; the caller carries on with other tickets.
 */
import type { Firestore } from 'firebase-admin/firestore';
import { COL } from '../../domain/collections';
import type { DeadlineProblem } from '../../domain/deadlines/records';
import { Staff } from '../../domain/documents';
import { parseDoc } from '../../lib/firestore';
import { ticketRef } from '../tickets';

/** Records `problem` on the ticket (unless the same one is already there) and tells every active admin once. */
export async function recordDeadlineProblem(
  db: Firestore, ticketId: string, problem: Omit<DeadlineProblem, 'at'>, now: Date,
): Promise<void> {
  const ref = ticketRef(db, ticketId);
  const snap = await ref.get();
  if (!snap.exists) return;
  const current = snap.get('deadlineProblem') as { code?: string; message?: string } | null | undefined;
  if (current?.code !== problem.code || current?.message !== problem.message) {
    await ref.update({ deadlineProblem: { ...problem, at: now } });
  }
  const number = String(snap.get('number'));
  const seq = Number(snap.get('lastEventSeq'));
  await tellAdmins(db, `${ticketId}_problem-${problem.code}`, {
    ticketId, eventSeq: seq, type: 'deadline_problem',
    title: { 'zh-CN': `工单 ${number} 需要处理：期限无法计算或无法分派`, en: `Ticket ${number} needs attention: deadline or routing failed` },
    body: problem.message,
  }, now);
}

/** Clears a recorded problem once the ticket is handled normally again. */
export async function clearDeadlineProblem(db: Firestore, ticketId: string, code: DeadlineProblem['code']): Promise<void> {
  const ref = ticketRef(db, ticketId);
  const snap = await ref.get();
  if (snap.exists && (snap.get('deadlineProblem') as { code?: string } | null)?.code === code) await ref.update({ deadlineProblem: null });
}

/** One in-app notification per active admin under `${idPrefix}_${uid}` (create: a second call adds nothing). */
export async function tellAdmins(
  db: Firestore, idPrefix: string,
  msg: { ticketId: string; eventSeq: number; type: string; title: { 'zh-CN': string; en: string }; body: string },
  now: Date,
): Promise<number> {
  const admins = await db.collection(COL.staff).where('role', '==', 'admin').get();
  const told = await Promise.all(admins.docs.map(async (d) => {
    const s = parseDoc(Staff, d);
    if (s.disabled) return 0;
    try {
      await db.collection(COL.notifications).doc(`${idPrefix}_${d.id}`).create({
        uid: d.id, ticketId: msg.ticketId, eventSeq: Math.max(1, msg.eventSeq), type: msg.type, title: msg.title[s.locale],
        body: msg.body, read: false, createdAt: now, deliverAt: null,
      });
      return 1;
    } catch (e) {
      if ((e as { code?: unknown }).code === 6) return 0;
      throw e;
    }
  }));
  return told.reduce<number>((a, b) => a + b, 0);
}

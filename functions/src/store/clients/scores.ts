/**
 * The account manager's monthly score of each client [001 §9]: due by the configured day
 * (default the 30th, the month's last day in February), Shanghai time; a reminder goes to
 * every account manager with unscored clients a few days before.
 */
import type { Firestore } from 'firebase-admin/firestore';
import type { Actor } from '../../domain/actor';
import { CLIENTS_COL, COL } from '../../domain/collections';
import { canRecordVisit } from '../../domain/clients/policy';
import { ClientRecord, type ClientRulesConfig } from '../../domain/clients/schemas';
import { daysInMonth } from '../../domain/clients/visits';
import { Staff } from '../../domain/documents';
import { notFound } from '../../lib/errors';
import { parseData, parseDoc } from '../../lib/firestore';
import { writeNotification } from '../tickets';
import { loadClientRules } from './config';
import { authorizeClients } from './errors';

/** End of the due day (23:59:59.999 Shanghai). */
export function scoreDueAt(month: string, rules: Pick<ClientRulesConfig, 'scoreDueDay'>): Date {
  const day = Math.min(rules.scoreDueDay, daysInMonth(month));
  return new Date(Date.parse(`${month}-${String(day).padStart(2, '0')}T23:59:59.999+08:00`));
}

export async function saveMonthlyScore(db: Firestore, actor: Actor, input: { clientId: string; month: string; score: number; note: string }, now: Date) {
  const snap = await db.collection(COL.clients).doc(input.clientId).get();
  if (!snap.exists) throw notFound('client', input.clientId);
  const client = parseData(ClientRecord, snap.data(), snap.ref.path);
  authorizeClients(canRecordVisit(actor, client)); // the client's own account manager
  const dueAt = scoreDueAt(input.month, await loadClientRules(db));
  const doc = {
    clientId: input.clientId, month: input.month, managerUid: actor.uid, branchId: client.branchId, score: input.score, note: input.note,
    dueAt, scoredAt: now, late: now.getTime() > dueAt.getTime(),
  };
  await db.collection(CLIENTS_COL.monthlyScores).doc(`${input.clientId}_${input.month}`).set(doc);
  return { dueAt: dueAt.toISOString(), late: doc.late };
}

/**
 * On the reminder day, one notification per account manager with unscored active clients this
 * month (id per manager and month: a second run writes nothing). Returns how many were sent.
 */
export async function remindMonthlyScores(db: Firestore, now: Date, rules?: ClientRulesConfig): Promise<number> {
  const r = rules ?? (await loadClientRules(db));
  const month = new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 7);
  const dueAt = scoreDueAt(month, r);
  const remindDay = new Date(dueAt.getTime() - r.scoreReminderDaysBefore * 86_400_000 + 8 * 3600_000).toISOString().slice(0, 10);
  const today = new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
  if (today !== remindDay) return 0;
  const [managers, clients, scores] = await Promise.all([
    db.collection(COL.staff).where('role', '==', 'onsite').get(),
    db.collection(COL.clients).get(),
    db.collection(CLIENTS_COL.monthlyScores).where('month', '==', month).get(),
  ]);
  const scored = new Set(scores.docs.map((d) => String(d.get('clientId'))));
  const open = new Map<string, number>();
  for (const d of clients.docs) {
    const c = parseData(ClientRecord, d.data(), d.ref.path);
    if (c.active && c.accountManagerUid && !scored.has(d.id)) open.set(c.accountManagerUid, (open.get(c.accountManagerUid) ?? 0) + 1);
  }
  let sent = 0;
  for (const m of managers.docs) {
    const count = open.get(m.id);
    const staff = parseDoc(Staff, m);
    if (!count || staff.disabled) continue;
    const id = `client-score-${m.id}-${month}`;
    try {
      await db.runTransaction(async (tx) => {
        writeNotification(tx, db, id, {
          uid: m.id, ticketId: `client-score-${month}`, eventSeq: 1, type: 'client_score_due',
          title: staff.locale === 'en' ? `Score your clients for ${month}` : `请完成 ${month} 客户月度评分`,
          body: staff.locale === 'en'
            ? `${count} of your clients have no score for ${month}; due ${dueAt.toISOString()}.`
            : `您还有 ${count} 户客户未完成 ${month} 月度评分，截止 ${month}-${String(Math.min(r.scoreDueDay, daysInMonth(month))).padStart(2, '0')}。`,
          read: false, createdAt: now, deliverAt: null,
        }, null);
      });
      sent++;
    } catch (e) {
      if ((e as { code?: number }).code !== 6) throw e; // 6 = ALREADY_EXISTS: reminded already
    }
  }
  return sent;
}

/**
 * Distribution: personal links by SMS (Twilio extension `messages` schema) and e-mail (Trigger
 * Email `mail` schema) to sampled clients who consented, and reminders to those who have not
 * answered. Runs from a schedule and only in working time (a text at night is rude; the
 * schedule simply waits for the next working instant, so nothing needs deferring).
 *
 * Every link is a fresh 128-bit token stored only as its hash, so the plain link cannot be
 * rebuilt later: a reminder issues a new token for the same response (both stay valid until the
 * deadline; the response accepts one answer). Idempotent: the outgoing message has a
 * deterministic id (`svy_<campaign>_<client>_<n>`, n = 0 invitation, 1… reminders) and is
 * created FIRST in the transaction that also checks and advances the response, so a repeated or
 * concurrent run fails with ALREADY_EXISTS before writing anything else.
 */
import type { Firestore } from 'firebase-admin/firestore';
import { COL } from '../../domain/collections';
import { MailDoc, SmsDoc } from '../../domain/documents';
import { remindersDue, SurveyResponse, SurveyToken, type Campaign, type SurveyConfig } from '../../domain/surveys/campaign';
import { invitationMessage } from '../../domain/surveys/messages';
import { reachable, readContact } from '../../domain/surveys/strata';
import { hashToken, newToken } from '../../domain/surveys/tokens';
import { parseDoc } from '../../lib/firestore';
import { loadCalendar } from '../config';
import { openCampaigns, responsesOf } from './campaigns';
import { loadSurveyConfig } from './config';

/** Messages per campaign per run (the schedule runs every 10 minutes). */
const BATCH = 300;

export const messageId = (campaignId: string, clientId: string, n: number) => `svy_${campaignId}_${clientId}_${n}`;

type SendOutcome = 'sent' | 'unreachable' | 'skipped';

/** Sends message n (0 = invitation) to one response's client, with a new token. */
async function send(
  db: Firestore, campaign: Campaign & { id: string }, clientId: string, n: number, config: SurveyConfig, now: Date,
): Promise<SendOutcome> {
  const ref = responsesOf(db, campaign.id).doc(clientId);
  try {
    return await db.runTransaction(async (tx) => {
      const [snap, clientSnap] = await Promise.all([tx.get(ref), tx.get(db.collection(COL.clients).doc(clientId))]);
      if (!snap.exists) return 'skipped';
      const r = parseDoc(SurveyResponse, snap);
      if (r.status === 'submitted') return 'skipped';
      if (n === 0 ? r.invitedAt !== null : r.remindersSent >= n || r.invitedAt === null) return 'skipped';
      // Nobody to text or mail: recorded as done, so the client never blocks the next batch.
      const done = n === 0 ? { invitedAt: now, channels: [] } : { remindersSent: n };
      const contact = readContact(clientSnap.data());
      if (!reachable(contact) || (n > 0 && r.channels.length === 0)) {
        // No consent or no contact: staff survey this client by phone or on paper.
        tx.update(ref, done);
        return 'unreachable';
      }
      const token = newToken();
      const msg = invitationMessage(campaign.title, `${config.linkBase}${token}`, campaign.deadline, n > 0);
      const id = messageId(campaign.id, clientId, n);
      const sms = SmsDoc.safeParse({ to: contact.phone, body: msg.sms.slice(0, 1600) });
      const mail = contact.email ? MailDoc.safeParse({ to: contact.email, message: { subject: msg.subject, text: msg.text } }) : null;
      const channels: Array<'sms' | 'email'> = [];
      // The marker first: a second run of the same message fails here, before anything else.
      if (sms.success) {
        tx.create(db.collection(COL.messages).doc(id), sms.data);
        channels.push('sms');
      }
      if (mail?.success) {
        tx.create(db.collection(COL.mail).doc(id), mail.data);
        channels.push('email');
      }
      if (!channels.length) {
        tx.update(ref, done);
        return 'unreachable';
      }
      tx.create(db.collection(COL.surveyTokens).doc(hashToken(token)), SurveyToken.parse({
        campaignId: campaign.id, clientId, issuedAt: now, expiresAt: campaign.deadline,
      }));
      tx.update(ref, n === 0 ? { invitedAt: now, channels } : { remindersSent: n });
      return 'sent';
    });
  } catch (e) {
    if ((e as { code?: unknown }).code === 6) return 'skipped'; // a concurrent run sent it
    throw e;
  }
}

export interface DispatchResult {
  invited: number;
  unreachable: number;
  reminded: number;
}

/** Invitations not yet sent, then due reminders, for one open campaign. */
export async function dispatchCampaign(
  db: Firestore, campaign: Campaign & { id: string }, config: SurveyConfig, now: Date,
): Promise<DispatchResult> {
  const out: DispatchResult = { invited: 0, unreachable: 0, reminded: 0 };
  if (campaign.state !== 'open' || now.getTime() >= campaign.deadline.getTime()) return out;
  const pending = await responsesOf(db, campaign.id).where('invitedAt', '==', null).limit(BATCH).get();
  for (const d of pending.docs) {
    const o = await send(db, campaign, d.id, 0, config, now);
    if (o === 'sent') out.invited++;
    if (o === 'unreachable') out.unreachable++;
  }
  const due = remindersDue(campaign, now);
  if (due > 0) {
    const toRemind = await responsesOf(db, campaign.id).where('status', '==', 'pending').where('remindersSent', '<', due).limit(BATCH).get();
    for (const d of toRemind.docs) {
      if ((await send(db, campaign, d.id, due, config, now)) === 'sent') out.reminded++;
    }
  }
  return out;
}

/** The schedule's work: every open campaign, only in working time. */
export async function dispatchDue(db: Firestore, now: Date): Promise<DispatchResult & { workingTime: boolean }> {
  const calendar = await loadCalendar(db);
  const total = { invited: 0, unreachable: 0, reminded: 0, workingTime: calendar.isWorkingTime(now) };
  if (!total.workingTime) return total;
  const [config, campaigns] = await Promise.all([loadSurveyConfig(db), openCampaigns(db)]);
  for (const c of campaigns) {
    const r = await dispatchCampaign(db, c, config, now);
    total.invited += r.invited;
    total.unreachable += r.unreachable;
    total.reminded += r.reminded;
  }
  return total;
}

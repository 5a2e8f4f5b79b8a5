import { randomUUID } from 'node:crypto';
/**
 * Client-facing feedback (channel `web`, no account): filed through the same createTicket path
 * and routing as the hotline, in the name of the `system-web` actor; the client gets the ticket
 * number and a 6-digit follow code (stored hashed) by SMS and/or e-mail, and follows the
 * ticket's public status with both. Abuse limits: a counter per phone number and per IP per
 * day (hashed keys in `publicLimits`), checked and incremented in one transaction before filing.
 */
import { FieldValue, type Firestore } from 'firebase-admin/firestore';
import { CreateTicketInput } from '../../domain/api';
import { COL } from '../../domain/collections';
import { MailDoc, SmsDoc, Ticket } from '../../domain/documents';
import type { PublicFileFeedbackInput, PublicTicketStatusView } from '../../domain/surveys/api';
import { limitDay, MAX_FOLLOW_ATTEMPTS, publicStatusOf } from '../../domain/surveys/feedback';
import { followCodeMessage } from '../../domain/surveys/messages';
import { hashFollowCode, hashKey, newFollowCode } from '../../domain/surveys/tokens';
import { parseDoc } from '../../lib/firestore';
import { createTicket } from '../create-ticket';
import { loadSurveyConfig } from './config';
import { PUBLIC_CLIENT_ID } from './population';
import { refuse } from './refuse';
import { rootBranchId, systemActorFor } from './system-actor';

/** Counts one submission against the per-phone and per-IP limits of the day, or refuses (nothing counted). */
async function countSubmission(db: Firestore, phone: string, ip: string | null, limits: { perPhonePerDay: number; perIpPerDay: number }, now: Date): Promise<void> {
  const day = limitDay(now);
  const phoneRef = phone ? db.collection(COL.publicLimits).doc(`p_${hashKey(phone)}_${day}`) : null;
  const ipRef = ip ? db.collection(COL.publicLimits).doc(`i_${hashKey(ip)}_${day}`) : null;
  await db.runTransaction(async (tx) => {
    const [p, i] = await Promise.all([phoneRef ? tx.get(phoneRef) : null, ipRef ? tx.get(ipRef) : null]);
    if (p && ((p.get('count') as number | undefined) ?? 0) >= limits.perPhonePerDay) {
      throw refuse('resource-exhausted', 'feedback.rate_limited_phone', { limit: limits.perPhonePerDay });
    }
    if (i && ((i.get('count') as number | undefined) ?? 0) >= limits.perIpPerDay) throw refuse('resource-exhausted', 'feedback.rate_limited_ip');
    // expiresAt: a TTL policy on publicLimits removes old counters in production (README).
    const expiresAt = new Date(now.getTime() + 2 * 86_400_000);
    if (phoneRef) tx.set(phoneRef, { count: FieldValue.increment(1), day, expiresAt }, { merge: true });
    if (ipRef) tx.set(ipRef, { count: FieldValue.increment(1), day, expiresAt }, { merge: true });
  });
}

/** The client the feedback is about: by client code, or the web-public placeholder client. */
async function clientFor(db: Firestore, clientCode: string | undefined): Promise<{ id: string; branchId: string }> {
  if (clientCode) {
    const snap = await db.collection(COL.clients).where('code', '==', clientCode).limit(1).get();
    const d = snap.docs[0];
    if (!d) throw refuse('not-found', 'feedback.client_unknown', { clientCode }, { clientCode: 'no such client' });
    return { id: d.id, branchId: d.get('branchId') as string };
  }
  const ref = db.collection(COL.clients).doc(PUBLIC_CLIENT_ID);
  const existing = await ref.get();
  if (existing.exists) return { id: ref.id, branchId: existing.get('branchId') as string };
  const branchId = await rootBranchId(db);
  if (!branchId) throw refuse('failed-precondition', 'feedback.not_configured');
  // A placeholder so web feedback from people without a client code still has a client (never sampled).
  await ref.create({
    name: '网上访客', code: 'WEB-PUBLIC', branchId, tier: 'C', marketType: 'C', format: 'other', scale: 3, zone: 'city_a',
    address: '', contactName: '', contactPhone: '', accountManagerUid: null, excludeFromSurveys: true,
  }).catch((e: unknown) => {
    if ((e as { code?: unknown }).code !== 6) throw e;
  });
  return { id: ref.id, branchId };
}

export async function fileFeedback(
  db: Firestore, input: PublicFileFeedbackInput, ip: string | null, now: Date,
): Promise<{ number: string; sentTo: Array<'sms' | 'email'> }> {
  const phone = input.contact.phone.replace(/[\s-]/g, '');
  if (!phone && !input.contact.email) throw refuse('invalid-argument', 'feedback.contact_needed', {}, { 'contact.phone': 'a phone number or an e-mail is needed' });
  if (!input.consent) throw refuse('invalid-argument', 'feedback.consent_needed', {}, { consent: 'required' });
  const config = await loadSurveyConfig(db);
  const client = await clientFor(db, input.clientCode);
  await countSubmission(db, phone, ip, config.publicLimits, now);
  const actor = await systemActorFor(db, 'web', client.branchId);
  const ticketInput = CreateTicketInput.parse({
    requestId: `web-${randomUUID()}`, clientId: client.id, kind: input.kind, ...(input.subject ? { subject: input.subject } : {}), channel: 'web',
    title: input.title, description: input.description,
    reporter: { name: input.contact.name, phone, email: input.contact.email, consentToContact: input.consent },
  });
  const { ticketId, number } = await createTicket(db, actor, ticketInput, now);
  const code = newFollowCode();
  const msg = followCodeMessage(number, code, config.followBase, input.locale);
  const batch = db.batch();
  batch.create(db.collection(COL.publicFollow).doc(number), { ticketId, codeHash: hashFollowCode(number, code), failedAttempts: 0, createdAt: now });
  const sentTo: Array<'sms' | 'email'> = [];
  // The follow code goes at once, at any hour: the client asked for it a moment ago.
  const sms = SmsDoc.safeParse({ to: phone, body: msg.sms });
  if (phone && sms.success) {
    batch.create(db.collection(COL.messages).doc(`follow_${ticketId}`), sms.data);
    sentTo.push('sms');
  }
  if (input.contact.email) {
    batch.create(db.collection(COL.mail).doc(`follow_${ticketId}`), MailDoc.parse({ to: input.contact.email, message: { subject: msg.subject, text: msg.text } }));
    sentTo.push('email');
  }
  await batch.commit();
  return { number, sentTo };
}

/**
 * The public status of a ticket by its number and follow code. A wrong code counts against the
 * ticket; after MAX_FOLLOW_ATTEMPTS it locks. Unknown number and wrong code give the same answer.
 */
export async function publicTicketStatus(db: Firestore, number: string, code: string): Promise<PublicTicketStatusView> {
  const ref = db.collection(COL.publicFollow).doc(number);
  const outcome = await db.runTransaction(async (tx) => {
    const snap = await tx.get(ref);
    if (!snap.exists) return { ok: false as const, reason: 'feedback.follow_unknown' as const };
    const failed = (snap.get('failedAttempts') as number | undefined) ?? 0;
    if (failed >= MAX_FOLLOW_ATTEMPTS) return { ok: false as const, reason: 'feedback.follow_locked' as const };
    if (snap.get('codeHash') !== hashFollowCode(number, code)) {
      tx.update(ref, { failedAttempts: failed + 1 });
      return { ok: false as const, reason: 'feedback.follow_unknown' as const };
    }
    return { ok: true as const, ticketId: snap.get('ticketId') as string };
  });
  if (!outcome.ok) throw refuse(outcome.reason === 'feedback.follow_locked' ? 'resource-exhausted' : 'not-found', outcome.reason);
  const t = parseDoc(Ticket, await db.collection(COL.tickets).doc(outcome.ticketId).get());
  return {
    number: t.number, kind: t.kind, title: t.title, status: publicStatusOf(t.state),
    receivedAt: t.receivedAt.toISOString(), updatedAt: t.updatedAt.toISOString(),
  };
}

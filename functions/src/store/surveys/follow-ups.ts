/**
 * Follow-up callbacks [003]: every answer with an opinion (free text) or a rating of 2 or less
 * opens a ticket through the same createTicket path and routing as the hotline: kind
 * `suggestion` (a client's opinion, owned by the business department by the default routing;
 * an organisation that wants the customer-service centre to call back adds a routing rule on
 * channel `survey`), channel `survey`, the respondent's contact as its private reporter.
 * Idempotent: the ticket id is `survey-<campaign>-<client>`; filing it twice returns the first.
 */
import type { Firestore } from 'firebase-admin/firestore';
import { CreateTicketInput } from '../../domain/api';
import { COL } from '../../domain/collections';
import { Campaign, SurveyResponse } from '../../domain/surveys/campaign';
import { followUpCause, type QuestionnaireVersion } from '../../domain/surveys/questionnaire';
import { readContact } from '../../domain/surveys/strata';
import { parseDoc } from '../../lib/firestore';
import { createTicket } from '../create-ticket';
import { campaignRef, responsesOf } from './campaigns';
import { loadVersion } from './questionnaires';
import { systemActorFor } from './system-actor';

export const followUpTicketId = (campaignId: string, clientId: string) => `survey-${campaignId}-${clientId}`;

/** The ticket text: the low ratings and the opinions, question by question (zh-CN). */
export function followUpText(version: QuestionnaireVersion, response: SurveyResponse): string | null {
  const cause = followUpCause(version, response.answers);
  if (!cause) return null;
  const text = (id: string) => version.questions.find((q) => q.id === id)?.text['zh-CN'] ?? id;
  const lines = [
    ...cause.lowRatings.map((r) => `【评分 ${r.rating}/5】${text(r.questionId)}`),
    ...cause.opinions.map((o) => `【意见】${text(o.questionId)}：${o.text}`),
  ];
  return lines.join('\n').slice(0, 5000);
}

/** Opens the follow-up tickets still missing for a campaign; returns how many were opened now. */
export async function openFollowUps(db: Firestore, campaignId: string, now: Date, limit = 200): Promise<number> {
  const campaign = parseDoc(Campaign, await campaignRef(db, campaignId).get());
  const version = await loadVersion(db, campaign.questionnaireId, campaign.questionnaireVersion);
  const due = await responsesOf(db, campaignId).where('followUp', '==', 'due').limit(limit).get();
  let opened = 0;
  for (const d of due.docs) {
    const response = parseDoc(SurveyResponse, d);
    const text = followUpText(version, response);
    if (!text) {
      await d.ref.update({ followUp: 'none' });
      continue;
    }
    const clientSnap = await db.collection(COL.clients).doc(response.clientId).get();
    if (!clientSnap.exists) {
      await d.ref.update({ followUp: 'none' }); // the client left the archive: nobody to call back
      continue;
    }
    const contact = readContact(clientSnap.data());
    const actor = await systemActorFor(db, 'survey', response.branchId);
    const ticketId = followUpTicketId(campaignId, response.clientId);
    const input = CreateTicketInput.parse({
      requestId: ticketId, clientId: response.clientId, kind: 'suggestion', channel: 'survey',
      title: `满意度调查回访：${campaign.title['zh-CN']}`.slice(0, 200),
      description: text,
      reporter: { name: contact.name || response.clientName || response.clientId, phone: contact.phone.slice(0, 40), email: /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(contact.email) ? contact.email : '', consentToContact: contact.consent },
    });
    await createTicket(db, actor, input, now, { ticketId });
    await d.ref.update({ followUp: 'opened', followUpTicketId: ticketId });
    opened++;
  }
  return opened;
}

/**
 * Answers: opened, drafted and submitted through a personal link (no staff login), or recorded
 * by staff from a phone survey or a paper form. Submitting writes exactly two documents: the
 * client's response (answers, status) and the campaign's counter document (stats.ts).
 * A refused link writes nothing.
 */
import type { DocumentSnapshot, Firestore, Transaction } from 'firebase-admin/firestore';
import { COL } from '../../domain/collections';
import type { SurveyPageView } from '../../domain/surveys/api';
import { Campaign, SurveyResponse, SurveyToken, tokenRefusal, type TokenRefusal } from '../../domain/surveys/campaign';
import {
  compactAnswers, followUpCause, QuestionnaireVersion, validateAnswers, type Answers,
} from '../../domain/surveys/questionnaire';
import { answerIncrements } from '../../domain/surveys/stats';
import { hashToken } from '../../domain/surveys/tokens';
import type { ResponseMode } from '../../domain/surveys/vocabulary';
import { parseDoc } from '../../lib/firestore';
import { campaignRef, statsRef, responsesOf, toIncrements } from './campaigns';
import { loadVersion, versionRef } from './questionnaires';
import { invalidAnswers, refuse } from './refuse';

const REFUSAL_CODES: Record<TokenRefusal, 'not-found' | 'failed-precondition' | 'deadline-exceeded'> = {
  token_unknown: 'not-found',
  token_used: 'failed-precondition',
  token_expired: 'deadline-exceeded',
  campaign_closed: 'failed-precondition',
};

interface Resolved {
  token: SurveyToken;
  campaign: Campaign;
  response: SurveyResponse;
  responseSnap: DocumentSnapshot;
}

/** Reads the token, its campaign and response (in `tx` when given) and refuses an unusable link. */
async function resolve(db: Firestore, token: string, now: Date, tx?: Transaction): Promise<Resolved> {
  const get = (ref: FirebaseFirestore.DocumentReference) => (tx ? tx.get(ref) : ref.get());
  const tokenSnap = await get(db.collection(COL.surveyTokens).doc(hashToken(token)));
  const t = tokenSnap.exists ? parseDoc(SurveyToken, tokenSnap) : null;
  const [campaignSnap, responseSnap] = t
    ? await Promise.all([get(campaignRef(db, t.campaignId)), get(responsesOf(db, t.campaignId).doc(t.clientId))])
    : [null, null];
  const campaign = campaignSnap?.exists ? parseDoc(Campaign, campaignSnap) : null;
  const response = responseSnap?.exists ? parseDoc(SurveyResponse, responseSnap) : null;
  const refusal = tokenRefusal(t, campaign, response, now);
  if (refusal) throw refuse(REFUSAL_CODES[refusal], `survey.${refusal}`);
  return { token: t!, campaign: campaign!, response: response!, responseSnap: responseSnap! };
}

/** What the survey page shows: the questionnaire version of the campaign and the saved draft. */
export async function openByToken(db: Firestore, token: string, now: Date): Promise<SurveyPageView> {
  const r = await resolve(db, token, now);
  const version = await loadVersion(db, r.campaign.questionnaireId, r.campaign.questionnaireVersion);
  return {
    campaignTitle: r.campaign.title,
    deadline: r.campaign.deadline.toISOString(),
    questionnaire: {
      id: r.campaign.questionnaireId, version: version.version, title: version.title, intro: version.intro, questions: version.questions,
    },
    draft: r.response.draft,
  };
}

/** Saves a draft (answers so far; required questions may still be open). One write. */
export async function saveDraftByToken(db: Firestore, token: string, answers: Answers, now: Date): Promise<{ savedAt: string }> {
  const r = await resolve(db, token, now);
  const version = await loadVersion(db, r.campaign.questionnaireId, r.campaign.questionnaireVersion);
  const errors = validateAnswers(version, answers, { draft: true });
  if (Object.keys(errors).length) throw invalidAnswers(errors);
  // Only while still pending: a draft saved after the submission would otherwise linger.
  await db.runTransaction(async (tx) => {
    const again = await resolve(db, token, now, tx);
    tx.update(again.responseSnap.ref, { draft: compactAnswers(answers), draftSavedAt: now });
  });
  return { savedAt: now.toISOString() };
}

/**
 * Writes a submitted answer and its counters in the caller's transaction (after all reads).
 * The response is written before the counters. Real Firestore serialises two concurrent
 * submissions of one response (the transaction read it as pending); the npm emulator does not
 * isolate transactions, so there two racing submissions could both count (NOTES.md).
 */
function writeSubmission(
  tx: Transaction, db: Firestore, version: QuestionnaireVersion, response: SurveyResponse, responseSnap: DocumentSnapshot,
  answers: Answers, mode: ResponseMode, recordedBy: string | null, now: Date,
): { needsFollowUp: boolean } {
  const clean = compactAnswers(answers);
  const cause = followUpCause(version, clean);
  const hasText = version.questions.some((q) => q.type === 'text' && typeof clean[q.id] === 'string');
  tx.update(responseSnap.ref, {
    status: 'submitted', answers: clean, submittedAt: now, mode, recordedBy, needsFollowUp: cause !== null, followUp: cause ? 'due' : 'none', hasText, draft: {},
  });
  const inc = answerIncrements(version, clean, { ...response, stratum: response.stratum });
  tx.set(statsRef(db, response.campaignId), toIncrements(inc as Record<string, unknown>), { merge: true });
  return { needsFollowUp: cause !== null };
}

/**
 * Submits once through the personal link; answers are checked against the campaign's
 * questionnaire version. One transaction reads the token, campaign, response and version
 * (4 reads) and writes the response and the counters (2 writes); a refusal writes nothing.
 */
export async function submitByToken(db: Firestore, token: string, answers: Answers, now: Date): Promise<{ submittedAt: string }> {
  await db.runTransaction(async (tx) => {
    const r = await resolve(db, token, now, tx);
    const version = parseDoc(QuestionnaireVersion, await tx.get(versionRef(db, r.campaign.questionnaireId, r.campaign.questionnaireVersion)));
    const errors = validateAnswers(version, answers, { draft: false });
    if (Object.keys(errors).length) throw invalidAnswers(errors);
    writeSubmission(tx, db, version, r.response, r.responseSnap, answers, 'link', null, now);
  });
  return { submittedAt: now.toISOString() };
}

/** Staff record a phone survey or a paper form for a client in the sample of an open campaign. */
export async function recordResponse(
  db: Firestore, by: string, campaignId: string, clientId: string, mode: ResponseMode, answers: Answers, now: Date,
): Promise<{ submittedAt: string }> {
  const snap = await campaignRef(db, campaignId).get();
  if (!snap.exists) throw refuse('not-found', 'survey.campaign_unknown', { id: campaignId });
  const campaign = parseDoc(Campaign, snap);
  const version = await loadVersion(db, campaign.questionnaireId, campaign.questionnaireVersion);
  const errors = validateAnswers(version, answers, { draft: false });
  if (Object.keys(errors).length) throw invalidAnswers(errors);
  await db.runTransaction(async (tx) => {
    const [c, responseSnap] = await Promise.all([tx.get(campaignRef(db, campaignId)), tx.get(responsesOf(db, campaignId).doc(clientId))]);
    const state = c.get('state') as string;
    if (state !== 'open') throw refuse('failed-precondition', 'survey.campaign_not_open', { state });
    if (!responseSnap.exists) throw refuse('not-found', 'survey.not_in_sample', { clientId });
    const response = parseDoc(SurveyResponse, responseSnap);
    if (response.status === 'submitted') throw refuse('failed-precondition', 'survey.already_answered');
    writeSubmission(tx, db, version, response, responseSnap, answers, mode, by, now);
  });
  return { submittedAt: now.toISOString() };
}

/** A response as staff see it; the respondent is named only for those allowed (quality, leadership). */
export interface ResponseView {
  clientId: string | null;
  clientName: string | null;
  stratum: string;
  branchId: string;
  status: string;
  mode: string | null;
  submittedAt: string | null;
  answers: Answers;
  followUpTicketId: string | null;
  channels: string[];
  remindersSent: number;
}

export async function listResponses(
  db: Firestore, campaignId: string, opts: { status?: 'pending' | 'submitted'; limit: number; showRespondent: boolean },
): Promise<ResponseView[]> {
  let q: FirebaseFirestore.Query = responsesOf(db, campaignId);
  if (opts.status) q = q.where('status', '==', opts.status);
  const snap = await q.limit(opts.limit).get();
  return snap.docs.map((d) => {
    const r = parseDoc(SurveyResponse, d);
    return {
      clientId: opts.showRespondent ? r.clientId : null,
      clientName: opts.showRespondent ? r.clientName : null,
      stratum: r.stratum, branchId: r.branchId, status: r.status, mode: r.mode,
      submittedAt: r.submittedAt?.toISOString() ?? null, answers: r.answers,
      followUpTicketId: opts.showRespondent ? r.followUpTicketId : null,
      channels: r.channels, remindersSent: r.remindersSent,
    };
  });
}

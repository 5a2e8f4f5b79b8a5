/**
 * Campaigns in Firestore: create (draft, seed recorded), preview the sample, open (sample
 * frozen into one response document per client, questionnaire version locked), close.
 *
 * Opening is not one transaction (a sample may hold tens of thousands of clients): the response
 * documents are written first in batches (deterministic ids and content: the same seed draws the
 * same sample), then one transaction checks the campaign is still a draft and marks it open with
 * the frozen figures. A second opener rewrites identical documents and loses the transaction.
 */
import { randomInt } from 'node:crypto';
import { FieldValue, type Firestore } from 'firebase-admin/firestore';
import { COL } from '../../domain/collections';
import type { CreateCampaignInput } from '../../domain/surveys/api';
import {
  Campaign, campaignDeadline, reminderInstants, slotOpensAt, SurveyResponse, type CampaignSlot, type SurveyConfig,
} from '../../domain/surveys/campaign';
import { drawSample, type Sample } from '../../domain/surveys/sampling';
import { stratumKey } from '../../domain/surveys/strata';
import { parseDoc } from '../../lib/firestore';
import { loadCalendar } from '../config';
import { loadSurveyConfig } from './config';
import { loadPopulation } from './population';
import { ensureDefaultQuestionnaire, loadQuestionnaire, lockVersion } from './questionnaires';
import { refuse } from './refuse';

export const campaignRef = (db: Firestore, id: string) => db.collection(COL.surveyCampaigns).doc(id);
export const statsRef = (db: Firestore, id: string) => campaignRef(db, id).collection('stats').doc('live');
export const responsesOf = (db: Firestore, id: string) => campaignRef(db, id).collection(COL.surveyResponses);

export async function loadCampaign(db: Firestore, id: string): Promise<Campaign> {
  const snap = await campaignRef(db, id).get();
  if (!snap.exists) throw refuse('not-found', 'survey.campaign_unknown', { id });
  return parseDoc(Campaign, snap);
}

/** A new draft campaign; the questionnaire's current version is the one it will ask. */
export async function createCampaign(db: Firestore, by: string, input: CreateCampaignInput, now: Date): Promise<{ campaignId: string; seed: number }> {
  const opensAt = new Date(input.opensAt);
  const deadline = new Date(input.deadline);
  if (deadline.getTime() <= opensAt.getTime()) throw refuse('invalid-argument', 'survey.deadline_passed', {}, { deadline: 'must come after opensAt' });
  const q = await loadQuestionnaire(db, input.questionnaireId);
  if (!q) throw refuse('not-found', 'survey.questionnaire_unknown', { id: input.questionnaireId });
  const ref = input.campaignId ? campaignRef(db, input.campaignId) : db.collection(COL.surveyCampaigns).doc();
  const seed = input.seed ?? randomInt(0, 0x7fffffff);
  const campaign = Campaign.parse({
    title: input.title, slotKey: null, questionnaireId: input.questionnaireId, questionnaireVersion: q.currentVersion,
    rule: input.rule, seed, state: 'draft', opensAt, deadline, targetReturnRate: input.targetReturnRate,
    createdAt: now, createdBy: by, updatedAt: now,
  });
  try {
    await ref.create(campaign);
  } catch (e) {
    if ((e as { code?: unknown }).code === 6) throw refuse('already-exists', 'survey.campaign_exists', { id: ref.id });
    throw e;
  }
  return { campaignId: ref.id, seed };
}

/** The sample a draft campaign would draw now, with the strata it cannot cover. */
export async function previewSample(db: Firestore, campaignId: string, now: Date, config?: SurveyConfig): Promise<Sample> {
  const [campaign, cfg] = await Promise.all([loadCampaign(db, campaignId), config ?? loadSurveyConfig(db)]);
  if (campaign.state !== 'draft') throw refuse('failed-precondition', 'survey.campaign_not_draft', { state: campaign.state });
  const population = await loadPopulation(db, campaign.rule, now);
  return drawSample(population, campaign.rule, campaign.seed, cfg.expected);
}

export type OpenOutcome = 'opened' | 'already-open' | 'closed';

/** Opens a draft campaign: draws the sample, writes the responses, freezes the figures. */
export async function openCampaign(db: Firestore, campaignId: string, now: Date): Promise<{ outcome: OpenOutcome; sampleSize: number }> {
  const [campaign, config, calendar] = await Promise.all([loadCampaign(db, campaignId), loadSurveyConfig(db), loadCalendar(db)]);
  if (campaign.state === 'open') return { outcome: 'already-open', sampleSize: campaign.sampleSize };
  if (campaign.state === 'closed') return { outcome: 'closed', sampleSize: campaign.sampleSize };
  const population = await loadPopulation(db, campaign.rule, now);
  if (!population.length) throw refuse('failed-precondition', 'survey.empty_population');
  const sample = drawSample(population, campaign.rule, campaign.seed, config.expected);
  const byId = new Map(population.map((c) => [c.id, c]));
  const focus = new Set(sample.focusIds);
  const responses = responsesOf(db, campaignId);
  for (let i = 0; i < sample.clientIds.length; i += 400) {
    const batch = db.batch();
    for (const clientId of sample.clientIds.slice(i, i + 400)) {
      const c = byId.get(clientId)!;
      batch.set(responses.doc(clientId), SurveyResponse.parse({
        campaignId, clientId, clientName: c.name, stratum: stratumKey(c.strata), ...c.strata, focus: focus.has(clientId), status: 'pending',
      }));
    }
    await batch.commit();
  }
  const strataDrawn = Object.fromEntries(Object.entries(sample.strata).filter(([, s]) => s.drawn > 0).map(([k, s]) => [k, s.drawn]));
  const reminderAts = reminderInstants(calendar, campaign.opensAt.getTime() > now.getTime() ? campaign.opensAt : now, campaign.deadline, config.reminderWorkingDaysBefore);
  const outcome = await db.runTransaction(async (tx) => {
    const snap = await tx.get(campaignRef(db, campaignId));
    const current = parseDoc(Campaign, snap);
    if (current.state !== 'draft') return current.state === 'open' ? 'already-open' as const : 'closed' as const;
    tx.update(snap.ref, {
      state: 'open', openedAt: now, updatedAt: now, population: sample.population, sampleSize: sample.clientIds.length,
      sampleTarget: sample.target, strataDrawn, reminderAts,
    });
    tx.set(statsRef(db, campaignId), { c__answered: 0 }, { merge: true });
    lockVersion(tx, db, campaign.questionnaireId, campaign.questionnaireVersion);
    return 'opened' as const;
  });
  return { outcome, sampleSize: sample.clientIds.length };
}

/** Closes an open campaign (state check in a transaction). */
export async function closeCampaign(db: Firestore, campaignId: string, now: Date): Promise<'closed' | 'not-open'> {
  return db.runTransaction(async (tx) => {
    const snap = await tx.get(campaignRef(db, campaignId));
    if (!snap.exists) throw refuse('not-found', 'survey.campaign_unknown', { id: campaignId });
    if (snap.get('state') !== 'open') return 'not-open';
    tx.update(snap.ref, { state: 'closed', closedAt: now, updatedAt: now });
    return 'closed';
  });
}

/** The campaign of a yearly slot: id `${year}-${slot.key}`, dates from the working calendar. */
async function ensureSlotCampaign(db: Firestore, config: SurveyConfig, slot: CampaignSlot, year: number, now: Date): Promise<string | null> {
  const calendar = await loadCalendar(db);
  const opensAt = slotOpensAt(calendar, year, slot);
  const deadline = campaignDeadline(calendar, opensAt, slot.durationWorkingDays);
  if (now.getTime() < opensAt.getTime() || now.getTime() >= deadline.getTime()) return null;
  const id = `${year}-${slot.key}`;
  const ref = campaignRef(db, id);
  if ((await ref.get()).exists) return id;
  const questionnaireId = config.questionnaireId || (await ensureDefaultQuestionnaire(db, config.orgType, now));
  const q = await loadQuestionnaire(db, questionnaireId);
  if (!q) throw refuse('not-found', 'survey.questionnaire_unknown', { id: questionnaireId });
  await ref.create(Campaign.parse({
    title: slot.title, slotKey: id, questionnaireId, questionnaireVersion: q.currentVersion, rule: slot.rule,
    seed: randomInt(0, 0x7fffffff), state: 'draft', opensAt, deadline, targetReturnRate: slot.targetReturnRate,
    createdAt: now, createdBy: 'system', updatedAt: now,
  })).catch((e: unknown) => {
    if ((e as { code?: unknown }).code !== 6) throw e; // a concurrent run created it
  });
  return id;
}

/**
 * The scheduled opening: creates this year's slot campaigns whose date has come (1 June and
 * 1 November by default, shifted to the next working day) and opens every draft whose opening
 * time has come. Safe to run twice: ids are deterministic and opening checks the state.
 */
export async function openDueCampaigns(db: Firestore, now: Date): Promise<{ opened: string[] }> {
  const config = await loadSurveyConfig(db);
  const year = new Date(now.getTime() + 8 * 3600_000).getUTCFullYear();
  for (const slot of config.slots) await ensureSlotCampaign(db, config, slot, year, now);
  const drafts = await db.collection(COL.surveyCampaigns).where('state', '==', 'draft').where('opensAt', '<=', now).get();
  const opened: string[] = [];
  for (const d of drafts.docs) {
    const { outcome } = await openCampaign(db, d.id, now);
    if (outcome === 'opened') opened.push(d.id);
  }
  return { opened };
}

/** Campaigns still open (for dispatch and progress). */
export async function openCampaigns(db: Firestore): Promise<Array<Campaign & { id: string }>> {
  const snap = await db.collection(COL.surveyCampaigns).where('state', '==', 'open').get();
  return snap.docs.map((d) => ({ id: d.id, ...parseDoc(Campaign, d) }));
}

export async function listCampaigns(db: Firestore, limit: number): Promise<Array<Campaign & { id: string }>> {
  const snap = await db.collection(COL.surveyCampaigns).orderBy('opensAt', 'desc').limit(limit).get();
  return snap.docs.map((d) => ({ id: d.id, ...parseDoc(Campaign, d) }));
}

/**
 * Counter fields are flat, top-level names (`c__q__overall__n`): each path segment keeps
 * letters and digits and hex-escapes anything else as `_XX`, so `__` only ever separates
 * segments. Flat because FieldValue transforms on nested fields are what the offline gRPC
 * emulator does not implement; in Firestore a flat name costs nothing.
 */
function encodeSegment(s: string): string {
  return s.replace(/[^A-Za-z0-9]/g, (ch) => [...Buffer.from(ch, 'utf8')].map((b) => `_${b.toString(16).toUpperCase().padStart(2, '0')}`).join(''));
}

function decodeSegment(s: string): string {
  const bytes: number[] = [];
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '_') {
      bytes.push(parseInt(s.slice(i + 1, i + 3), 16));
      i += 2;
    } else bytes.push(s.charCodeAt(i));
  }
  return Buffer.from(bytes).toString('utf8');
}

/** Nested increments (domain/surveys/stats.ts) → flat counter fields with FieldValue.increment. */
export function toIncrements(inc: Record<string, unknown>, prefix = 'c'): Record<string, FieldValue> {
  const out: Record<string, FieldValue> = {};
  for (const [k, v] of Object.entries(inc)) {
    const name = `${prefix}__${encodeSegment(k)}`;
    if (typeof v === 'number') out[name] = FieldValue.increment(v);
    else Object.assign(out, toIncrements(v as Record<string, unknown>, name));
  }
  return out;
}

/** Flat counter fields → the nested stats object the domain reads. */
export function decodeStats(data: Record<string, unknown> | undefined): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, v] of Object.entries(data ?? {})) {
    if (typeof v !== 'number' || !name.startsWith('c__')) continue;
    const path = name.slice(3).split('__').map(decodeSegment);
    let node = out;
    for (const seg of path.slice(0, -1)) node = (node[seg] ??= {}) as Record<string, unknown>;
    node[path[path.length - 1]!] = v;
  }
  return out;
}

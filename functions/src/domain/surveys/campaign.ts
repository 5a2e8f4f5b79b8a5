/**
 * Campaigns: configuration (when they open, for how long, by which sampling rule, reminders),
 * the campaign document, its dates in working time, and the response documents. No Firebase.
 */
import { z } from 'zod';
import type { WorkCalendar } from '../calendar';
import { DAY_MS } from '../calendar/dates';
import { Answers } from './questionnaire';
import { SamplingRule, Seed } from './sampling';
import { CampaignState, OrgType, ResponseMode } from './vocabulary';
import { LabelText } from './questionnaire';

const id = z.string().min(1).max(128);

/** One yearly campaign slot: opens on month/day (shifted to the next working day). */
export const CampaignSlot = z.object({
  key: z.string().regex(/^[a-z][a-z0-9_]{0,30}$/),
  month: z.number().int().min(1).max(12),
  day: z.number().int().min(1).max(31),
  title: LabelText,
  rule: SamplingRule,
  /** Working days from opening to the deadline (the deadline is the close of that working day). */
  durationWorkingDays: z.number().int().min(1).max(120).default(15),
  /** The return rate the source asks for (property: 50 % mid-year, 30 % year-end); null = none fixed. */
  targetReturnRate: z.number().gt(0).max(1).nullable().default(null),
}).strict();
export type CampaignSlot = z.infer<typeof CampaignSlot>;

/** `config/surveys`. Absent → defaults for the organisation type (tobacco unless set). */
export const SurveyConfig = z.object({
  orgType: OrgType.default('tobacco'),
  /** Questionnaire used by scheduled campaigns; '' = the organisation type's default. */
  questionnaireId: z.string().max(128).default(''),
  slots: z.array(CampaignSlot).max(12).optional(),
  /** Reminders to non-respondents, this many working days before the deadline. */
  reminderWorkingDaysBefore: z.array(z.number().int().min(1).max(60)).max(5).default([5, 2]),
  /** The personal link is `${linkBase}${token}`; the public feedback page's follow link `${followBase}`. */
  linkBase: z.string().min(1).default('http://127.0.0.1:5050/#/s/'),
  followBase: z.string().min(1).default('http://127.0.0.1:5050/#/follow'),
  /** Values every sample should cover; one no client has is reported by the preview. */
  expected: z.object({
    formats: z.array(z.string()).optional(),
    zones: z.array(z.string()).optional(),
    marketTypes: z.array(z.string()).optional(),
  }).default({}),
  /** Abuse limits of the public feedback form (per phone number / per IP per day, Asia/Shanghai). */
  publicLimits: z.object({
    perPhonePerDay: z.number().int().min(1).default(5),
    perIpPerDay: z.number().int().min(1).default(30),
  }).default({ perPhonePerDay: 5, perIpPerDay: 30 }),
});
export type SurveyConfig = z.infer<typeof SurveyConfig> & { slots: CampaignSlot[] };

const label = (zh: string, en: string) => ({ 'zh-CN': zh, en });

/** Defaults from the sources: June and November [003]; tobacco ≥ 5 % stratified [001 §25]; property [002]. */
export function defaultSlots(orgType: OrgType): CampaignSlot[] {
  if (orgType === 'property') {
    return [
      CampaignSlot.parse({ key: 'mid_year', month: 6, day: 1, title: label('年中顾客意见调查', 'Mid-year opinion survey'), rule: { kind: 'complainers' }, targetReturnRate: 0.5 }),
      CampaignSlot.parse({ key: 'year_end', month: 11, day: 1, title: label('年底全面顾客意见调查', 'Year-end survey of all clients'), rule: { kind: 'all' }, targetReturnRate: 0.3 }),
    ];
  }
  return [
    CampaignSlot.parse({ key: 'mid_year', month: 6, day: 1, title: label('上半年客户满意度调查', 'First-half satisfaction survey'), rule: { kind: 'stratified' } }),
    CampaignSlot.parse({ key: 'year_end', month: 11, day: 1, title: label('下半年客户满意度调查', 'Second-half satisfaction survey'), rule: { kind: 'stratified' } }),
  ];
}

export function resolveSurveyConfig(raw: unknown): SurveyConfig {
  const parsed = SurveyConfig.parse(raw ?? {});
  return { ...parsed, slots: parsed.slots ?? defaultSlots(parsed.orgType) };
}

/** `surveyCampaigns/{id}`. */
export const Campaign = z.object({
  title: LabelText,
  /** The yearly slot that created it (`2026-mid_year`), or null for a campaign staff set up by hand. */
  slotKey: z.string().nullable().default(null),
  questionnaireId: id,
  questionnaireVersion: z.number().int().min(1),
  rule: SamplingRule,
  seed: Seed,
  state: CampaignState,
  opensAt: z.date(),
  deadline: z.date(),
  /** Reminder instants (working time), computed when it opens. */
  reminderAts: z.array(z.date()).default([]),
  targetReturnRate: z.number().gt(0).max(1).nullable().default(null),
  /** Frozen at opening: how many were drawn, from how many, against which target. */
  population: z.number().int().min(0).default(0),
  sampleSize: z.number().int().min(0).default(0),
  sampleTarget: z.number().int().min(0).default(0),
  /** Stratum key → clients drawn (frozen at opening). */
  strataDrawn: z.record(z.string(), z.number().int().min(0)).default({}),
  openedAt: z.date().nullable().default(null),
  closedAt: z.date().nullable().default(null),
  /** Set when the report is built; the previous closed campaign it compares with. */
  reportBuiltAt: z.date().nullable().default(null),
  createdAt: z.date(),
  createdBy: id,
  updatedAt: z.date(),
});
export type Campaign = z.infer<typeof Campaign>;

/**
 * `surveyCampaigns/{cid}/responses/{clientId}`: one per sampled client, created at opening.
 * The draft and the answers live here, so submitting writes this document and one counter.
 */
export const SurveyResponse = z.object({
  campaignId: id,
  clientId: id,
  clientName: z.string().default(''),
  stratum: z.string(),
  format: z.string(),
  zone: z.string(),
  marketType: z.string(),
  tier: z.string(),
  branchId: z.string(),
  /** Drawn as one of the clients who complained most (complainers rule). */
  focus: z.boolean().default(false),
  status: z.enum(['pending', 'submitted']),
  /** Invitation sent (or found impossible: `channels` empty → phone or paper survey). */
  invitedAt: z.date().nullable().default(null),
  channels: z.array(z.enum(['sms', 'email'])).default([]),
  remindersSent: z.number().int().min(0).default(0),
  draft: Answers.default({}),
  draftSavedAt: z.date().nullable().default(null),
  answers: Answers.default({}),
  submittedAt: z.date().nullable().default(null),
  mode: ResponseMode.nullable().default(null),
  recordedBy: z.string().nullable().default(null),
  /** An opinion or a rating ≤ 2: a callback ticket follows; its id once opened. */
  needsFollowUp: z.boolean().default(false),
  /** `due` until the follow-up ticket is opened (one equality filter finds them), then `opened`. */
  followUp: z.enum(['none', 'due', 'opened']).default('none'),
  followUpTicketId: z.string().nullable().default(null),
  hasText: z.boolean().default(false),
});
export type SurveyResponse = z.infer<typeof SurveyResponse>;

/** `surveyTokens/{sha256(token)}`: which response a personal link opens, until when. */
export const SurveyToken = z.object({
  campaignId: id,
  clientId: id,
  issuedAt: z.date(),
  expiresAt: z.date(),
});
export type SurveyToken = z.infer<typeof SurveyToken>;

/** Response document id within its campaign: the client id. */
export const responsePath = (campaignId: string, clientId: string) => `surveyCampaigns/${campaignId}/responses/${clientId}`;

/** Midnight (local) of a calendar date in the calendar's UTC offset. */
function localMidnight(cal: WorkCalendar, year: number, month: number, day: number): Date {
  return new Date(Date.UTC(year, month - 1, day) - cal.config.utcOffsetMinutes * 60_000);
}

/** When a slot's campaign of `year` opens: the first working instant on or after its date. */
export function slotOpensAt(cal: WorkCalendar, year: number, slot: Pick<CampaignSlot, 'month' | 'day'>): Date {
  const lastDay = new Date(Date.UTC(year, slot.month, 0)).getUTCDate();
  return cal.nextWorkingInstant(localMidnight(cal, year, slot.month, Math.min(slot.day, lastDay)));
}

/** The deadline: the close of the working day `durationWorkingDays` working days after opening. */
export function campaignDeadline(cal: WorkCalendar, opensAt: Date, durationWorkingDays: number): Date {
  return cal.endOfWorkingDay(cal.addWorkingDays(opensAt, durationWorkingDays));
}

/** The start of the working day `n` working days before `deadline` (reminders go when it opens). */
export function workingDaysBefore(cal: WorkCalendar, deadline: Date, n: number): Date {
  let t = deadline.getTime();
  for (let counted = 0; counted < n; ) {
    t -= DAY_MS;
    if (cal.isWorkingDay(new Date(t))) counted++;
  }
  const local = new Date(t + cal.config.utcOffsetMinutes * 60_000);
  return cal.nextWorkingInstant(localMidnight(cal, local.getUTCFullYear(), local.getUTCMonth() + 1, local.getUTCDate()));
}

/** Reminder instants: strictly after opening and before the deadline, in time order, each once. */
export function reminderInstants(cal: WorkCalendar, opensAt: Date, deadline: Date, daysBefore: readonly number[]): Date[] {
  const at = [...new Set(daysBefore)].map((n) => workingDaysBefore(cal, deadline, n))
    .filter((d) => d.getTime() > opensAt.getTime() && d.getTime() < deadline.getTime())
    .sort((a, b) => a.getTime() - b.getTime());
  return at.filter((d, i) => i === 0 || d.getTime() !== at[i - 1]!.getTime());
}

/** How many reminders are due at `now` (reminders whose instant has come, before the deadline). */
export function remindersDue(c: Pick<Campaign, 'reminderAts' | 'deadline'>, now: Date): number {
  if (now.getTime() >= c.deadline.getTime()) return 0;
  return c.reminderAts.filter((d) => d.getTime() <= now.getTime()).length;
}

/** Why a personal link cannot be used now (the reasons the survey page shows), or null. */
export type TokenRefusal = 'token_unknown' | 'token_used' | 'token_expired' | 'campaign_closed';

export function tokenRefusal(
  token: SurveyToken | null, campaign: Pick<Campaign, 'state' | 'deadline'> | null, response: Pick<SurveyResponse, 'status'> | null, now: Date,
): TokenRefusal | null {
  if (!token || !campaign || !response) return 'token_unknown';
  if (response.status === 'submitted') return 'token_used';
  if (campaign.state === 'closed') return 'campaign_closed';
  if (campaign.state !== 'open') return 'token_unknown';
  if (now.getTime() > token.expiresAt.getTime() || now.getTime() > campaign.deadline.getTime()) return 'token_expired';
  return null;
}

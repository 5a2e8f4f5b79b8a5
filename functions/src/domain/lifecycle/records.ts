/**
 * What the lifecycle records on a ticket besides its state: pauses, the resolution and its
 * sign-off, callbacks, verification, the corrective-action report, cancellation.
 * Every field has a default so tickets written before the lifecycle existed still parse.
 */
import { z } from 'zod';

const uid = z.string().min(1).max(128);
const text = (max: number) => z.string().trim().min(1, 'required').max(max);

/** Working time stops while the ticket waits on the client; `end` null = still waiting. */
export const PauseRecord = z.object({
  start: z.date(),
  end: z.date().nullable().default(null),
  reason: z.string().default(''),
});
export type PauseRecord = z.infer<typeof PauseRecord>;

/** Cause analysis and measures; signed off by the head of the owning department. */
export const ResolutionRecord = z.object({
  cause: text(2000),
  measures: text(2000),
  prevention: z.string().max(2000).default(''),
  submittedBy: uid,
  submittedByName: z.string(),
  submittedAt: z.date(),
  signedOffBy: uid.nullable().default(null),
  signedOffByName: z.string().nullable().default(null),
  signedOffAt: z.date().nullable().default(null),
});
export type ResolutionRecord = z.infer<typeof ResolutionRecord>;

/** Why a resolution is no longer the current one. */
export const ResolutionEnd = z.enum(['returned', 'reopened', 'transferred']);
export type ResolutionEnd = z.infer<typeof ResolutionEnd>;

/** An earlier resolution, kept visible after it was sent back, reopened or left behind by a transfer. */
export const EarlierResolution = ResolutionRecord.extend({
  end: ResolutionEnd,
  endedAt: z.date(),
  endReason: z.string().max(1000).default(''),
  endedBy: uid,
});
export type EarlierResolution = z.infer<typeof EarlierResolution>;

export const CallbackOutcome = z.enum(['reached', 'unreachable', 'refused']);
export type CallbackOutcome = z.infer<typeof CallbackOutcome>;

/** One attempt to call the client back (回访). */
export const CallbackAttempt = z.object({
  at: z.date(),
  byUid: uid,
  byName: z.string(),
  outcome: CallbackOutcome,
  nextTryAt: z.date().nullable().default(null),
  note: z.string().default(''),
});
export type CallbackAttempt = z.infer<typeof CallbackAttempt>;

/** What the client said when reached. */
export const CallbackResult = z.object({
  satisfied: z.boolean(),
  score: z.number().int().min(1).max(5),
  awareOfChannel: z.boolean(),
  comments: z.string().max(2000).default(''),
  at: z.date(),
  byUid: uid,
});
export type CallbackResult = z.infer<typeof CallbackResult>;

/** The quality dept's check that the measures were carried out (查验). */
export const VerificationRecord = z.object({
  evidence: text(2000),
  byUid: uid,
  byName: z.string(),
  at: z.date(),
  /** The staff member the complaint is confirmed against (staff flags, KPIs); null = nobody named. */
  responsibleUid: uid.nullable().optional(),
});
export type VerificationRecord = z.infer<typeof VerificationRecord>;

/** Corrective-action report of a major complaint, announced company-wide. */
export const CorrectiveReport = z.object({
  causeAnalysis: text(4000),
  measures: text(4000),
  prevention: text(4000),
  publishedBy: uid,
  publishedByName: z.string(),
  publishedAt: z.date(),
  announcementId: z.string().min(1),
});
export type CorrectiveReport = z.infer<typeof CorrectiveReport>;

export const CancelReason = z.enum(['duplicate', 'malicious']);
export type CancelReason = z.infer<typeof CancelReason>;

export const CancellationRecord = z.object({
  reason: CancelReason,
  note: z.string().default(''),
  duplicateOf: z.string().nullable().default(null),
  byUid: uid,
  at: z.date(),
});
export type CancellationRecord = z.infer<typeof CancellationRecord>;

/**
 * Arrays on the ticket are bounded so a ticket never nears Firestore's 1 MiB document limit:
 * the newest entries are kept, every entry is also in the ticket's history events (its own
 * subcollection), and counters keep the totals. Worst case (test/domain/lifecycle-bounds) well
 * under 1 MiB.
 */
export const LIFECYCLE_BOUNDS = {
  pauses: 20,
  callbackAttempts: 20,
  earlierResolutions: 10,
  handlers: 50,
} as const;

/** The newest `max` entries of a list (the tail). */
export function keepLast<T>(list: readonly T[], max: number): T[] {
  return list.length > max ? list.slice(list.length - max) : [...list];
}

/** The lifecycle fields of a ticket, spread into the Ticket schema. */
export const lifecycleFields = {
  pauses: z.array(PauseRecord).default([]),
  pauseCount: z.number().int().min(0).default(0),
  resolution: ResolutionRecord.nullable().default(null),
  /** Resolutions before the current one, oldest first (sent back for rework, reopened, transferred). */
  earlierResolutions: z.array(EarlierResolution).default([]),
  /** A resolution was submitted and waits for the head's sign-off (the heads' "awaiting my sign-off" queue). */
  awaitingSignoff: z.boolean().default(false),
  /**
   * Everyone who worked the ticket: accepted it, was its assignee, submitted or signed a
   * resolution. None of them may record its callback or verify it.
   */
  handlers: z.array(uid).default([]),
  callbackAttempts: z.array(CallbackAttempt).default([]),
  callbackAttemptCount: z.number().int().min(0).default(0),
  /**
   * The escalation level at which a transfer last granted the minimum time (SLA transferMinimum):
   * one grace per level, so repeated transfers cannot postpone escalation.
   */
  transferGraceLevel: z.number().int().min(0).nullable().default(null),
  callbackResult: CallbackResult.nullable().default(null),
  verification: VerificationRecord.nullable().default(null),
  correctiveReport: CorrectiveReport.nullable().default(null),
  cancellation: CancellationRecord.nullable().default(null),
  reopenCount: z.number().int().min(0).default(0),
};

/** A company-wide announcement (`announcements/{id}`), e.g. a major complaint's corrective-action report. */
export const Announcement = z.object({
  kind: z.literal('corrective_report'),
  ticketId: z.string().min(1),
  ticketNumber: z.string().min(1),
  title: z.string().min(1),
  body: z.string().min(1),
  audience: z.literal('all_staff'),
  publishedBy: uid,
  publishedAt: z.date(),
});
export type Announcement = z.infer<typeof Announcement>;

/** Lifecycle fields of a newly received ticket. */
export function emptyLifecycle() {
  return {
    pauses: [], pauseCount: 0, resolution: null, earlierResolutions: [], awaitingSignoff: false, handlers: [],
    callbackAttempts: [], callbackAttemptCount: 0, transferGraceLevel: null, callbackResult: null, verification: null,
    correctiveReport: null, cancellation: null, reopenCount: 0,
  } satisfies { [K in keyof typeof lifecycleFields]: z.infer<(typeof lifecycleFields)[K]> };
}

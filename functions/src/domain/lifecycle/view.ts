/** The lifecycle part of a ticket's detail view: what the caller may do now, and the record so far. */
import type { LifecycleTicket } from '../documents';
import type { Label } from '../vocabulary';
import { allowedActions } from './decide';
import { MACHINE, type TicketAction } from './machine';
import type { LifecycleActor } from './types';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export interface LifecycleView {
  allowedActions: TicketAction[];
  /** Labels of the allowed actions, for buttons. */
  actionLabels: Partial<Record<TicketAction, Label>>;
  escalationLevel: number;
  reopenCount: number;
  lastEventSeq: number;
  /** A resolution waits for the head's sign-off (the heads' "awaiting my sign-off" queue). */
  awaitingSignoff: boolean;
  /** The settlement authority the sign-off needs (complaints, mall rules), or null. */
  authorityRequired: string | null;
  pauseCount: number;
  callbackAttemptCount: number;
  pauses: { start: string; end: string | null; reason: string }[];
  resolution: {
    cause: string; measures: string; prevention: string; submittedBy: string; submittedByName: string; submittedAt: string;
    signedOffBy: string | null; signedOffByName: string | null; signedOffAt: string | null;
  } | null;
  /** Earlier resolutions, oldest first: sent back for rework, reopened, or left behind by a transfer. */
  earlierResolutions: {
    cause: string; measures: string; prevention: string; submittedByName: string; submittedAt: string;
    signedOffByName: string | null; signedOffAt: string | null; end: string; endedAt: string; endReason: string;
  }[];
  callbackAttempts: { at: string; byName: string; outcome: string; nextTryAt: string | null; note: string }[];
  callbackResult: { satisfied: boolean; score: number; awareOfChannel: boolean; comments: string; at: string } | null;
  verification: { evidence: string; byUid: string; byName: string; at: string } | null;
  correctiveReport: { causeAnalysis: string; measures: string; prevention: string; publishedByName: string; publishedAt: string } | null;
  cancellation: { reason: string; note: string; duplicateOf: string | null; at: string } | null;
}

export function lifecycleView(t: LifecycleTicket, actor: LifecycleActor): LifecycleView {
  const allowed = allowedActions(t, actor);
  const r = t.resolution;
  const c = t.correctiveReport;
  return {
    allowedActions: allowed,
    actionLabels: Object.fromEntries(allowed.map((a) => [a, MACHINE[a].label])),
    escalationLevel: t.escalationLevel,
    reopenCount: t.reopenCount,
    lastEventSeq: t.lastEventSeq,
    awaitingSignoff: t.awaitingSignoff,
    authorityRequired: t.kind === 'complaint' ? (t.routing?.authority ?? null) : null,
    pauseCount: t.pauseCount,
    callbackAttemptCount: t.callbackAttemptCount,
    earlierResolutions: t.earlierResolutions.map((e) => ({
      cause: e.cause, measures: e.measures, prevention: e.prevention, submittedByName: e.submittedByName, submittedAt: e.submittedAt.toISOString(),
      signedOffByName: e.signedOffByName, signedOffAt: iso(e.signedOffAt), end: e.end, endedAt: e.endedAt.toISOString(), endReason: e.endReason,
    })),
    pauses: t.pauses.map((p) => ({ start: p.start.toISOString(), end: iso(p.end), reason: p.reason })),
    resolution: r ? { ...r, submittedAt: r.submittedAt.toISOString(), signedOffAt: iso(r.signedOffAt) } : null,
    callbackAttempts: t.callbackAttempts.map((a) => ({
      at: a.at.toISOString(), byName: a.byName, outcome: a.outcome, nextTryAt: iso(a.nextTryAt), note: a.note,
    })),
    callbackResult: t.callbackResult ? { ...t.callbackResult, at: t.callbackResult.at.toISOString() } : null,
    verification: t.verification ? { ...t.verification, at: t.verification.at.toISOString() } : null,
    correctiveReport: c
      ? { causeAnalysis: c.causeAnalysis, measures: c.measures, prevention: c.prevention, publishedByName: c.publishedByName, publishedAt: c.publishedAt.toISOString() }
      : null,
    cancellation: t.cancellation
      ? { reason: t.cancellation.reason, note: t.cancellation.note, duplicateOf: t.cancellation.duplicateOf, at: t.cancellation.at.toISOString() }
      : null,
  };
}

/** The vocabulary of the lifecycle table: who fires an action, what it needs, what it does. */
import type { z } from 'zod';
import type { Actor } from '../actor';
import type { WorkCalendar } from '../calendar';
import { ACTOR_SYSTEM, type LifecycleTicket } from '../documents';
import { SYSTEM_ACTOR_NAME } from '../actor';
import type { Relation } from '../policy';
import type { BranchEntry, DeptEntry } from '../routing';
import type { SlaPolicy } from '../sla';
import type { Label, TicketState } from '../vocabulary';
import type { Announcement } from './records';
import type { CodedRefusal } from './refusals';

/** A relation of the actor to the ticket (policy.relationsOf), or the system itself (timers). */
export type Who = Relation | 'system';

/** The one acting: a signed-in staff member, or the system (escalation timers). */
export type LifecycleActor = Actor | 'system';

/** Facts outside the ticket some actions need; loaded by the engine before its transaction. */
export interface LifecycleContext {
  ticketId: string;
  now: Date;
  calendar: WorkCalendar;
  sla: SlaPolicy;
  departments: readonly DeptEntry[];
  /** The branch tree (finds the customer-service centre serving a branch); absent = none known. */
  branches?: readonly BranchEntry[];
  /** Staff named by the input (e.g. the new assignee), by uid. */
  staff: ReadonlyMap<string, { deptId: string; disabled: boolean; displayName: string }>;
}

/** What guards may know besides the ticket and the actor: the actor's relations to it. */
export interface GuardContext {
  relations: ReadonlySet<Who>;
}

/** Who is told about an event. The engine resolves these to people and drops the actor. */
export type Audience =
  | { kind: 'dept'; deptId: string } // every active member
  | { kind: 'head'; deptId: string } // the department head (whole department when it has none)
  | { kind: 'user'; uid: string }
  | { kind: 'leadership' }; // every active staff member with role leadership

/** Everything one transition does, computed without touching Firestore. */
export interface Effect {
  patch: Partial<LifecycleTicket>;
  eventType: EventType;
  note: string;
  notify: Audience[];
  /** Tell the complainant (if they consented and left an address): their ticket was resolved or closed. */
  complainant?: 'resolved' | 'closed';
  announcement?: { id: string; doc: Announcement };
}

/**
 * Why an action is refused: a coded refusal (failed-precondition, or permission-denied when
 * `denied`), or messages per input field (invalid-argument).
 */
export type GuardRefusal = CodedRefusal & { denied?: true };
export type CheckResult = null | GuardRefusal | { fields: Record<string, string> };

export interface ActionDef<S extends z.ZodType> {
  label: Label;
  /** States the action may be fired from. */
  from: readonly TicketState[];
  /** Relations any one of which allows the actor to fire it. */
  who: readonly Who[];
  input: S;
  /** Refusal independent of the input (also decides `allowedActions`), or null. */
  guard?: (t: LifecycleTicket, actor: LifecycleActor, ctx: GuardContext) => GuardRefusal | null;
  /** Refusal depending on the input. */
  check?: (t: LifecycleTicket, input: z.infer<S>, actor: LifecycleActor, ctx: LifecycleContext) => CheckResult;
  effect: (t: LifecycleTicket, input: z.infer<S>, actor: LifecycleActor, ctx: LifecycleContext) => Effect;
}

/** An action with its input type erased, as the engine holds it. */
export interface ActionSpec {
  label: Label;
  from: readonly TicketState[];
  who: readonly Who[];
  input: z.ZodType;
  guard: (t: LifecycleTicket, actor: LifecycleActor, ctx: GuardContext) => GuardRefusal | null;
  check: (t: LifecycleTicket, input: unknown, actor: LifecycleActor, ctx: LifecycleContext) => CheckResult;
  effect: (t: LifecycleTicket, input: unknown, actor: LifecycleActor, ctx: LifecycleContext) => Effect;
}

export function defineAction<S extends z.ZodType>(d: ActionDef<S>): ActionSpec {
  return {
    label: d.label,
    from: d.from,
    who: d.who,
    input: d.input,
    guard: d.guard ?? (() => null),
    check: (t, input, actor, ctx) => (d.check ? d.check(t, input as z.infer<S>, actor, ctx) : null),
    effect: (t, input, actor, ctx) => d.effect(t, input as z.infer<S>, actor, ctx),
  };
}

/** History event types written by the lifecycle (plus `received` and `assigned` from intake and routing). */
export const EVENT_TYPES = [
  'accepted', 'assignee_changed', 'transferred', 'waiting_on_client', 'resumed', 'resolution_submitted',
  'resolved', 'callback_requested', 'callback_attempted', 'callback_satisfied', 'closed', 'reopened',
  'verified', 'corrective_report_published', 'escalated', 'cancelled', 'resolution_returned', 'marked_major',
  // deadlines area (issue 9 point 7)
  'handed_to_business', 'answer_promised',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

export function actorUid(a: LifecycleActor): string {
  return a === 'system' ? ACTOR_SYSTEM : a.uid;
}

export function actorName(a: LifecycleActor): string {
  return a === 'system' ? SYSTEM_ACTOR_NAME : a.displayName;
}

/**
 * Deciding a transition: the lifecycle table applied to one ticket, one actor, one input.
 * Pure: the engine (store/transition.ts) runs it inside a transaction, tests run it in memory.
 */
import type { LifecycleTicket } from '../documents';
import { relationsOf } from '../policy';
import { fieldErrors, formatFieldErrors, type FieldErrors } from '../validation';
import type { TicketState } from '../vocabulary';
import { MACHINE, TICKET_ACTIONS, isTicketAction, type TicketAction } from './machine';
import type { Effect, LifecycleActor, LifecycleContext, Who } from './types';

export type Refusal =
  | { code: 'invalid-argument'; message: string; fields: FieldErrors }
  | { code: 'failed-precondition'; message: string; state: TicketState; allowedActions: TicketAction[] }
  | { code: 'permission-denied'; message: string };

export type Decision = { ok: true; effect: Effect } | ({ ok: false } & Refusal);

/** The actor's relations to the ticket; the system has exactly one: `system`. */
export function relationsFor(actor: LifecycleActor, t: LifecycleTicket): ReadonlySet<Who> {
  return actor === 'system' ? new Set<Who>(['system']) : relationsOf(actor, t);
}

const WHO_LABEL: Record<Who, string> = {
  owner_staff: 'a member of the owning department',
  owner_head: 'the head of the owning department',
  quality: 'the quality department',
  leadership: 'leadership',
  creator: 'the person who took the ticket in',
  admin: 'an administrator',
  system: 'the system',
};

/** Why the actor may not fire `action` now (ignoring input), or null if they may. */
export function whyNot(t: LifecycleTicket, action: TicketAction, actor: LifecycleActor): Refusal | null {
  const spec = MACHINE[action];
  if (!spec.from.includes(t.state)) {
    const allowed = allowedActions(t, actor);
    return {
      code: 'failed-precondition',
      message: `cannot ${action} a ticket that is ${t.state}; allowed now: ${allowed.length ? allowed.join(', ') : 'none'}`,
      state: t.state,
      allowedActions: allowed,
    };
  }
  const relations = relationsFor(actor, t);
  if (!spec.who.some((w) => relations.has(w))) {
    return { code: 'permission-denied', message: `${action} may be done only by ${spec.who.map((w) => WHO_LABEL[w]).join(' or ')}` };
  }
  const reason = spec.guard(t, actor);
  if (reason) return { code: 'failed-precondition', message: reason, state: t.state, allowedActions: allowedActions(t, actor) };
  return null;
}

/** The actions the actor may take on the ticket now (input aside). */
export function allowedActions(t: LifecycleTicket, actor: LifecycleActor): TicketAction[] {
  return TICKET_ACTIONS.filter((a) => {
    const spec = MACHINE[a];
    if (!spec.from.includes(t.state)) return false;
    const relations = relationsFor(actor, t);
    return spec.who.some((w) => relations.has(w)) && spec.guard(t, actor) === null;
  });
}

/** Parses the input of `action`; field errors as a refusal. */
export function parseActionInput(action: string, input: unknown): { ok: true; value: unknown } | ({ ok: false } & Refusal) {
  if (!isTicketAction(action)) {
    const fields = { action: `unknown action; one of ${TICKET_ACTIONS.join(', ')}` };
    return { ok: false, code: 'invalid-argument', message: `Invalid input — ${formatFieldErrors(fields)}`, fields };
  }
  const parsed = MACHINE[action].input.safeParse(input ?? {});
  if (parsed.success) return { ok: true, value: parsed.data };
  const fields = fieldErrors(parsed.error);
  return { ok: false, code: 'invalid-argument', message: `Invalid input — ${formatFieldErrors(fields)}`, fields };
}

/**
 * Decides one transition: expected state, the action's from-states, the actor's relations
 * and guards, the input, then the input-dependent checks, in that order.
 * `input` is raw (it is parsed here).
 */
export function decide(
  t: LifecycleTicket,
  action: string,
  actor: LifecycleActor,
  input: unknown,
  ctx: LifecycleContext,
  expectedState?: TicketState,
): Decision {
  if (expectedState !== undefined && t.state !== expectedState) {
    return {
      ok: false, code: 'failed-precondition', message: `state changed meanwhile: now ${t.state}`,
      state: t.state, allowedActions: allowedActions(t, actor),
    };
  }
  if (isTicketAction(action)) {
    const refusal = whyNot(t, action, actor);
    if (refusal) return { ok: false, ...refusal };
  }
  const parsed = parseActionInput(action, input);
  if (!parsed.ok) return parsed;
  const name = action as TicketAction;
  const spec = MACHINE[name];
  const checked = spec.check(t, parsed.value, actor, ctx);
  if (typeof checked === 'string') {
    return { ok: false, code: 'failed-precondition', message: checked, state: t.state, allowedActions: allowedActions(t, actor) };
  }
  if (checked) {
    return { ok: false, code: 'invalid-argument', message: `Invalid input — ${formatFieldErrors(checked.fields)}`, fields: checked.fields };
  }
  return { ok: true, effect: spec.effect(t, parsed.value, actor, ctx) };
}

/** The ticket after an effect (what the engine writes; used by tests that run the machine in memory). */
export function applyEffect(t: LifecycleTicket, effect: Effect, at: Date): LifecycleTicket {
  return { ...t, ...effect.patch, lastEventSeq: t.lastEventSeq + 1, updatedAt: at };
}

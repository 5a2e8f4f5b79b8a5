/**
 * Deciding a transition: the lifecycle table applied to one ticket, one actor, one input.
 * Pure: the engine (store/transition.ts) runs it inside a transaction, tests run it in memory.
 *
 * Every refusal carries a code and params (domain/lifecycle/refusals.ts) and an English message.
 * A caller who may not read the ticket learns nothing about it: that refusal comes first and
 * carries neither state, seq nor allowed actions.
 */
import type { LifecycleTicket } from '../documents';
import { canReadTicket, relationsOf, RELATION_LABELS } from '../policy';
import type { RefusalParams } from '../refusal';
import { fieldErrors, formatFieldErrors, type FieldErrors } from '../validation';
import { TICKET_STATE_LABELS, type TicketState } from '../vocabulary';
import { MACHINE, TICKET_ACTIONS, isTicketAction, type TicketAction } from './machine';
import { labelParams, listParams, refusal, type CodedRefusal } from './refusals';
import type { Effect, GuardRefusal, LifecycleActor, LifecycleContext, Who } from './types';

interface Coded {
  message: string;
  reason: string;
  params: RefusalParams;
}

export type Refusal =
  | ({ code: 'invalid-argument'; fields: FieldErrors } & Coded)
  | ({ code: 'failed-precondition'; state: TicketState; seq: number; allowedActions: TicketAction[] } & Coded)
  | ({ code: 'permission-denied' } & Coded);

export type Decision = { ok: true; effect: Effect } | ({ ok: false } & Refusal);

/** The actor's relations to the ticket; the system has exactly one: `system`. */
export function relationsFor(actor: LifecycleActor, t: LifecycleTicket): ReadonlySet<Who> {
  return actor === 'system' ? new Set<Who>(['system']) : relationsOf(actor, t);
}

/** May the actor see the ticket at all? The system always may. */
export function mayRead(actor: LifecycleActor, t: LifecycleTicket): boolean {
  return actor === 'system' || canReadTicket(actor, t).allowed;
}

function invalid(fields: FieldErrors): Refusal {
  const text = formatFieldErrors(fields);
  return { code: 'invalid-argument', message: `Invalid input — ${text}`, reason: 'input.invalid', params: { fields: text }, fields };
}

function precondition(t: LifecycleTicket, actor: LifecycleActor, r: CodedRefusal): Refusal {
  return {
    code: 'failed-precondition', message: r.message, reason: r.reason, params: r.params,
    state: t.state, seq: t.lastEventSeq, allowedActions: allowedActions(t, actor),
  };
}

function denied(r: CodedRefusal): Refusal {
  return { code: 'permission-denied', message: r.message, reason: r.reason, params: r.params };
}

function fromGuard(t: LifecycleTicket, actor: LifecycleActor, g: GuardRefusal): Refusal {
  return g.denied ? denied(g) : precondition(t, actor, g);
}

/** The refusal for a caller who may not read the ticket: no state, no seq, no actions. */
export function notReadable(): Refusal {
  return denied(refusal('lifecycle.not_readable'));
}

/** The ticket changed since the caller saw it (seq): what it is now, for a reader. */
export function seqChanged(t: LifecycleTicket, actor: LifecycleActor): Refusal {
  return precondition(t, actor, refusal('lifecycle.seq_changed', { seq: t.lastEventSeq, ...labelParams('state', TICKET_STATE_LABELS[t.state]), state_en: t.state }));
}

/** Why the actor may not fire `action` now (ignoring input), or null if they may. */
export function whyNot(t: LifecycleTicket, action: TicketAction, actor: LifecycleActor): Refusal | null {
  const spec = MACHINE[action];
  if (!spec.from.includes(t.state)) {
    const allowed = allowedActions(t, actor);
    return precondition(t, actor, refusal('lifecycle.wrong_state', {
      ...labelParams('action', spec.label), ...labelParams('state', TICKET_STATE_LABELS[t.state]),
      ...listParams('allowed', allowed.map((a) => MACHINE[a].label)),
      // the English text names actions and states by their ids, as logs and API users know them
      action_en: action, state_en: t.state, allowed_en: allowed.length ? allowed.join(', ') : 'none',
    }));
  }
  const relations = relationsFor(actor, t);
  if (!spec.who.some((w) => relations.has(w))) {
    return denied(refusal('lifecycle.not_permitted', {
      ...labelParams('action', spec.label), action_en: action,
      ...listParams('who', spec.who.map((w) => RELATION_LABELS[w])),
      who_en: spec.who.map((w) => RELATION_LABELS[w].en).join(' or '),
    }));
  }
  const g = spec.guard(t, actor, { relations });
  return g ? fromGuard(t, actor, g) : null;
}

/** The actions the actor may take on the ticket now (input aside). */
export function allowedActions(t: LifecycleTicket, actor: LifecycleActor): TicketAction[] {
  const relations = relationsFor(actor, t);
  return TICKET_ACTIONS.filter((a) => {
    const spec = MACHINE[a];
    if (!spec.from.includes(t.state)) return false;
    return spec.who.some((w) => relations.has(w)) && spec.guard(t, actor, { relations }) === null;
  });
}

/** Parses the input of `action`; field errors as a refusal. */
export function parseActionInput(action: string, input: unknown): { ok: true; value: unknown } | ({ ok: false } & Refusal) {
  if (!isTicketAction(action)) return { ok: false, ...invalid({ action: `unknown action; one of ${TICKET_ACTIONS.join(', ')}` }) };
  const parsed = MACHINE[action].input.safeParse(input ?? {});
  if (parsed.success) return { ok: true, value: parsed.data };
  return { ok: false, ...invalid(fieldErrors(parsed.error)) };
}

/**
 * Decides one transition: may the actor read the ticket, the expected seq and state, the
 * action's from-states, the actor's relations and guards, the input, then the input-dependent
 * checks, in that order. `input` is raw (it is parsed here).
 */
export function decide(
  t: LifecycleTicket,
  action: string,
  actor: LifecycleActor,
  input: unknown,
  ctx: LifecycleContext,
  expectedState?: TicketState,
  expectedSeq?: number,
): Decision {
  if (!mayRead(actor, t)) return { ok: false, ...notReadable() };
  if (expectedSeq !== undefined && t.lastEventSeq !== expectedSeq) return { ok: false, ...seqChanged(t, actor) };
  if (expectedState !== undefined && t.state !== expectedState) {
    return { ok: false, ...precondition(t, actor, refusal('lifecycle.state_changed', { ...labelParams('state', TICKET_STATE_LABELS[t.state]), state_en: t.state })) };
  }
  if (isTicketAction(action)) {
    const r = whyNot(t, action, actor);
    if (r) return { ok: false, ...r };
  }
  const parsed = parseActionInput(action, input);
  if (!parsed.ok) return parsed;
  const spec = MACHINE[action as TicketAction];
  const checked = spec.check(t, parsed.value, actor, ctx);
  if (checked && 'fields' in checked) return { ok: false, ...invalid(checked.fields) };
  if (checked) return { ok: false, ...fromGuard(t, actor, checked) };
  return { ok: true, effect: spec.effect(t, parsed.value, actor, ctx) };
}

/** The ticket after an effect (what the engine writes; used by tests that run the machine in memory). */
export function applyEffect(t: LifecycleTicket, effect: Effect, at: Date): LifecycleTicket {
  return { ...t, ...effect.patch, lastEventSeq: t.lastEventSeq + 1, updatedAt: at };
}

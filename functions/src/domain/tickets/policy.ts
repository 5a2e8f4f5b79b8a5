/**
 * Who may use the list helpers (pickers, change marker). Builds on the kernel (domain/policy.ts).
 * No Firebase import.
 */
import type { Actor } from '../actor';
import { can, isQuality, type Decision as PolicyDecision } from '../policy';

/** Refused decisions carry the rule (English) or a policy code; authorize() handles both. */
type Decision = PolicyDecision | { allowed: true } | { allowed: false; reason: string };

/**
 * The staff of a department a ticket can be assigned to: its own members and head (who assign
 * and hand over), quality (who follow complaints across departments), leadership and admin.
 */
export function canListAssignableStaff(actor: Actor, deptId: string): Decision {
  if (actor.deptId === deptId && actor.role !== 'auditor') return { allowed: true };
  if (isQuality(actor) || actor.role === 'leadership' || actor.role === 'admin') return { allowed: true };
  return { allowed: false, reason: `the staff of department ${deptId} are listed only for its members, quality, leadership and admin` };
}

/** Everyone who may list tickets may poll their own change marker. */
export function canReadChangeMarker(actor: Actor): Decision {
  return can(actor, 'notification.readOwn');
}

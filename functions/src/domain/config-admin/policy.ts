/** Who may read and change the organisation's configuration. Builds on the kernel (domain/policy.ts). */
import type { Actor } from '../actor';

/** Refused decisions carry the rule (English); authorize() sends them as `auth.not_allowed`. */
type Decision = { allowed: true } | { allowed: false; reason: string };

/** Admins change it; the auditor and leadership read it (the rules their tickets follow). */
export function canReadConfig(actor: Actor): Decision {
  return ['admin', 'auditor', 'leadership'].includes(actor.role)
    ? { allowed: true }
    : { allowed: false, reason: `role ${actor.role} may not read the configuration` };
}

/** Configuration is the admins' (separation of duties: they do not work tickets). */
export function canSaveConfig(actor: Actor): Decision {
  return actor.role === 'admin' ? { allowed: true } : { allowed: false, reason: 'only administrators may change the configuration' };
}

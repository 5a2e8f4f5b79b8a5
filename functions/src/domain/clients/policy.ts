/**
 * Who may do what with clients, visits, classification and spot checks. Builds on the kernel
 * (domain/policy.ts: canReadClient, isQuality); no Firebase.
 *
 * - account managers (role onsite) see and maintain their own clients and record their visits;
 * - department and branch people (staff, head, quality) see their branch's clients; heads of the
 *   business, customer-service and on-site departments and business staff maintain them;
 * - the evaluation centre (投诉考评中心) and leadership, auditor, admin, intake see every client;
 * - quality and the evaluation centre run spot checks; the customer-service head runs the
 *   department-level ones of their branch;
 * - contacts of a client who is a natural person follow the complainant rules: quality,
 *   leadership, the evaluation centre and the client's own account manager.
 */
import type { Actor } from '../actor';
import { canReadClient as kernelCanReadClient, denyBecause, isQuality, type ClientScope, type Decision, type PolicyCode } from '../policy';
import type { ClientsRefusal } from './refusals';
import type { SpotLevel } from './schemas';

const allow: Decision = { allowed: true };
/** A refusal with a code of this area's catalogue (or the kernel's), so every code has words in both languages. */
const deny = (code: PolicyCode | ClientsRefusal, reason: string): Decision => denyBecause(code, reason);

export interface ClientFacts extends ClientScope {
  personal: boolean;
}

export function isEvaluation(actor: Actor): boolean {
  return actor.deptKind === 'evaluation' && actor.role !== 'auditor';
}

/** Reading a client: the kernel rule, and the evaluation centre reads every client it may check. */
export function canReadClient(actor: Actor, c: ClientScope): Decision {
  if (actor.deptKind === 'evaluation') return allow;
  return kernelCanReadClient(actor, c);
}

const MAINTAINING_KINDS = ['business', 'customer_service', 'onsite'] as const;

/** Create, import, deactivate and reassign: admin anywhere; heads and business staff of the branch. */
export function canManageClients(actor: Actor, branchId: string): Decision {
  if (actor.role === 'admin') return allow;
  if (actor.branchId !== branchId) return deny('clients.other_branch_managed', 'clients of another branch are managed there');
  if (actor.role === 'head' && actor.deptKind !== null && (MAINTAINING_KINDS as readonly string[]).includes(actor.deptKind)) return allow;
  if (actor.role === 'staff' && actor.deptKind === 'business') return allow;
  return deny('clients.keepers_only', 'client records are kept by the business, customer-service and on-site departments');
}

/** Editing the archive fields: managers as above, and the account manager of the client (not its branch or manager). */
export function canEditClient(actor: Actor, c: ClientScope): Decision {
  if (canManageClients(actor, c.branchId).allowed) return allow;
  if (actor.role === 'onsite' && c.accountManagerUid === actor.uid) return allow;
  return deny('clients.edit_keepers_only', 'only the account manager and the departments that keep client records edit a client');
}

/** Contact data: everyone who reads the client, unless the client is a person (complainant rules). */
export function canSeeClientContacts(actor: Actor, c: ClientFacts): Decision {
  const read = canReadClient(actor, c);
  if (!read.allowed) return read;
  if (!c.personal) return allow;
  if (isQuality(actor) || isEvaluation(actor) || actor.role === 'leadership') return allow;
  if (actor.role === 'onsite' && c.accountManagerUid === actor.uid) return allow;
  return deny('clients.private_contacts_hidden', 'the contacts of a private person are visible only to quality, leadership, the evaluation centre and their account manager');
}

/** Classification preview, apply and tier override: admin and business heads; the preview also for quality. */
export function canClassify(actor: Actor, mode: 'preview' | 'apply'): Decision {
  if (actor.role === 'admin' || (actor.role === 'head' && actor.deptKind === 'business')) return allow;
  if (mode === 'preview' && (isQuality(actor) || actor.role === 'leadership' || actor.role === 'auditor')) return allow;
  return deny('clients.classification_business', 'classification is run by the business department');
}

/** Visits: the account manager of the client records them. */
export function canRecordVisit(actor: Actor, c: ClientScope): Decision {
  return actor.role === 'onsite' && c.accountManagerUid === actor.uid
    ? allow
    : deny('clients.visits_manager_only', 'visits are recorded by the client\'s account manager');
}

/** Coverage and plans: own for account managers; the branch for its heads and quality; all for oversight. */
export function canReadVisits(actor: Actor, scope: { branchId: string; managerUid?: string }): Decision {
  if (['leadership', 'auditor', 'admin'].includes(actor.role) || actor.deptKind === 'evaluation') return allow;
  if (actor.role === 'onsite') return scope.managerUid === actor.uid ? allow : deny('clients.visits_own_only', 'account managers see their own visits');
  if ((actor.role === 'head' || isQuality(actor)) && scope.branchId === actor.branchId) return allow;
  return deny('clients.coverage_heads_quality', 'visit coverage is for heads and quality of the branch');
}

/** Who records spot-check results of a level for a branch. */
export function canRecordSpotCheck(actor: Actor, level: SpotLevel, branchId: string): Decision {
  if (actor.role === 'auditor') return deny('policy.auditor_read_only', 'the auditor reads everything and writes nothing');
  if (level === 'city') return isEvaluation(actor) || (isQuality(actor) && actor.role !== 'staff') ? allow : deny('clients.city_checks_evaluation', 'city checks are made by the evaluation centre');
  if (actor.branchId !== branchId && !isEvaluation(actor)) return deny('clients.spot_check_other_branch', 'spot checks of another branch');
  if (isQuality(actor) || isEvaluation(actor)) return allow;
  if (level === 'department' && actor.role === 'head' && actor.deptKind === 'customer_service') return allow;
  return deny('clients.spot_checks_who', 'spot checks are made by quality, the evaluation centre and the customer-service head');
}

/** Reading samples and results: checkers, heads of the branch, oversight; staff their own results. */
export function canReadSpotChecks(actor: Actor, branchId: string, staffUid?: string): Decision {
  if (['leadership', 'auditor', 'admin'].includes(actor.role) || isEvaluation(actor)) return allow;
  if ((isQuality(actor) || actor.role === 'head') && (branchId === actor.branchId || branchId === 'all')) return allow;
  if (staffUid !== undefined && staffUid === actor.uid) return allow;
  return deny('clients.spot_results_who', 'spot-check results are for the checkers, the branch heads and the person checked');
}

/**
 * Who may run surveys and read their answers [001 §25], [002], [003]: the quality department,
 * the customer-service centre (which runs the property surveys) and leadership. The auditor reads
 * reports (figures only). Respondents are clients who answered us: their identity follows the
 * complainant rule (domain/policy.ts canSeeReporter): quality and leadership only.
 * Plain data in, a decision out — no Firebase import.
 */
import type { Actor } from '../actor';
import { denyBecause, isQuality, type Decision } from '../policy';
import type { SurveyRefusal } from './refusals';

export type { Decision } from '../policy';

const allow: Decision = { allowed: true };
/** A refusal with a code of the survey catalogue (words in both languages), English for logs. */
const deny = (code: Extract<SurveyRefusal, `survey.${string}`>, reason: string): Decision => denyBecause(code, reason);

/** Customer-service centre people: anyone in a customer_service department (intake agents, staff, head). */
export function isCustomerServiceCentre(actor: Actor): boolean {
  return actor.deptKind === 'customer_service' && ['intake', 'staff', 'head'].includes(actor.role);
}

function runsSurveys(actor: Actor): boolean {
  return isQuality(actor) || isCustomerServiceCentre(actor) || actor.role === 'leadership';
}

/** Questionnaires and campaigns: create, edit, preview, open, close. */
export function canManageSurveys(actor: Actor): Decision {
  return runsSurveys(actor) ? allow : deny('survey.run_who', 'surveys are run by quality, the customer-service centre and leadership');
}

/** Progress and the report (aggregated figures, free text without names): survey people and the auditor. */
export function canReadSurveyReport(actor: Actor): Decision {
  return runsSurveys(actor) || actor.role === 'auditor' ? allow : deny('survey.report_who', 'survey reports are for quality, the customer-service centre, leadership and the auditor');
}

/** Individual answers (and recording a phone or paper answer). */
export function canReadAnswers(actor: Actor): Decision {
  return runsSurveys(actor) ? allow : deny('survey.answers_who', 'answers are read by quality, the customer-service centre and leadership');
}

/** Phone surveys and paper forms are entered by the people who run the survey. */
export function canRecordResponse(actor: Actor): Decision {
  return canManageSurveys(actor);
}

/** Who answered (client name and code next to an answer): as for complainants, quality and leadership. */
export function canSeeRespondent(actor: Actor): Decision {
  return isQuality(actor) || actor.role === 'leadership' ? allow : deny('survey.respondent_hidden', 'respondents are visible only to quality and leadership');
}

import { HttpsError, type FunctionsErrorCode } from 'firebase-functions/v2/https';
import { renderTemplate, type RefusalParams } from '../../domain/refusal';
import { SURVEY_REFUSALS, type SurveyRefusal } from '../../domain/surveys/refusals';
import type { FieldErrors } from '../../domain/validation';

/** A refusal of the survey area: HttpsError with `{ reason, params }` (and `fields` for bad answers). */
export function refuse(code: FunctionsErrorCode, reason: SurveyRefusal, params: RefusalParams = {}, fields?: FieldErrors): HttpsError {
  const text = renderTemplate(SURVEY_REFUSALS[reason].en, params);
  return new HttpsError(code, text, fields ? { reason, params, fields } : { reason, params });
}

/** Answers that do not fit the questionnaire: `invalid-argument`, one message per question. */
export function invalidAnswers(fields: FieldErrors): HttpsError {
  return refuse('invalid-argument', 'survey.answer_invalid', { fields: Object.keys(fields).join(', ') }, fields);
}

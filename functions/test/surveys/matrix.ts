/**
 * The survey callables, for the manifest check of the shared permission matrix
 * (functions/test/callables/permission-matrix.emulator.test.ts): staff callables are checked
 * role by role in survey-permissions.emulator.test.ts; public ones take no login by design.
 */
export const SURVEY_STAFF_CALLABLES = [
  'surveySaveQuestionnaire', 'surveyListQuestionnaires', 'surveyGetQuestionnaire', 'surveyCreateCampaign',
  'surveyPreviewCampaign', 'surveyOpenCampaign', 'surveyCloseCampaign', 'surveyListCampaigns', 'surveyProgress',
  'surveyReport', 'surveyExportReport', 'surveyListResponses', 'surveyRecordResponse',
] as const;

/** No staff login: the token, or the ticket number and follow code, is the key (tested in their own suites). */
export const PUBLIC_CALLABLES = ['surveyOpen', 'surveySaveDraft', 'surveySubmit', 'publicFileFeedback', 'publicTicketStatus'] as const;

/** The public callables (no sign-in; a survey link's token or a ticket's follow code is the key). */
import type { z } from 'zod';
import type {
  PublicFileFeedbackInput, PublicTicketStatusInput, PublicTicketStatusView, SurveyAnswersInput, SurveyPageView, SurveyTokenInput,
} from '../../../../functions/src/domain/surveys/api';
import { callable } from '../../api/call';

export const surveyOpen = callable<z.input<typeof SurveyTokenInput>, SurveyPageView>('surveyOpen');
export const surveySaveDraft = callable<z.input<typeof SurveyAnswersInput>, unknown>('surveySaveDraft');
export const surveySubmit = callable<z.input<typeof SurveyAnswersInput>, unknown>('surveySubmit');
export const publicFileFeedback = callable<z.input<typeof PublicFileFeedbackInput>, { number: string; sentTo: Array<'sms' | 'email'> }>('publicFileFeedback');
export const publicTicketStatus = callable<z.input<typeof PublicTicketStatusInput>, PublicTicketStatusView>('publicTicketStatus');

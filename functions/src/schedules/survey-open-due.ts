import { onSchedule } from 'firebase-functions/v2/scheduler';
import { logger } from 'firebase-functions';
import { clock } from '../lib/clock';
import { db } from '../lib/firestore';
import { openDueCampaigns } from '../store/surveys/campaigns';

/** Hourly: creates the yearly survey campaigns whose date has come (1 June, 1 November → next working day) and opens due drafts. */
export const surveyOpenDue = onSchedule({ schedule: 'every 60 minutes', timeZone: 'Asia/Shanghai' }, async () => {
  logger.info('survey opening', await openDueCampaigns(db(), clock().now()));
});

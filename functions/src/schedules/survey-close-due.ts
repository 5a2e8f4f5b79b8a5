import { onSchedule } from 'firebase-functions/v2/scheduler';
import { logger } from 'firebase-functions';
import { clock } from '../lib/clock';
import { db } from '../lib/firestore';
import { openFollowUps } from '../store/surveys/follow-ups';
import { closeDueCampaigns } from '../store/surveys/report';

/** Hourly: campaigns past their deadline close; their follow-up tickets open and their report is built. */
export const surveyCloseDue = onSchedule({ schedule: 'every 60 minutes', timeZone: 'Asia/Shanghai' }, async () => {
  logger.info('survey closing', await closeDueCampaigns(db(), clock().now(), openFollowUps));
});

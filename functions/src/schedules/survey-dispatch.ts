import { onSchedule } from 'firebase-functions/v2/scheduler';
import { logger } from 'firebase-functions';
import { clock } from '../lib/clock';
import { db } from '../lib/firestore';
import { dispatchDue } from '../store/surveys/distribution';
import { openCampaigns } from '../store/surveys/campaigns';
import { openFollowUps } from '../store/surveys/follow-ups';

/** Every 10 minutes, in working time only: survey invitations and reminders; follow-up tickets for new answers. */
export const surveyDispatch = onSchedule({ schedule: 'every 10 minutes', timeZone: 'Asia/Shanghai' }, async () => {
  const now = clock().now();
  const sent = await dispatchDue(db(), now);
  const campaigns = await openCampaigns(db());
  const followUps = await Promise.all(campaigns.map((c) => openFollowUps(db(), c.id, now)));
  logger.info('survey dispatch', { ...sent, followUps: followUps.reduce((a, b) => a + b, 0) });
});

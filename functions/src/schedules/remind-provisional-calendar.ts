import { onSchedule } from 'firebase-functions/v2/scheduler';
import { logger } from 'firebase-functions';
import { clock } from '../lib/clock';
import { db } from '../lib/firestore';
import { remindProvisionalCalendar } from '../store/deadlines/calendar';

/** Daily at 09:00 Beijing time: from 1 November, admins are told (once a year each) that next year's calendar is provisional. */
export const remindCalendar = onSchedule({ schedule: 'every day 09:00', timeZone: 'Asia/Shanghai' }, async () => {
  const told = await remindProvisionalCalendar(db(), clock().now());
  logger.info('provisional calendar reminder', { told });
});

import { onSchedule } from 'firebase-functions/v2/scheduler';
import { logger } from 'firebase-functions';
import { clock } from '../lib/clock';
import { db } from '../lib/firestore';
import { sweepDeadlines as sweep } from '../store/deadlines';

/** Every 5 minutes: whatever the timers missed is escalated or warned; deferred mail whose time has come goes out. */
export const sweepDeadlines = onSchedule({ schedule: 'every 5 minutes', timeZone: 'Asia/Shanghai' }, async () => {
  const result = await sweep(db(), clock().now());
  logger.info('deadline sweep', result);
});

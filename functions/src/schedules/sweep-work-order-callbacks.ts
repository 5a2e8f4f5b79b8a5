import { onSchedule } from 'firebase-functions/v2/scheduler';
import { logger } from 'firebase-functions';
import { clock } from '../lib/clock';
import { db } from '../lib/firestore';
import { sweepSpecialCallbacks } from '../store/workorders/re-repair';

/** Every 15 minutes: re-repair special callbacks whose 24 h deadline passed are escalated (the timers' safety net). */
export const sweepWorkOrderCallbacks = onSchedule({ schedule: 'every 15 minutes', timeZone: 'Asia/Shanghai' }, async () => {
  logger.info('special callback sweep', await sweepSpecialCallbacks(db(), clock().now()));
});

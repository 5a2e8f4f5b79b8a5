import { onSchedule } from 'firebase-functions/v2/scheduler';
import { logger } from 'firebase-functions';
import { clock } from '../lib/clock';
import { db } from '../lib/firestore';
import { drawAllWeeklySamples } from '../store/workorders/callbacks';

/** Mondays 06:00 (Shanghai): each office's random 20 % of last week's finished repair orders gets a callback task [003]. */
export const drawRepairCallbackSample = onSchedule({ schedule: 'every monday 06:00', timeZone: 'Asia/Shanghai' }, async () => {
  const results = await drawAllWeeklySamples(db(), clock().now());
  logger.info('repair callback sample', { results });
});

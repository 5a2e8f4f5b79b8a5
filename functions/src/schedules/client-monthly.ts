import { onSchedule } from 'firebase-functions/v2/scheduler';
import { logger } from 'firebase-functions';
import { clock } from '../lib/clock';
import { db } from '../lib/firestore';
import { shanghaiMonth } from '../store/clients/import';
import { remindMonthlyScores } from '../store/clients/scores';
import { drawMonthlySpotChecks } from '../store/clients/spot-checks';
import { reportMissedVisits } from '../store/clients/visits';

const previousMonth = (month: string) => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
};

/**
 * Every morning (each step is a no-op when not due or already done): on the 1st, last month's
 * missed visits go to supervision and this month's spot-check sample is drawn (a later day
 * draws it if the 1st was missed); on the reminder day, account managers with unscored clients
 * are reminded.
 */
export const clientMonthly = onSchedule({ schedule: '0 7 * * *', timeZone: 'Asia/Shanghai', timeoutSeconds: 540, memory: '1GiB' }, async () => {
  const now = clock().now();
  const month = shanghaiMonth(now);
  const misses = await reportMissedVisits(db(), previousMonth(month), now);
  const sample = await drawMonthlySpotChecks(db(), month, now);
  const reminded = await remindMonthlyScores(db(), now);
  logger.info('client monthly', { month, misses, sample, reminded });
});

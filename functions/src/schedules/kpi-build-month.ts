import { onSchedule } from 'firebase-functions/v2/scheduler';
import { logger } from 'firebase-functions';
import { addMonths, monthOf } from '../domain/kpis/month';
import { clock } from '../lib/clock';
import { db } from '../lib/firestore';
import { buildMonth } from '../store/kpis/monthly';

/** 01:00 on the 1st (Beijing time): the closed month's snapshots, approvers told. Safe to run twice. */
export const kpiBuildMonth = onSchedule({ schedule: '0 1 1 * *', timeZone: 'Asia/Shanghai' }, async () => {
  const now = clock().now();
  logger.info('kpi monthly build', await buildMonth(db(), addMonths(monthOf(now), -1), now));
});

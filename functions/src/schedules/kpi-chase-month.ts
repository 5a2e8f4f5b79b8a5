import { onSchedule } from 'firebase-functions/v2/scheduler';
import { logger } from 'firebase-functions';
import { clock } from '../lib/clock';
import { db } from '../lib/firestore';
import { chaseMonth } from '../store/kpis/monthly';

/** 09:00 every day: a missed build is caught up; reminders from the 3rd, leadership told from the 5th (each once). */
export const kpiChaseMonth = onSchedule({ schedule: '0 9 * * *', timeZone: 'Asia/Shanghai' }, async () => {
  logger.info('kpi monthly chase', await chaseMonth(db(), clock().now()));
});

import { onSchedule } from 'firebase-functions/v2/scheduler';
import { logger } from 'firebase-functions';
import { previousQuarter } from '../domain/clients/classification';
import { clock } from '../lib/clock';
import { db } from '../lib/firestore';
import { loadCalendar } from '../store/config';
import { applyClassification, isFirstWorkingDayOfQuarter } from '../store/clients/classification';
import { shanghaiMonth } from '../store/clients/import';

/**
 * Every morning; on the first working day of January, April, July and October (the
 * organisation's calendar) re-ranks the quarter just ended. Once per quarter (run document).
 */
export const reclassifyClients = onSchedule({ schedule: '30 6 * * *', timeZone: 'Asia/Shanghai', timeoutSeconds: 540, memory: '1GiB' }, async () => {
  const now = clock().now();
  if (!isFirstWorkingDayOfQuarter(await loadCalendar(db()), now)) return;
  const quarter = previousQuarter(shanghaiMonth(now));
  const result = await applyClassification(db(), quarter, { uid: 'system', name: '系统' }, now);
  logger.info('quarterly classification', { quarter, ...result });
});

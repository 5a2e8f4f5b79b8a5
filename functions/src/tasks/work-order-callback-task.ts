import { onTaskDispatched } from 'firebase-functions/v2/tasks';
import { logger } from 'firebase-functions';
import { z } from 'zod';
import { clock } from '../lib/clock';
import { db } from '../lib/firestore';
import { checkSpecialCallback } from '../store/workorders/re-repair';

const Data = z.object({ orderId: z.string().min(1), dueAt: z.iso.datetime() });

/** A re-repair's special-callback timer fired: check it (early, repeated or stale deliveries do nothing). */
export const workOrderCallbackTask = onTaskDispatched(
  { retryConfig: { maxAttempts: 5, minBackoffSeconds: 30 }, rateLimits: { maxConcurrentDispatches: 20 } },
  async (req) => {
    const data = Data.parse(req.data);
    const result = await checkSpecialCallback(db(), data.orderId, clock().now(), new Date(data.dueAt));
    logger.info('special callback task', { ...data, ...result });
  },
);

import { onTaskDispatched } from 'firebase-functions/v2/tasks';
import { logger } from 'firebase-functions';
import { z } from 'zod';
import { clock } from '../lib/clock';
import { db } from '../lib/firestore';
import { checkDeadline } from '../store/deadlines';
import { fireFollowUps } from '../store/deadlines/follow-ups';

const DeadlineTaskData = z.object({
  ticketId: z.string().min(1), dueAt: z.iso.datetime(), kind: z.enum(['due', 'warn', 'followup']), key: z.string().min(1).max(200).optional(),
});

/**
 * A ticket's deadline or follow-up timer fired: check it. Early, repeated or stale deliveries
 * do nothing (the check compares the deadline the timer was set for with the ticket's current
 * one; a follow-up fires once, by its marker, and only while the ticket still owes it).
 */
export const deadlineTask = onTaskDispatched(
  { retryConfig: { maxAttempts: 5, minBackoffSeconds: 30 }, rateLimits: { maxConcurrentDispatches: 20 } },
  async (req) => {
    const data = DeadlineTaskData.parse(req.data);
    if (data.kind === 'followup' && data.key) {
      const result = await fireFollowUps(db(), data.ticketId, clock().now(), data.key);
      logger.info('follow-up task', { ...data, result });
      return;
    }
    const result = await checkDeadline(db(), data.ticketId, clock().now(), new Date(data.dueAt));
    logger.info('deadline task', { ...data, ...result });
  },
);

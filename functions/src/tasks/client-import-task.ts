import { onTaskDispatched } from 'firebase-functions/v2/tasks';
import { logger } from 'firebase-functions';
import { z } from 'zod';
import { clock } from '../lib/clock';
import { db } from '../lib/firestore';
import { runImportJob } from '../store/clients/import';

const ImportTaskData = z.object({ jobId: z.string().min(1) });

/** Runs (or resumes, after its last committed chunk) a client or purchase import; a finished job is left alone. */
export const clientImportTask = onTaskDispatched(
  { retryConfig: { maxAttempts: 10, minBackoffSeconds: 10 }, rateLimits: { maxConcurrentDispatches: 2 }, timeoutSeconds: 540, memory: '1GiB' },
  async (req) => {
    const { jobId } = ImportTaskData.parse(req.data);
    const result = await runImportJob(db(), jobId, () => clock().now());
    logger.info('client import', { jobId, ...result });
  },
);

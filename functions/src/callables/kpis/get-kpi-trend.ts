import { onCall } from 'firebase-functions/v2/https';
import { KpiTrendInput } from '../../domain/kpis/api';
import { requireActor } from '../../lib/actor';
import { parseInput } from '../../lib/errors';
import { db } from '../../lib/firestore';
import { readTrend } from '../../store/kpis/read';

/** Month by month up to `endMonth` (12 by default). */
export const getKpiTrend = onCall(async (request) => {
  const actor = await requireActor(db(), request);
  const input = parseInput(KpiTrendInput, request.data);
  return { months: await readTrend(db(), actor, input.endMonth, input.months, input) };
});

import { onCall } from 'firebase-functions/v2/https';
import { GetTargetsInput } from '../../domain/kpis/api';
import { requireActor } from '../../lib/actor';
import { parseInput } from '../../lib/errors';
import { db } from '../../lib/firestore';
import { loadTargets } from '../../store/kpis/monthly';

export const getKpiTargets = onCall(async (request) => {
  await requireActor(db(), request);
  const { year } = parseInput(GetTargetsInput, request.data);
  return { year, targets: await loadTargets(db(), year) };
});

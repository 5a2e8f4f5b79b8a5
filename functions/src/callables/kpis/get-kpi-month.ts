import { onCall } from 'firebase-functions/v2/https';
import { KpiMonthInput } from '../../domain/kpis/api';
import { requireActor } from '../../lib/actor';
import { parseInput } from '../../lib/errors';
import { db } from '../../lib/firestore';
import { readMonth } from '../../store/kpis/read';

/** A month's figures for the organisation, a branch or a department: published snapshot, else live. */
export const getKpiMonth = onCall(async (request) => {
  const actor = await requireActor(db(), request);
  const input = parseInput(KpiMonthInput, request.data);
  return readMonth(db(), actor, input.month, input);
});

import { onCall } from 'firebase-functions/v2/https';
import { MyKpisInput } from '../../domain/kpis/api';
import { requireActor } from '../../lib/actor';
import { parseInput } from '../../lib/errors';
import { db } from '../../lib/firestore';
import { readMyFigures } from '../../store/kpis/read';

/** The caller's own figures for a month. */
export const getMyKpis = onCall(async (request) => {
  const actor = await requireActor(db(), request);
  const { month } = parseInput(MyKpisInput, request.data);
  return readMyFigures(db(), actor, month);
});

import { onCall } from 'firebase-functions/v2/https';
import { BuildMonthInput } from '../../domain/kpis/api';
import { roleRefusal } from '../../domain/kpis/policy';
import { requireActor } from '../../lib/actor';
import { clock } from '../../lib/clock';
import { parseInput } from '../../lib/errors';
import { db } from '../../lib/firestore';
import { buildMonth } from '../../store/kpis/monthly';
import { refuseIf } from '../../store/kpis/refuse';

/** Builds a closed month's snapshots now (admin), as the schedule on the 1st does. */
export const buildKpiMonth = onCall(async (request) => {
  const actor = await requireActor(db(), request);
  refuseIf('permission-denied', roleRefusal(actor, 'rebuild'));
  const { month } = parseInput(BuildMonthInput, request.data);
  return buildMonth(db(), month, clock().now());
});

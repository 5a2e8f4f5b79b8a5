import { onCall } from 'firebase-functions/v2/https';
import { ExportReportInput } from '../../domain/kpis/api';
import { roleRefusal } from '../../domain/kpis/policy';
import { requireActor } from '../../lib/actor';
import { parseInput } from '../../lib/errors';
import { db } from '../../lib/firestore';
import { refuseIf } from '../../store/kpis/refuse';
import { clientBrief, quarterlyReport } from '../../store/kpis/reports';

/** Quarterly management report or a single client's monthly brief, as XLSX (base64). */
export const exportKpiReport = onCall(async (request) => {
  const actor = await requireActor(db(), request);
  const input = parseInput(ExportReportInput, request.data);
  refuseIf('permission-denied', roleRefusal(actor, 'report'));
  return input.type === 'quarterly'
    ? quarterlyReport(db(), actor, input.quarter, input.branchId)
    : clientBrief(db(), actor, input.month, input.clientId);
});

import { onCall } from 'firebase-functions/v2/https';
import { ListSnapshotsInput } from '../../domain/kpis/api';
import { KpiSnapshot } from '../../domain/kpis/documents';
import { requireActor } from '../../lib/actor';
import { parseInput } from '../../lib/errors';
import { db, parseDoc } from '../../lib/firestore';
import { KPI_SNAPSHOTS } from '../../store/kpis/monthly';

/** The month's snapshots the caller may approve (approvers) or all of them (leadership, auditors, admins). */
export const listKpiSnapshots = onCall(async (request) => {
  const actor = await requireActor(db(), request);
  const { month } = parseInput(ListSnapshotsInput, request.data);
  const snap = await db().collection(KPI_SNAPSHOTS).where('month', '==', month).get();
  const all = ['leadership', 'auditor', 'admin'].includes(actor.role);
  return {
    snapshots: snap.docs.map((d) => ({ id: d.id, ...parseDoc(KpiSnapshot, d) }))
      .filter((s) => all || s.approverUids.includes(actor.uid))
      .map((s) => ({
        id: s.id, month: s.month, scope: s.scope, scopeId: s.scopeId, status: s.status, commentary: s.commentary, flags: s.flags,
        builtAt: s.builtAt.toISOString(), approvedAt: s.approvedAt?.toISOString() ?? null, approvedByName: s.approvedByName,
      })),
  };
});

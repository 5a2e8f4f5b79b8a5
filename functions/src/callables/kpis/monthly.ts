/** The monthly run's callables: snapshots to approve, approve, comment, build by hand, targets, rebuilds. */
import { onCall } from 'firebase-functions/v2/https';
import {
  ApproveSnapshotInput, BuildMonthInput, CommentSnapshotInput, DecideRebuildInput, GetTargetsInput, ListSnapshotsInput, RequestRebuildInput, SetTargetsInput,
} from '../../domain/kpis/api';
import { KpiSnapshot } from '../../domain/kpis/documents';
import { roleRefusal } from '../../domain/kpis/policy';
import { requireActor } from '../../lib/actor';
import { clock } from '../../lib/clock';
import { parseInput } from '../../lib/errors';
import { db, parseDoc } from '../../lib/firestore';
import { approveSnapshot, buildMonth, commentSnapshot, KPI_SNAPSHOTS, loadTargets } from '../../store/kpis/monthly';
import { decideRebuild, requestRebuild } from '../../store/kpis/rebuild';
import { refuseIf } from '../../store/kpis/refuse';
import { saveTargets } from '../../store/kpis/targets';

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

export const approveKpiSnapshot = onCall(async (request) => {
  const actor = await requireActor(db(), request);
  const input = parseInput(ApproveSnapshotInput, request.data);
  const s = await approveSnapshot(db(), actor, input.snapshotId, input.commentary, clock().now());
  return { id: input.snapshotId, status: s.status, approvedAt: s.approvedAt?.toISOString() ?? null };
});

export const commentKpiSnapshot = onCall(async (request) => {
  const actor = await requireActor(db(), request);
  const input = parseInput(CommentSnapshotInput, request.data);
  await commentSnapshot(db(), actor, input.snapshotId, input.commentary);
  return { id: input.snapshotId };
});

/** Builds a closed month's snapshots now (admin), as the schedule on the 1st does. */
export const buildKpiMonth = onCall(async (request) => {
  const actor = await requireActor(db(), request);
  refuseIf('permission-denied', roleRefusal(actor, 'rebuild'));
  const { month } = parseInput(BuildMonthInput, request.data);
  return buildMonth(db(), month, clock().now());
});

export const getKpiTargets = onCall(async (request) => {
  await requireActor(db(), request);
  const { year } = parseInput(GetTargetsInput, request.data);
  return { year, targets: await loadTargets(db(), year) };
});

export const setKpiTargets = onCall(async (request) => {
  const actor = await requireActor(db(), request);
  refuseIf('permission-denied', roleRefusal(actor, 'targets'));
  const { year, targets } = parseInput(SetTargetsInput, request.data);
  return { year, targets: await saveTargets(db(), actor, year, targets, clock().now()) };
});

/** Recomputes a month from tickets + events and reports the differences; changes nothing. */
export const requestKpiRebuild = onCall(async (request) => {
  const actor = await requireActor(db(), request);
  refuseIf('permission-denied', roleRefusal(actor, 'rebuild'));
  const { month } = parseInput(RequestRebuildInput, request.data);
  return requestRebuild(db(), actor, month, clock().now());
});

/** An admin applies (or discards) a pending rebuild. */
export const decideKpiRebuild = onCall(async (request) => {
  const actor = await requireActor(db(), request);
  refuseIf('permission-denied', roleRefusal(actor, 'rebuild'));
  const { rebuildId, apply } = parseInput(DecideRebuildInput, request.data);
  return decideRebuild(db(), actor, rebuildId, apply, clock().now());
});

/** Visit plans, visit records, coverage and missed visits sent to supervision [001 §13, §20, §26]. */
import type { Firestore } from 'firebase-admin/firestore';
import type { Actor } from '../../domain/actor';
import { CLIENTS_COL, COL } from '../../domain/collections';
import { canReadVisits, canRecordVisit } from '../../domain/clients/policy';
import { ClientRecord, Visit, VisitPlan } from '../../domain/clients/schemas';
import { SERVICES_BY_TIER } from '../../domain/clients/vocabulary';
import { coverage, planMonth } from '../../domain/clients/visits';
import { Department, Staff } from '../../domain/documents';
import { notFound } from '../../lib/errors';
import { parseData, parseDoc } from '../../lib/firestore';
import { writeNotification } from '../tickets';
import { loadClientRules } from './config';
import { authorizeClients, refuse } from './errors';

export const shanghaiDate = (now: Date) => new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);

/** The manager's plan for the month, made from their active clients on first use, then kept. */
export async function ensurePlan(db: Firestore, managerUid: string, branchId: string, month: string, now: Date): Promise<VisitPlan> {
  const ref = db.collection(CLIENTS_COL.visitPlans).doc(`${managerUid}_${month}`);
  const snap = await ref.get();
  if (snap.exists) return parseDoc(VisitPlan, snap);
  const [clients, rules] = await Promise.all([db.collection(COL.clients).where('accountManagerUid', '==', managerUid).get(), loadClientRules(db)]);
  const active = clients.docs.map((d) => ({ id: d.id, c: parseData(ClientRecord, d.data(), d.ref.path) })).filter(({ c }) => c.active)
    .sort((a, b) => (a.c.routeId + a.c.code < b.c.routeId + b.c.code ? -1 : 1));
  const plan: VisitPlan = {
    managerUid, branchId, month, createdAt: now,
    items: planMonth(month, active.map(({ id, c }) => ({ id, name: c.name, tier: c.tier, routeId: c.routeId })), rules),
  };
  try {
    await ref.create(plan);
    return plan;
  } catch (e) {
    if ((e as { code?: number }).code !== 6) throw e;
    return parseDoc(VisitPlan, await ref.get()); // made meanwhile by another call
  }
}

export async function readPlan(db: Firestore, actor: Actor, month: string, managerUid: string | undefined, now: Date) {
  const uid = managerUid ?? actor.uid;
  const staffSnap = await db.collection(COL.staff).doc(uid).get();
  if (!staffSnap.exists) throw notFound('staff', uid);
  const staff = parseDoc(Staff, staffSnap);
  authorizeClients(canReadVisits(actor, { branchId: staff.branchId, managerUid: uid }));
  const plan = await ensurePlan(db, uid, staff.branchId, month, now);
  const visits = await db.collection(CLIENTS_COL.visits).where('managerUid', '==', uid).get();
  const mine = visits.docs.map((d) => parseDoc(Visit, d)).filter((v) => v.month === month);
  const cov = coverage([{ managerUid: uid, branchId: plan.branchId, items: plan.items }], mine, shanghaiDate(now));
  return {
    month, managerUid: uid,
    items: plan.items.map((i) => ({ ...i, services: SERVICES_BY_TIER[i.tier], visits: mine.filter((v) => v.clientId === i.clientId).map((v) => v.date).sort() })),
    coverage: cov.byManager[0] ?? null, missed: cov.missed,
  };
}

/** One visit per client and day (id `{clientId}_{date}`): a double submit records it once. */
export async function recordVisit(db: Firestore, actor: Actor, input: { clientId: string; date: string; services: string[]; notes: string }, now: Date) {
  const snap = await db.collection(COL.clients).doc(input.clientId).get();
  if (!snap.exists) throw notFound('client', input.clientId);
  const client = parseData(ClientRecord, snap.data(), snap.ref.path);
  authorizeClients(canRecordVisit(actor, client));
  if (!client.active) throw refuse('failed-precondition', 'clients.inactive', { id: input.clientId });
  if (input.date > shanghaiDate(now)) throw refuse('invalid-argument', 'clients.visit_in_future', { date: input.date });
  const allowed = SERVICES_BY_TIER[client.tier];
  const wrong = input.services.find((s) => !(allowed as readonly string[]).includes(s));
  if (wrong) throw refuse('invalid-argument', 'clients.service_not_in_tier', { service: wrong, tier: client.tier });
  const id = `${input.clientId}_${input.date}`;
  const visit = Visit.parse({
    clientId: input.clientId, managerUid: actor.uid, branchId: client.branchId, routeId: client.routeId, month: input.date.slice(0, 7),
    date: input.date, services: input.services, notes: input.notes, recordedAt: now, recordedBy: actor.uid,
  });
  try {
    await db.collection(CLIENTS_COL.visits).doc(id).create(visit);
    return { visitId: id, created: true };
  } catch (e) {
    if ((e as { code?: number }).code !== 6) throw e;
    return { visitId: id, created: false };
  }
}

/** Coverage of a branch's plans in a month (plans made for managers who have none yet). */
export async function branchCoverage(db: Firestore, branchId: string, month: string, now: Date) {
  const staff = await db.collection(COL.staff).where('branchId', '==', branchId).get();
  const managers = staff.docs.filter((d) => parseDoc(Staff, d).role === 'onsite');
  const plans = await Promise.all(managers.map((d) => ensurePlan(db, d.id, branchId, month, now)));
  const visits = await db.collection(CLIENTS_COL.visits).where('month', '==', month).get();
  const inBranch = visits.docs.map((d) => parseDoc(Visit, d)).filter((v) => v.branchId === branchId);
  // The account managers' names, so a coverage table reads as people, not ids.
  const managerNames = Object.fromEntries(managers.map((d) => [d.id, parseDoc(Staff, d).displayName]));
  return { ...coverage(plans, inBranch, shanghaiDate(now)), managerNames };
}

export async function readCoverage(db: Firestore, actor: Actor, month: string, branchId: string | undefined, now: Date) {
  const branch = branchId ?? actor.branchId;
  authorizeClients(canReadVisits(actor, { branchId: branch }));
  return { month, branchId: branch, ...(await branchCoverage(db, branch, month, now)) };
}

/**
 * After a month ends: its missed visits per branch to `visitMisses/{month}_{branch}` and a
 * notification to the branch's quality people and the evaluation centre (supervision). Created
 * once: a second run for the same month writes nothing.
 */
export async function reportMissedVisits(db: Firestore, month: string, now: Date): Promise<{ branches: number; missed: number }> {
  const [branches, depts, staff] = await Promise.all([db.collection(COL.branches).get(), db.collection(COL.departments).get(), db.collection(COL.staff).get()]);
  const kindOf = new Map(depts.docs.map((d) => [d.id, parseDoc(Department, d).kind]));
  let total = 0;
  let reported = 0;
  for (const b of branches.docs) {
    const ref = db.collection(CLIENTS_COL.visitMisses).doc(`${month}_${b.id}`);
    if ((await ref.get()).exists) continue;
    const cov = await branchCoverage(db, b.id, month, now);
    const supervisors = staff.docs.filter((d) => {
      const s = parseDoc(Staff, d);
      const kind = kindOf.get(s.deptId);
      return !s.disabled && (kind === 'evaluation' || (s.branchId === b.id && (s.role === 'quality' || (s.role === 'head' && kind === 'quality'))));
    });
    try {
      await db.runTransaction(async (tx) => {
        tx.create(ref, { month, branchId: b.id, missed: cov.missed, coverage: cov.byManager, createdAt: now });
        if (cov.missed.length === 0) return;
        for (const s of supervisors) {
          writeNotification(tx, db, `visit-misses-${month}-${b.id}-${s.id}`, {
            uid: s.id, ticketId: `visit-misses-${month}`, eventSeq: 1, type: 'visits_missed',
            title: `${month} 漏访 ${cov.missed.length} 次`, body: `${b.get('name') as string}: ${cov.missed.length} missed visits in ${month}`,
            read: false, createdAt: now, deliverAt: null,
          }, null);
        }
      });
      reported++;
      total += cov.missed.length;
    } catch (e) {
      if ((e as { code?: number }).code !== 6) throw e;
    }
  }
  return { branches: reported, missed: total };
}

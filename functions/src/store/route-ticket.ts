import type { Firestore } from 'firebase-admin/firestore';
import { ACTOR_SYSTEM, type RoutingDecision } from '../domain/documents';
import { SYSTEM_ACTOR_NAME } from '../domain/actor';
import { ONSITE_RULE, deliverAtFor } from '../domain/escalation';
import { deptName, formatShanghai, renderBothLanguages, renderNotification } from '../domain/notify';
import type { Locale } from '../domain/vocabulary';
import { RoutingError, findDepartment, routeTicket } from '../domain/routing';
import { computeDeadline, onsiteHandoffDue } from '../domain/sla';
import { loadCalendar, loadRouting, loadSla } from './config';
import { clearDeadlineProblem, recordDeadlineProblem, tellAdmins } from './deadlines/problems';
import { departmentRecipients, loadOrg, loadStaff } from './org';
import { applyChange, readTicket, ticketRef } from './tickets';
import { kpiDeltaOf } from '../domain/kpis/delta';
import { applyKpiDelta } from './kpis/aggregates';

/**
 * `routed`: to the department its rules name; `fallback`: routing failed and the ticket went to
 * the customer-service centre with the reason (admins are told); `unroutable`: not even that
 * exists — the problem is recorded on the ticket, admins are told, the sweeper tries again.
 */
export type RouteOutcome = 'routed' | 'fallback' | 'unroutable' | 'already-routed' | 'missing';

/**
 * Routes a newly received ticket to its owning department with a working-time deadline.
 * Idempotent: a ticket that is no longer `received` is left alone, so a redelivered
 * trigger routes once, notifies once and mails once.
 *
 * Feedback taken in by on-site staff or an account manager (role `onsite`) stays theirs, assigned
 * to them, due by the close of that working day ([000]); the deadline timer hands it to the
 * business department if it is still open then (store/deadlines.ts).
 *
 * Never leaves a ticket in `received` because of a routing error or a deadline that cannot be
 * computed: the first falls back to the customer-service centre, the second routes without a
 * deadline; both record the problem on the ticket and tell the admins.
 */
export async function routeNewTicket(db: Firestore, ticketId: string, now: Date): Promise<RouteOutcome> {
  const [routing, org, calendar, sla] = await Promise.all([loadRouting(db), loadOrg(db), loadCalendar(db, now), loadSla(db)]);
  const first = await ticketRef(db, ticketId).get();
  const creator = first.exists ? await loadStaff(db, String(first.get('createdBy'))) : null;
  let failure: { code: 'routing' | 'calendar_range'; message: string } | null = null;
  const outcome = await db.runTransaction(async (tx): Promise<RouteOutcome> => {
    failure = null;
    const ticket = await readTicket(tx, ticketRef(db, ticketId));
    if (!ticket) return 'missing';
    if (ticket.state !== 'received') return 'already-routed';
    let decision: RoutingDecision;
    let result: RouteOutcome = 'routed';
    try {
      decision = routeTicket(routing, ticket, org.departments, org.branches);
    } catch (e) {
      if (!(e instanceof RoutingError)) throw e;
      const cs = findDepartment('customer_service', ticket.branchId, org.departments, org.branches)
        ?? org.departments.find((d) => d.kind === 'customer_service') ?? null;
      failure = { code: 'routing', message: e.message };
      if (!cs) return 'unroutable';
      decision = {
        deptId: cs.id, deptKind: 'customer_service', rule: 'routing_failed',
        reason: `自动分派失败（${e.message}），转客户服务中心人工分派`, authority: null, authorityReason: null,
      };
      result = 'fallback';
    }
    const onsite = creator?.role === 'onsite' && !creator.disabled && result === 'routed';
    if (onsite) {
      const own = org.departments.find((d) => d.id === ticket.createdByDeptId);
      if (own) {
        decision = {
          ...decision, deptId: own.id, deptKind: own.kind, rule: ONSITE_RULE,
          reason: '现场人员/客户经理受理，当日办结；下班前未办结的自动转交顾问经营部',
        };
      }
    }
    let dueAt: Date | null = null;
    try {
      dueAt = onsite && decision.rule === ONSITE_RULE
        ? onsiteHandoffDue(calendar, ticket.receivedAt, sla)
        : computeDeadline(calendar, sla, { kind: ticket.kind, tier: ticket.clientTier, receivedAt: ticket.receivedAt }).dueAt;
    } catch (e) {
      if (!(e instanceof RangeError)) throw e;
      failure = { code: 'calendar_range', message: e.message };
    }
    const dueAtProvisional = dueAt ? calendar.spansProvisional(ticket.receivedAt, dueAt) : false;
    const dept = org.departments.find((d) => d.id === decision.deptId);
    const recipients = await departmentRecipients(db, decision.deptId);
    // A ticket received after hours is announced at the next working instant.
    const deliverAt = calendar.covers(now) ? deliverAtFor(calendar, now, { major: ticket.major, audience: 'dept' }) : null;
    const assigneeUid = onsite && decision.rule === ONSITE_RULE ? ticket.createdBy : ticket.assigneeUid;
    const patch = { state: 'assigned' as const, ownerDeptId: decision.deptId, routing: decision, dueAt, assigneeUid, dueAtProvisional };
    const after = { ...ticket, ...patch };
    const event = {
      type: 'assigned', actorUid: ACTOR_SYSTEM, actorName: SYSTEM_ACTOR_NAME,
      from: ticket.state, to: after.state, note: decision.reason,
    };
    const ctx = (locale: Locale) => ({ ownerDeptName: deptName(dept, locale), formatInstant: formatShanghai });
    const full = { ...event, seq: ticket.lastEventSeq + 1, at: now, changes: {} };
    const i18n = renderBothLanguages(after, full, ctx);
    const outgoing = recipients.map((r) => {
      const msg = renderNotification(after, full, r.locale, ctx(r.locale));
      return { uid: r.uid, email: r.email, deliverAt, ...msg, i18n };
    });
    applyChange(tx, db, ticketId, ticket, { patch, event, outgoing }, now);
    applyKpiDelta(tx, db, kpiDeltaOf(ticket, after, { type: event.type, at: now })); // KPIs (issue 12)
    return result;
  });
  const problem = failure as { code: 'routing' | 'calendar_range'; message: string } | null;
  if (problem) {
    // A fallback is handled (the centre routes it by hand, the reason is on the ticket); the rest is a problem.
    if (outcome !== 'fallback') await recordDeadlineProblem(db, ticketId, problem, now);
    if (problem.code === 'routing' && outcome === 'fallback') {
      await tellAdmins(db, `${ticketId}_routing-${outcome}`, {
        ticketId, eventSeq: Number(first.get('lastEventSeq') ?? 1) + (outcome === 'fallback' ? 1 : 0), type: 'routing_failed',
        title: outcome === 'fallback'
          ? { 'zh-CN': `工单 ${String(first.get('number'))} 自动分派失败，已转客户服务中心`, en: `Ticket ${String(first.get('number'))} could not be routed: sent to customer service` }
          : { 'zh-CN': `工单 ${String(first.get('number'))} 无法分派`, en: `Ticket ${String(first.get('number'))} cannot be routed` },
        body: problem.message,
      }, now);
    }
  } else if (outcome === 'routed') {
    await clearDeadlineProblem(db, ticketId, 'routing');
  }
  return outcome;
}

/**
 * The ticket lifecycle as one table: for every action, the states it may be fired from, who
 * may fire it (relations from policy.relationsOf, or the system), the input it needs (zod),
 * its guards with their reasons, and its effects (patch, event type, who is told).
 *
 *   received ─(routing)→ assigned ─accept→ in_progress ⇄ waiting_on_client (wait_on_client / resume)
 *   in_progress ─submit_resolution→ in_progress (awaitingSignoff) ─return_resolution (head, reason)→ in_progress
 *   in_progress ─resolve (head signs off, within their settlement authority)→ callback (straight to the callback queue)
 *   callback ─callback reached & satisfied (CS centre / quality, not a handler)→ verification (complaints) | closed (other kinds)
 *   callback ─callback reached & not satisfied→ in_progress (reopened, escalationLevel + 1)
 *   verification ─verify (quality or leadership, nobody who worked it; major: report published)→ closed
 *   closed ─reopen (dissatisfied client)→ in_progress (escalationLevel + 1; a major complaint needs a new report)
 *   assigned | in_progress ─transfer→ assigned (another department, the deadline kept)
 *   assigned | in_progress ─escalate (system / head / quality / leadership)→ same state, level + 1
 *   received … verification ─mark_major (quality / leadership)→ same state, major
 *   received … waiting_on_client ─cancel (duplicate; malicious: head of quality or leadership)→ cancelled
 *   resolved ─request_callback→ callback (only tickets resolved before resolve went straight to callback)
 *
 * Sign-off: `resolve` is fired by the head of the owning department (or leadership, who head
 * the departments that own compensation claims); firing it IS the sign-off, and it needs a
 * settlement authority (staff record `authorityLevel`; leadership have the top one) covering the
 * complaint's (routing.authority). Staff who did the work record cause and measures first with
 * `submit_resolution`, which tells the head; the head then resolves, taking over or amending the
 * draft, or sends it back with a reason. Everyone who worked the ticket (accepted it, was its
 * assignee, submitted or signed a resolution) is a handler: handlers neither record the callback
 * (回访 is independent of the handler) nor verify; nor does whoever recorded the callback verify.
 */
import { z } from 'zod';
import { HOUR_MS } from '../calendar/dates';
import { computeDeadline, escalationDeadline, extendForPause, transferDeadline } from '../sla';
import type { LifecycleTicket } from '../documents';
import { relationsOf } from '../policy';
import { findDepartment } from '../routing';
import { DocId, isSaneInstant } from '../validation';
import { AUTHORITY_LABELS, type Authority, type TicketState } from '../vocabulary';
import {
  CallbackOutcome, CancelReason, LIFECYCLE_BOUNDS, keepLast, type EarlierResolution, type PauseRecord, type ResolutionEnd,
} from './records';
import { labelParams, refusal } from './refusals';
import { actorName, actorUid, defineAction, type ActionSpec, type Audience, type Effect, type LifecycleActor, type LifecycleContext } from './types';

const text = (max: number) => z.string().trim().min(1, 'required').max(max);
const optionalText = (max: number) => z.string().trim().max(max).default('');
/** An instant from JSON (ISO string) or from code (Date), between 2000 and 2100. */
const instant = z
  .union([z.date(), z.iso.datetime({ offset: true }).transform((s) => new Date(s))])
  .refine(isSaneInstant, 'a date between 2000 and 2100');
const uidField = DocId;

const ACTIVE: readonly TicketState[] = ['assigned', 'in_progress', 'waiting_on_client'];

/** Escalation levels beyond leadership do not exist; deadlines stay at the leadership target. */
const TOP_LEVEL = 2;

function ownerAudience(t: LifecycleTicket): Audience[] {
  const out: Audience[] = [];
  if (t.ownerDeptId) out.push({ kind: 'head', deptId: t.ownerDeptId });
  if (t.assigneeUid) out.push({ kind: 'user', uid: t.assigneeUid });
  return out;
}

/** The resolver(s): whoever submitted the resolution and whoever signed it off. */
export function resolversOf(t: LifecycleTicket): string[] {
  if (!t.resolution) return [];
  return [t.resolution.submittedBy, t.resolution.signedOffBy].filter((u): u is string => u !== null);
}

/** Everyone who worked the ticket: handlers, the current assignee, the resolvers. */
export function workedBy(t: LifecycleTicket): Set<string> {
  const out = new Set(t.handlers);
  if (t.assigneeUid) out.add(t.assigneeUid);
  for (const u of resolversOf(t)) out.add(u);
  return out;
}

/** Those who may not verify: everyone who worked it, and whoever recorded its callback. */
export function notIndependent(t: LifecycleTicket): Set<string> {
  const out = workedBy(t);
  if (t.callbackResult) out.add(t.callbackResult.byUid);
  return out;
}

function withHandler(t: LifecycleTicket, ...uids: string[]): string[] {
  const out = [...t.handlers];
  for (const u of uids) if (u !== 'system' && !out.includes(u)) out.push(u);
  return keepLast(out, LIFECYCLE_BOUNDS.handlers);
}

function closeOpenPause(pauses: readonly PauseRecord[], now: Date): PauseRecord[] {
  return pauses.map((p) => (p.end === null ? { ...p, end: now } : p));
}

/** The current resolution moved to the earlier ones (kept visible), if there is one. */
function retireResolution(t: LifecycleTicket, end: ResolutionEnd, reason: string, a: LifecycleActor, now: Date): EarlierResolution[] {
  if (!t.resolution) return t.earlierResolutions;
  const earlier: EarlierResolution = { ...t.resolution, end, endedAt: now, endReason: reason.slice(0, 1000), endedBy: actorUid(a) };
  return keepLast([...t.earlierResolutions, earlier], LIFECYCLE_BOUNDS.earlierResolutions);
}

/** Settlement authority, lowest first (mall rules: CS staff < CS manager < store manager). */
const AUTHORITY_RANK: Record<Authority, number> = { cs_staff: 0, cs_manager: 1, store_manager: 2 };

/** The actor's settlement authority: configured on the staff record; leadership hold the top one. */
export function authorityOf(a: LifecycleActor): Authority | null {
  if (a === 'system') return null;
  if (a.role === 'leadership') return 'store_manager';
  return a.authorityLevel ?? null;
}

/** Does the actor's authority cover the complaint's? CS-staff complaints need no particular level. */
export function coversAuthority(a: LifecycleActor, required: Authority | null): boolean {
  if (required === null || required === 'cs_staff') return true;
  const mine = authorityOf(a);
  return mine !== null && AUTHORITY_RANK[mine] >= AUTHORITY_RANK[required];
}

/** The customer-service centre serving the ticket's branch (nearest up the branch tree), told when a callback is due. */
function callbackDeskAudience(t: LifecycleTicket, ctx: LifecycleContext): Audience[] {
  const desk = findDepartment('customer_service', t.branchId, ctx.departments, ctx.branches ?? []);
  return desk ? [{ kind: 'dept', deptId: desk.id }] : [];
}

/**
 * Back to work after a dissatisfied client: one level up (leadership, level 2, is the top: a
 * ticket reopened there stays there), fresh deadline, a new resolution needed.
 */
function reopenEffect(t: LifecycleTicket, reason: string, a: LifecycleActor, ctx: LifecycleContext, extra: Partial<LifecycleTicket> = {}): Effect {
  const level = Math.min(t.escalationLevel + 1, TOP_LEVEL) as 1 | 2;
  const dueAt = escalationDeadline(ctx.calendar, ctx.sla, level, ctx.now).dueAt;
  const notify: Audience[] = [...ownerAudience(t)];
  if (t.ownerDeptId) notify.push({ kind: 'dept', deptId: t.ownerDeptId });
  if (level >= TOP_LEVEL) notify.push({ kind: 'leadership' });
  return {
    patch: {
      ...extra, state: 'in_progress', escalationLevel: level, reopenCount: t.reopenCount + 1, dueAt,
      resolution: null, verification: null, awaitingSignoff: false,
      earlierResolutions: retireResolution(t, 'reopened', reason, a, ctx.now),
      // A reopened major complaint needs a NEW corrective-action report (the old announcement stays published).
      correctiveReport: null,
    },
    eventType: 'reopened',
    note: reason,
    notify,
  };
}

export const MACHINE = {
  accept: defineAction({
    label: { 'zh-CN': '接单', en: 'Accept' },
    from: ['assigned'],
    who: ['owner_staff'],
    input: z.object({}).strict(),
    guard: (t, a) =>
      t.assigneeUid !== null && t.assigneeUid !== actorUid(a)
        ? refusal('lifecycle.assigned_to_other', { assignee: t.assigneeUid })
        : null,
    effect: (t, _i, a) => ({
      patch: { state: 'in_progress', assigneeUid: actorUid(a), handlers: withHandler(t, actorUid(a)) },
      eventType: 'accepted',
      note: '',
      notify: t.ownerDeptId ? [{ kind: 'head', deptId: t.ownerDeptId }] : [],
    }),
  }),

  assign: defineAction({
    label: { 'zh-CN': '指派', en: 'Assign' },
    from: ACTIVE,
    who: ['owner_head', 'leadership'],
    input: z.object({ assigneeUid: uidField, note: optionalText(500) }).strict(),
    check: (t, i, _a, ctx) => {
      const s = ctx.staff.get(i.assigneeUid);
      if (!s || s.deptId !== t.ownerDeptId) return { fields: { assigneeUid: 'not a member of the owning department' } };
      if (s.disabled) return { fields: { assigneeUid: 'this account is disabled' } };
      if (t.assigneeUid === i.assigneeUid) return { fields: { assigneeUid: 'already the assignee' } };
      return null;
    },
    effect: (t, i, _a, ctx) => ({
      patch: { assigneeUid: i.assigneeUid, handlers: withHandler(t, i.assigneeUid) },
      eventType: 'assignee_changed',
      note: [ctx.staff.get(i.assigneeUid)?.displayName ?? i.assigneeUid, i.note].filter(Boolean).join(' — '),
      notify: [{ kind: 'user', uid: i.assigneeUid }],
    }),
  }),

  transfer: defineAction({
    label: { 'zh-CN': '转办', en: 'Transfer' },
    from: ['assigned', 'in_progress'],
    // Not admin: administrators manage people and configuration, not tickets.
    who: ['owner_staff', 'owner_head', 'quality', 'leadership'],
    input: z.object({ toDeptId: uidField, reason: text(500) }).strict(),
    check: (t, i, _a, ctx) => {
      const dept = ctx.departments.find((d) => d.id === i.toDeptId);
      if (!dept) return { fields: { toDeptId: `no department ${i.toDeptId}` } };
      if (dept.id === t.ownerDeptId) return { fields: { toDeptId: 'the ticket is already with this department' } };
      return null;
    },
    effect: (t, i, a, ctx) => {
      const dept = ctx.departments.find((d) => d.id === i.toDeptId)!;
      // The transfer moves the ticket, not its deadline: the receiving department gets the time
      // left (at least the SLA's transferMinimum, once per escalation level); overdue stays overdue.
      const graceAvailable = t.transferGraceLevel === null || t.transferGraceLevel < t.escalationLevel;
      const { dueAt, graceUsed } = transferDeadline(ctx.calendar, ctx.sla, t.dueAt, ctx.now, graceAvailable);
      const notify: Audience[] = [{ kind: 'dept', deptId: dept.id }];
      if (t.ownerDeptId) notify.push({ kind: 'head', deptId: t.ownerDeptId });
      return {
        patch: {
          state: 'assigned', ownerDeptId: dept.id, assigneeUid: null, dueAt,
          ...(graceUsed ? { transferGraceLevel: t.escalationLevel } : {}),
          // an unsigned draft stays visible but is not the new department's to sign
          ...(t.resolution ? { resolution: null, earlierResolutions: retireResolution(t, 'transferred', i.reason, a, ctx.now) } : {}),
          awaitingSignoff: false,
          routing: {
            deptId: dept.id, deptKind: dept.kind, rule: 'transfer', reason: i.reason,
            // settlement authority depends on the complaint, not on who handles it
            authority: t.routing?.authority ?? null, authorityReason: t.routing?.authorityReason ?? null,
          },
        },
        eventType: 'transferred',
        note: i.reason,
        notify,
      };
    },
  }),

  wait_on_client: defineAction({
    label: { 'zh-CN': '等待客户', en: 'Wait on client' },
    from: ['in_progress'],
    who: ['owner_staff'],
    input: z.object({ reason: text(500) }).strict(),
    effect: (t, i, _a, ctx) => ({
      patch: {
        state: 'waiting_on_client',
        pauses: keepLast([...t.pauses, { start: ctx.now, end: null, reason: i.reason }], LIFECYCLE_BOUNDS.pauses),
        pauseCount: t.pauseCount + 1,
      },
      eventType: 'waiting_on_client',
      note: i.reason,
      notify: [],
    }),
  }),

  resume: defineAction({
    label: { 'zh-CN': '恢复处理', en: 'Resume' },
    from: ['waiting_on_client'],
    who: ['owner_staff', 'owner_head', 'leadership'],
    input: z.object({ note: optionalText(500) }).strict(),
    effect: (t, i, _a, ctx) => {
      const open = t.pauses.find((p) => p.end === null);
      // The deadline moves by the WORKING time spent waiting: the SLA clock was stopped.
      const paused = open ? Math.max(0, ctx.calendar.workingTimeBetween(open.start, ctx.now)) : 0;
      const dueAt = t.dueAt ? extendForPause(ctx.calendar, t.dueAt, paused) : null;
      return {
        patch: { state: 'in_progress', pauses: closeOpenPause(t.pauses, ctx.now), dueAt },
        eventType: 'resumed',
        note: i.note,
        notify: [],
      };
    },
  }),

  submit_resolution: defineAction({
    label: { 'zh-CN': '提交处理结果', en: 'Submit resolution' },
    from: ['in_progress'],
    who: ['owner_staff'],
    input: z.object({ cause: text(2000), measures: text(2000), prevention: optionalText(2000) }).strict(),
    effect: (t, i, a, ctx) => ({
      patch: {
        resolution: {
          ...i, submittedBy: actorUid(a), submittedByName: actorName(a), submittedAt: ctx.now,
          signedOffBy: null, signedOffByName: null, signedOffAt: null,
        },
        awaitingSignoff: true,
        handlers: withHandler(t, actorUid(a)),
      },
      eventType: 'resolution_submitted',
      note: i.measures,
      notify: t.ownerDeptId ? [{ kind: 'head', deptId: t.ownerDeptId }] : [],
    }),
  }),

  resolve: defineAction({
    label: { 'zh-CN': '审核办结', en: 'Sign off & resolve' },
    from: ['in_progress'],
    who: ['owner_head', 'leadership'],
    input: z
      .object({ cause: z.string().trim().max(2000).optional(), measures: z.string().trim().max(2000).optional(), prevention: z.string().trim().max(2000).optional() })
      .strict(),
    guard: (t, a) => {
      const required = t.routing?.authority ?? null;
      if (coversAuthority(a, required)) return null;
      const mine = authorityOf(a);
      return {
        ...refusal('lifecycle.authority_insufficient', {
          ...labelParams('required', AUTHORITY_LABELS[required!]),
          level_zh: mine ? AUTHORITY_LABELS[mine]['zh-CN'] : '未配置', level_en: mine ? AUTHORITY_LABELS[mine].en : 'none',
        }),
        denied: true,
      };
    },
    check: (t, i) => {
      const fields: Record<string, string> = {};
      if (!i.cause && !t.resolution) fields.cause = 'required: no resolution was submitted';
      if (!i.measures && !t.resolution) fields.measures = 'required: no resolution was submitted';
      return Object.keys(fields).length ? { fields } : null;
    },
    effect: (t, i, a, ctx) => {
      const draft = t.resolution;
      const resolution = {
        cause: i.cause || draft!.cause,
        measures: i.measures || draft!.measures,
        prevention: i.prevention ?? draft?.prevention ?? '',
        submittedBy: draft?.submittedBy ?? actorUid(a),
        submittedByName: draft?.submittedByName ?? actorName(a),
        submittedAt: draft?.submittedAt ?? ctx.now,
        signedOffBy: actorUid(a),
        signedOffByName: actorName(a),
        signedOffAt: ctx.now,
      };
      // Signed off → straight to the callback queue; the customer-service centre is told.
      const notify: Audience[] = [{ kind: 'user', uid: t.createdBy }, ...callbackDeskAudience(t, ctx)];
      if (t.assigneeUid) notify.push({ kind: 'user', uid: t.assigneeUid });
      return {
        patch: { state: 'callback', resolution, awaitingSignoff: false, handlers: withHandler(t, resolution.submittedBy, actorUid(a)) },
        eventType: 'resolved', note: resolution.measures, notify, complainant: 'resolved',
      };
    },
  }),

  return_resolution: defineAction({
    label: { 'zh-CN': '退回重办', en: 'Send back for rework' },
    from: ['in_progress'],
    who: ['owner_head', 'leadership'],
    input: z.object({ reason: text(1000) }).strict(),
    guard: (t) => (t.resolution && t.resolution.signedOffBy === null ? null : refusal('lifecycle.no_resolution_to_return')),
    effect: (t, i, a, ctx) => ({
      patch: { resolution: null, awaitingSignoff: false, earlierResolutions: retireResolution(t, 'returned', i.reason, a, ctx.now) },
      eventType: 'resolution_returned',
      note: i.reason,
      notify: [{ kind: 'user', uid: t.resolution!.submittedBy }],
    }),
  }),

  request_callback: defineAction({
    label: { 'zh-CN': '安排回访', en: 'Request callback' },
    // Only tickets resolved before `resolve` led straight to the callback queue are still here.
    from: ['resolved'],
    who: ['owner_staff', 'quality', 'callback_desk', 'creator'],
    input: z.object({ note: optionalText(500) }).strict(),
    effect: (t, i, _a, ctx) => ({
      patch: { state: 'callback' },
      eventType: 'callback_requested',
      note: i.note,
      notify: [{ kind: 'user', uid: t.createdBy }, ...callbackDeskAudience(t, ctx)],
    }),
  }),

  callback: defineAction({
    label: { 'zh-CN': '回访', en: 'Call back' },
    from: ['callback'],
    // The callback is independent of the handler [003]: the customer-service centre or quality;
    // leadership as the last resort when everyone there worked the ticket.
    who: ['callback_desk', 'quality', 'leadership'],
    guard: (t, a) => (a !== 'system' && workedBy(t).has(a.uid) ? refusal('lifecycle.callback_by_handler') : null),
    input: z.discriminatedUnion('outcome', [
      z.object({
        outcome: z.literal('reached'),
        satisfied: z.boolean(),
        score: z.number().int().min(1).max(5),
        awareOfChannel: z.boolean(),
        comments: optionalText(2000),
      }).strict(),
      z.object({
        outcome: CallbackOutcome.exclude(['reached']),
        nextTryAt: instant.optional(),
        note: optionalText(500),
      }).strict(),
    ]),
    effect: (t, i, a, ctx) => {
      const base = { at: ctx.now, byUid: actorUid(a), byName: actorName(a) };
      if (i.outcome !== 'reached') {
        const attempt = { ...base, outcome: i.outcome, nextTryAt: i.nextTryAt ?? null, note: i.note };
        return {
          patch: {
            callbackAttempts: keepLast([...t.callbackAttempts, attempt], LIFECYCLE_BOUNDS.callbackAttempts),
            callbackAttemptCount: t.callbackAttemptCount + 1,
          },
          eventType: 'callback_attempted',
          note: i.note,
          notify: [],
        };
      }
      const attempt = { ...base, outcome: i.outcome, nextTryAt: null, note: i.comments };
      const result = { satisfied: i.satisfied, score: i.score, awareOfChannel: i.awareOfChannel, comments: i.comments, at: ctx.now, byUid: base.byUid };
      const recorded = {
        callbackAttempts: keepLast([...t.callbackAttempts, attempt], LIFECYCLE_BOUNDS.callbackAttempts),
        callbackAttemptCount: t.callbackAttemptCount + 1,
        callbackResult: result,
      };
      if (!i.satisfied) return reopenEffect(t, i.comments || '客户不满意', a, ctx, recorded);
      if (t.kind === 'complaint') {
        return {
          patch: { ...recorded, state: 'verification' },
          eventType: 'callback_satisfied',
          note: i.comments,
          notify: t.ownerDeptId ? [{ kind: 'dept', deptId: t.ownerDeptId }] : [],
        };
      }
      return { patch: { ...recorded, state: 'closed' }, eventType: 'closed', note: i.comments, notify: ownerAudience(t), complainant: 'closed' };
    },
  }),

  close: defineAction({
    label: { 'zh-CN': '关闭', en: 'Close' },
    from: ['resolved', 'callback'],
    who: ['owner_staff'],
    input: z.object({ note: optionalText(500) }).strict(),
    guard: (t) => {
      if (t.kind === 'complaint') return refusal('lifecycle.complaint_closes_by_verification');
      if (t.kind === 'repair') return refusal('lifecycle.repair_closes_by_callback');
      return null;
    },
    effect: (t, i) => ({ patch: { state: 'closed' }, eventType: 'closed', note: i.note, notify: ownerAudience(t), complainant: 'closed' }),
  }),

  verify: defineAction({
    label: { 'zh-CN': '查验', en: 'Verify' },
    from: ['verification'],
    // Quality of the ticket's branch tree (a city quality dept verifies county complaints), or leadership.
    who: ['quality', 'leadership'],
    input: z.object({
      evidence: text(2000).describe('the measures seen carried out'),
      /** Optional: the staff member the complaint is confirmed against (monthly staff flags). */
      responsibleUid: uidField.optional(),
    }).strict(),
    guard: (t, a) => {
      if (a === 'system') return { ...refusal('lifecycle.verify_quality_only'), denied: true };
      if (!t.resolution) return refusal('lifecycle.nothing_to_verify');
      if (notIndependent(t).has(a.uid)) return { ...refusal('lifecycle.verifier_worked_on_it'), denied: true };
      if (t.major && !t.correctiveReport) return refusal('lifecycle.major_needs_report');
      return null;
    },
    effect: (t, i, a, ctx) => ({
      patch: { state: 'closed', verification: { evidence: i.evidence, byUid: actorUid(a), byName: actorName(a), at: ctx.now, responsibleUid: i.responsibleUid ?? null } },
      eventType: 'verified',
      note: i.evidence,
      notify: [...ownerAudience(t), { kind: 'user', uid: t.createdBy }],
      complainant: 'closed',
    }),
  }),

  publish_corrective_report: defineAction({
    label: { 'zh-CN': '发布整改报告', en: 'Publish corrective-action report' },
    from: ['in_progress', 'resolved', 'callback', 'verification'],
    who: ['quality', 'owner_head'],
    input: z.object({ causeAnalysis: text(4000), measures: text(4000), prevention: text(4000) }).strict(),
    guard: (t) => {
      if (t.kind !== 'complaint' || !t.major) return refusal('lifecycle.report_only_major');
      if (t.correctiveReport) return refusal('lifecycle.report_already_published');
      return null;
    },
    effect: (t, i, a, ctx) => {
      const announcementId = `${ctx.ticketId}_${t.lastEventSeq + 1}`;
      return {
        patch: { correctiveReport: { ...i, publishedBy: actorUid(a), publishedByName: actorName(a), publishedAt: ctx.now, announcementId } },
        eventType: 'corrective_report_published',
        note: i.measures,
        notify: [],
        announcement: {
          id: announcementId,
          doc: {
            kind: 'corrective_report', ticketId: ctx.ticketId, ticketNumber: t.number, audience: 'all_staff',
            title: `重大投诉整改报告 ${t.number}：${t.title}`,
            body: `原因分析：${i.causeAnalysis}\n整改措施：${i.measures}\n预防措施：${i.prevention}`,
            publishedBy: actorUid(a), publishedAt: ctx.now,
          },
        },
      };
    },
  }),

  escalate: defineAction({
    label: { 'zh-CN': '升级', en: 'Escalate' },
    from: ['assigned', 'in_progress'],
    who: ['system', 'owner_head', 'quality', 'leadership'],
    input: z
      .object({
        reason: text(500),
        /** Idempotency for timers: refuse when the ticket is no longer at this level. */
        expectedLevel: z.number().int().min(0).optional(),
      })
      .strict(),
    guard: (t) => (t.escalationLevel >= TOP_LEVEL ? refusal('lifecycle.already_top_level', { level: t.escalationLevel }) : null),
    check: (t, i) =>
      i.expectedLevel !== undefined && i.expectedLevel !== t.escalationLevel
        ? refusal('lifecycle.level_changed', { level: t.escalationLevel })
        : null,
    effect: (t, i, _a, ctx) => {
      const level = t.escalationLevel + 1;
      const { dueAt } = escalationDeadline(ctx.calendar, ctx.sla, Math.min(level, TOP_LEVEL) as 1 | 2, ctx.now);
      const notify = ownerAudience(t);
      if (level >= TOP_LEVEL) notify.push({ kind: 'leadership' });
      return { patch: { escalationLevel: level, dueAt }, eventType: 'escalated', note: i.reason, notify };
    },
  }),

  cancel: defineAction({
    label: { 'zh-CN': '撤销', en: 'Cancel' },
    from: ['received', ...ACTIVE],
    // Not admin: administrators manage people and configuration, not tickets.
    who: ['owner_head', 'quality', 'leadership'],
    input: z
      .object({ reason: CancelReason, note: text(1000), duplicateOf: DocId.optional() })
      .strict()
      .refine((v) => v.reason !== 'duplicate' || v.duplicateOf !== undefined, {
        path: ['duplicateOf'], message: 'name the ticket this one duplicates',
      }),
    check: (t, i, a, ctx) => {
      if (i.duplicateOf === ctx.ticketId) return { fields: { duplicateOf: 'a ticket cannot duplicate itself' } };
      // Calling a complaint malicious is a grave finding: the head of quality or leadership only.
      if (i.reason === 'malicious') {
        const relations = a === 'system' ? new Set<string>() : relationsOf(a, t);
        if (!relations.has('quality_head') && !relations.has('leadership')) {
          return { ...refusal('lifecycle.malicious_needs_quality_head'), denied: true };
        }
      }
      return null;
    },
    effect: (t, i, a, ctx) => ({
      patch: {
        state: 'cancelled',
        pauses: closeOpenPause(t.pauses, ctx.now),
        cancellation: { reason: i.reason, note: i.note, duplicateOf: i.duplicateOf ?? null, byUid: actorUid(a), at: ctx.now },
      },
      eventType: 'cancelled',
      // Recorded politely [004 §3.3.4]: the record states the finding, not a judgement of the person.
      note: i.reason === 'malicious' ? `经核实，反映情况与事实不符，按恶意投诉记录。${i.note}` : `重复反馈（同 ${i.duplicateOf}）。${i.note}`,
      notify: [{ kind: 'user', uid: t.createdBy }, ...ownerAudience(t)],
    }),
  }),

  reopen: defineAction({
    label: { 'zh-CN': '重新处理', en: 'Reopen' },
    from: ['closed'],
    who: ['quality', 'owner_staff', 'creator', 'callback_desk', 'leadership'],
    input: z.object({ reason: text(1000) }).strict(),
    effect: (t, i, a, ctx) => reopenEffect(t, i.reason, a, ctx),
  }),

  mark_major: defineAction({
    label: { 'zh-CN': '认定为重大投诉', en: 'Mark as major' },
    from: ['received', 'assigned', 'in_progress', 'waiting_on_client', 'resolved', 'callback', 'verification'],
    who: ['quality', 'leadership'],
    input: z.object({ reason: text(1000) }).strict(),
    guard: (t) => {
      if (t.kind !== 'complaint') return refusal('lifecycle.major_complaints_only');
      if (t.major) return refusal('lifecycle.already_major');
      return null;
    },
    effect: (t, i) => {
      const notify: Audience[] = [...ownerAudience(t), { kind: 'leadership' }];
      return { patch: { major: true }, eventType: 'marked_major', note: i.reason, notify };
    },
  }),
  // ── deadlines area (issue 9 point 7): additive ─────────────────────────────────────────────

  /**
   * On-site feedback the on-site staff did not mark handled by the close of the working day it
   * was taken in goes to the business department ([000]). Fired by the deadline timer only.
   * The business department gets the kind's time counted from receipt (the clock is kept), but
   * never less than two working hours from the hand-off.
   */
  hand_to_business: defineAction({
    label: { 'zh-CN': '转交顾问经营部', en: 'Hand to business department' },
    from: ['assigned', 'in_progress'],
    who: ['system'],
    input: z.object({ toDeptId: uidField, reason: text(500) }).strict(),
    guard: (t) => (t.routing?.rule !== 'onsite' ? refusal('lifecycle.onsite_only') : null),
    check: (_t, i, _a, ctx) => {
      const dept = ctx.departments.find((d) => d.id === i.toDeptId);
      if (!dept || dept.kind !== 'business') return { fields: { toDeptId: `no business department ${i.toDeptId}` } };
      return null;
    },
    effect: (t, i, _a, ctx) => {
      const dept = ctx.departments.find((d) => d.id === i.toDeptId)!;
      const kept = computeDeadline(ctx.calendar, ctx.sla, { kind: t.kind, tier: t.clientTier, receivedAt: t.receivedAt }).dueAt;
      const floor = ctx.calendar.addWorkingTime(ctx.now, 2 * HOUR_MS);
      const dueAt = kept.getTime() > floor.getTime() ? kept : floor;
      const notify: Audience[] = [{ kind: 'dept', deptId: dept.id }, { kind: 'head', deptId: dept.id }];
      if (t.assigneeUid) notify.push({ kind: 'user', uid: t.assigneeUid });
      return {
        patch: {
          state: 'assigned', ownerDeptId: dept.id, assigneeUid: null, dueAt,
          routing: {
            deptId: dept.id, deptKind: dept.kind, rule: 'onsite_handoff', reason: i.reason,
            authority: t.routing?.authority ?? null, authorityReason: t.routing?.authorityReason ?? null,
          },
        },
        eventType: 'handed_to_business',
        note: i.reason,
        notify,
      };
    },
  }),

  /** "Tell the client before this date": the owner records the date promised; reminders follow (follow-ups.ts). */
  promise_answer: defineAction({
    label: { 'zh-CN': '承诺答复日期', en: 'Promise an answer date' },
    from: ACTIVE,
    who: ['owner_staff', 'owner_head'],
    input: z.object({ promisedAt: instant, note: optionalText(500) }).strict(),
    check: (_t, i, _a, ctx) => {
      if (i.promisedAt.getTime() <= ctx.now.getTime()) return { fields: { promisedAt: 'must be in the future' } };
      if (i.promisedAt.getTime() > ctx.now.getTime() + 366 * 24 * HOUR_MS) return { fields: { promisedAt: 'at most a year ahead' } };
      return null;
    },
    effect: (t, i) => ({
      patch: { promisedAt: i.promisedAt },
      eventType: 'answer_promised',
      note: i.note,
      notify: t.ownerDeptId ? [{ kind: 'head', deptId: t.ownerDeptId }] : [],
    }),
  }),
} satisfies Record<string, ActionSpec>;

export type TicketAction = keyof typeof MACHINE;
export const TICKET_ACTIONS = Object.keys(MACHINE) as TicketAction[];
export const TicketAction = z.enum(TICKET_ACTIONS as [TicketAction, ...TicketAction[]]);

export function isTicketAction(a: string): a is TicketAction {
  return Object.prototype.hasOwnProperty.call(MACHINE, a);
}

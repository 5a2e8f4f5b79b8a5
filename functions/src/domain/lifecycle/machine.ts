/**
 * The ticket lifecycle as one table: for every action, the states it may be fired from, who
 * may fire it (relations from policy.relationsOf, or the system), the input it needs (zod),
 * its guards with their reasons, and its effects (patch, event type, who is told).
 *
 *   received ─(routing)→ assigned ─accept→ in_progress ⇄ waiting_on_client (wait_on_client / resume)
 *   in_progress ─resolve (head signs off)→ resolved ─request_callback→ callback
 *   callback ─callback reached & satisfied→ verification (complaints) | closed (other kinds)
 *   callback ─callback reached & not satisfied→ in_progress (reopened, escalationLevel + 1)
 *   verification ─verify (quality, not the resolver; major: report published)→ closed
 *   closed ─reopen (dissatisfied client)→ in_progress (escalationLevel + 1)
 *   assigned | in_progress ─transfer→ assigned (another department, new deadline)
 *   assigned | in_progress ─escalate (system / head / quality / leadership)→ same state, level + 1
 *   received … waiting_on_client ─cancel (duplicate / malicious)→ cancelled
 *
 * Sign-off: `resolve` is fired by the head of the owning department (or leadership, who head
 * the departments that own compensation claims); firing it IS the sign-off. Staff who did the
 * work record cause and measures first with `submit_resolution`, which tells the head; the
 * head then resolves, taking over or amending the draft. Both the submitter and the signer
 * count as "the resolver": neither may verify the complaint.
 */
import { z } from 'zod';
import { computeDeadline, escalationDeadline, extendForPause } from '../sla';
import type { LifecycleTicket } from '../documents';
import { isQuality } from '../policy';
import type { TicketState } from '../vocabulary';
import { CallbackOutcome, CancelReason, type PauseRecord } from './records';
import { actorName, actorUid, defineAction, type ActionSpec, type Audience, type Effect, type LifecycleContext } from './types';

const text = (max: number) => z.string().trim().min(1, 'required').max(max);
const optionalText = (max: number) => z.string().trim().max(max).default('');
/** An instant from JSON (ISO string) or from code (Date). */
const instant = z.union([z.date(), z.iso.datetime({ offset: true }).transform((s) => new Date(s))]);
const uidField = z.string().trim().min(1, 'required').max(128);

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

function closeOpenPause(pauses: readonly PauseRecord[], now: Date): PauseRecord[] {
  return pauses.map((p) => (p.end === null ? { ...p, end: now } : p));
}

/**
 * Back to work after a dissatisfied client: one level up (leadership, level 2, is the top: a
 * ticket reopened there stays there), fresh deadline, a new resolution needed.
 */
function reopenEffect(t: LifecycleTicket, reason: string, ctx: LifecycleContext, extra: Partial<LifecycleTicket> = {}): Effect {
  const level = Math.min(t.escalationLevel + 1, TOP_LEVEL) as 1 | 2;
  const dueAt = escalationDeadline(ctx.calendar, ctx.sla, level, ctx.now).dueAt;
  const notify: Audience[] = [...ownerAudience(t)];
  if (t.ownerDeptId) notify.push({ kind: 'dept', deptId: t.ownerDeptId });
  if (level >= TOP_LEVEL) notify.push({ kind: 'leadership' });
  return {
    patch: {
      ...extra, state: 'in_progress', escalationLevel: level, reopenCount: t.reopenCount + 1, dueAt,
      resolution: null, verification: null,
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
        ? `the ticket is assigned to ${t.assigneeUid}; ask the department head to reassign it`
        : null,
    effect: (t, _i, a) => ({
      patch: { state: 'in_progress', assigneeUid: actorUid(a) },
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
    effect: (_t, i, _a, ctx) => ({
      patch: { assigneeUid: i.assigneeUid },
      eventType: 'assignee_changed',
      note: [ctx.staff.get(i.assigneeUid)?.displayName ?? i.assigneeUid, i.note].filter(Boolean).join(' — '),
      notify: [{ kind: 'user', uid: i.assigneeUid }],
    }),
  }),

  transfer: defineAction({
    label: { 'zh-CN': '转办', en: 'Transfer' },
    from: ['assigned', 'in_progress'],
    who: ['owner_staff', 'owner_head', 'quality', 'leadership', 'admin'],
    input: z.object({ toDeptId: uidField, reason: text(500) }).strict(),
    check: (t, i, _a, ctx) => {
      const dept = ctx.departments.find((d) => d.id === i.toDeptId);
      if (!dept) return { fields: { toDeptId: `no department ${i.toDeptId}` } };
      if (dept.id === t.ownerDeptId) return { fields: { toDeptId: 'the ticket is already with this department' } };
      return null;
    },
    effect: (t, i, _a, ctx) => {
      const dept = ctx.departments.find((d) => d.id === i.toDeptId)!;
      // The receiving department gets the full time for the kind, counted from the transfer.
      const { dueAt } = computeDeadline(ctx.calendar, ctx.sla, { kind: t.kind, tier: t.clientTier, receivedAt: ctx.now });
      const notify: Audience[] = [{ kind: 'dept', deptId: dept.id }];
      if (t.ownerDeptId) notify.push({ kind: 'head', deptId: t.ownerDeptId });
      return {
        patch: {
          state: 'assigned', ownerDeptId: dept.id, assigneeUid: null, dueAt,
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
      patch: { state: 'waiting_on_client', pauses: [...t.pauses, { start: ctx.now, end: null, reason: i.reason }] },
      eventType: 'waiting_on_client',
      note: i.reason,
      notify: [],
    }),
  }),

  resume: defineAction({
    label: { 'zh-CN': '恢复处理', en: 'Resume' },
    from: ['waiting_on_client'],
    who: ['owner_staff'],
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
      const notify: Audience[] = [{ kind: 'user', uid: t.createdBy }];
      if (t.assigneeUid) notify.push({ kind: 'user', uid: t.assigneeUid });
      return { patch: { state: 'resolved', resolution }, eventType: 'resolved', note: resolution.measures, notify, complainant: 'resolved' };
    },
  }),

  request_callback: defineAction({
    label: { 'zh-CN': '安排回访', en: 'Request callback' },
    from: ['resolved'],
    who: ['owner_staff', 'quality', 'creator'],
    input: z.object({ note: optionalText(500) }).strict(),
    effect: (t, i) => ({
      patch: { state: 'callback' },
      eventType: 'callback_requested',
      note: i.note,
      notify: [{ kind: 'user', uid: t.createdBy }],
    }),
  }),

  callback: defineAction({
    label: { 'zh-CN': '回访', en: 'Call back' },
    from: ['callback'],
    who: ['owner_staff', 'quality', 'creator'],
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
          patch: { callbackAttempts: [...t.callbackAttempts, attempt] },
          eventType: 'callback_attempted',
          note: i.note,
          notify: [],
        };
      }
      const attempt = { ...base, outcome: i.outcome, nextTryAt: null, note: i.comments };
      const result = { satisfied: i.satisfied, score: i.score, awareOfChannel: i.awareOfChannel, comments: i.comments, at: ctx.now, byUid: base.byUid };
      const recorded = { callbackAttempts: [...t.callbackAttempts, attempt], callbackResult: result };
      if (!i.satisfied) return reopenEffect(t, i.comments, ctx, recorded);
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
    guard: (t) =>
      t.kind === 'complaint' || t.kind === 'repair'
        ? `a ${t.kind} is closed through its callback${t.kind === 'complaint' ? ' and the quality department\'s verification' : ''}`
        : null,
    effect: (t, i) => ({ patch: { state: 'closed' }, eventType: 'closed', note: i.note, notify: ownerAudience(t), complainant: 'closed' }),
  }),

  verify: defineAction({
    label: { 'zh-CN': '查验', en: 'Verify' },
    from: ['verification'],
    who: ['quality', 'owner_staff'],
    input: z.object({
      evidence: text(2000).describe('the measures seen carried out'),
      /** Optional: the staff member the complaint is confirmed against (monthly staff flags). */
      responsibleUid: uidField.optional(),
    }).strict(),
    guard: (t, a) => {
      if (a === 'system' || !isQuality(a)) return 'only the quality department verifies corrective measures';
      if (!t.resolution) return 'there is no resolution to verify';
      if (resolversOf(t).includes(a.uid)) return 'you resolved this complaint: another quality staff member must verify it';
      if (t.major && !t.correctiveReport) return 'a major complaint needs its corrective-action report published before it can be closed';
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
      if (t.kind !== 'complaint' || !t.major) return 'only major complaints have a corrective-action report';
      if (t.correctiveReport) return 'the corrective-action report has already been published';
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
    guard: (t) => (t.escalationLevel >= TOP_LEVEL ? `already escalated to leadership (level ${t.escalationLevel})` : null),
    check: (t, i) =>
      i.expectedLevel !== undefined && i.expectedLevel !== t.escalationLevel
        ? `escalation level changed meanwhile: now ${t.escalationLevel}`
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
    who: ['owner_head', 'quality', 'leadership', 'admin'],
    input: z
      .object({ reason: CancelReason, note: text(1000), duplicateOf: z.string().trim().min(1).max(128).optional() })
      .strict()
      .refine((v) => v.reason !== 'duplicate' || v.duplicateOf !== undefined, {
        path: ['duplicateOf'], message: 'name the ticket this one duplicates',
      }),
    check: (_t, i, _a, ctx) =>
      i.duplicateOf === ctx.ticketId ? { fields: { duplicateOf: 'a ticket cannot duplicate itself' } } : null,
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
    who: ['quality', 'owner_staff', 'creator', 'leadership'],
    input: z.object({ reason: text(1000) }).strict(),
    effect: (t, i, _a, ctx) => reopenEffect(t, i.reason, ctx),
  }),
} satisfies Record<string, ActionSpec>;

export type TicketAction = keyof typeof MACHINE;
export const TICKET_ACTIONS = Object.keys(MACHINE) as TicketAction[];
export const TicketAction = z.enum(TICKET_ACTIONS as [TicketAction, ...TicketAction[]]);

export function isTicketAction(a: string): a is TicketAction {
  return Object.prototype.hasOwnProperty.call(MACHINE, a);
}

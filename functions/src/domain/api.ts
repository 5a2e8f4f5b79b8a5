/**
 * Contracts of the callable functions: input schemas (validated on the server) and the
 * JSON views they return. Shared with the web client, which imports these types.
 */
import { z } from 'zod';
import { Authority, Channel, ComplaintSubject, Locale, Role, TicketKind, TicketState, type Label } from './vocabulary';
import { DocId, isChinesePhone, isSaneInstant } from './validation';
import type { LifecycleView } from './lifecycle/view';
import type { NotificationTarget } from './notification-target';
export type { LifecycleView } from './lifecycle/view';
export { TransitionTicketInput, type TransitionTicketResult } from './lifecycle/request';

const id = DocId;

/**
 * The complainant (or requester) as intake types them: name trimmed and non-empty, phone a
 * Chinese mobile or landline number (or none), address for repairs and requests.
 */
export const ReporterInput = z
  .object({
    name: z.string().trim().min(1, 'required').max(100),
    phone: z.string().trim().max(40).default('').refine((p) => p === '' || isChinesePhone(p), 'not a Chinese mobile or landline number'),
    email: z.union([z.email(), z.literal('')]).default(''),
    address: z.string().trim().max(200).default(''),
    consentToContact: z.boolean().default(false),
  })
  .strict();
export type ReporterInput = z.infer<typeof ReporterInput>;

/** A client-generated id of one submission (e.g. a UUID): a double submit files one ticket. */
export const RequestId = z.string().trim().regex(/^[A-Za-z0-9_-]{8,64}$/, '8–64 letters, digits, "-" or "_"');

export const CreateTicketInput = z
  .object({
    requestId: RequestId,
    clientId: id,
    kind: TicketKind,
    subject: ComplaintSubject.optional(),
    channel: Channel,
    title: z.string().trim().min(1, 'required').max(200),
    description: z.string().trim().max(5000).default(''),
    claimedAmount: z.number().nonnegative().max(100_000_000).optional(),
    compensation: z.boolean().default(false),
    againstOfficeDirector: z.boolean().default(false),
    major: z.boolean().default(false),
    reporter: ReporterInput.optional(),
    /** The date the client was promised an answer at intake (ISO); reminders follow (deadlines/follow-ups.ts). */
    promisedReplyAt: z
      .union([z.date(), z.iso.datetime({ offset: true }).transform((s) => new Date(s))])
      .refine(isSaneInstant, 'a date between 2000 and 2100')
      .optional(),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.kind === 'complaint' && !v.subject) {
      ctx.addIssue({ code: 'custom', path: ['subject'], message: 'a complaint needs a subject' });
    }
    if (v.kind !== 'complaint' && v.subject) {
      ctx.addIssue({ code: 'custom', path: ['subject'], message: 'only complaints have a subject' });
    }
  });
export type CreateTicketInput = z.infer<typeof CreateTicketInput>;

// The ticket list (queues, filters, search, paging, counts): domain/tickets/list-api.ts.
export {
  TicketQueue, TicketListFilters, TicketSort, ListTicketsInput, ShanghaiDate,
  type TicketRowView, type TimeLeft, type TimeLeftStatus, type ListTicketsResult,
} from './tickets/list-api';
import type { TimeLeft } from './tickets/list-api';
export const GetTicketInput = z.object({ ticketId: id }).strict();
export const ListNotificationsInput = z
  .object({ unreadOnly: z.boolean().default(false), limit: z.number().int().min(1).max(200).default(50) })
  .strict();
export const MarkNotificationsReadInput = z.object({ ids: z.array(id).min(1).max(200) }).strict();
export const EmptyInput = z.object({}).strict();

/** A ticket as the web client sees it (instants as ISO strings). */
export interface TicketView {
  id: string;
  number: string;
  kind: TicketKind;
  subject: string | null;
  channel: Channel;
  clientId: string;
  clientName: string;
  branchId: string;
  branchName: Label | null;
  title: string;
  description: string;
  state: TicketState;
  ownerDeptId: string | null;
  ownerDeptName: Label | null;
  assigneeUid: string | null;
  /** The current handler's name (null when nobody is assigned or the record is gone). */
  assigneeName: string | null;
  routingReason: Label | null;
  /** Complaints: who may settle it (mall authority rules) and why. */
  authority: Authority | null;
  authorityLabel: Label | null;
  authorityReason: Label | null;
  receivedAt: string;
  dueAt: string | null;
  escalationLevel: number;
  major: boolean;
  claimedAmount: number | null;
  /** deadlines area: the deadline rests on provisional (statutory, unpublished) holidays. */
  dueAtProvisional: boolean;
  /** deadlines area: an answer promised to the client by this instant. */
  promisedAt: string | null;
  /** deadlines area: the next follow-up (callback, retry, verification…) due. */
  nextFollowUpAt: string | null;
  /** deadlines area: why the deadline machinery could not handle this ticket, if it could not. */
  deadlineProblem: { code: string; message: string; at: string } | null;
}

export interface TicketEventView {
  seq: number;
  type: string;
  /** The event's name in both languages (e.g. 转办 / Transferred). */
  label: Label;
  at: string;
  actorName: string;
  from: TicketState | null;
  to: TicketState;
  note: string;
  /** Who the event reached (escalations name the people told); absent when not recorded. */
  notified?: { uid: string; name: string }[];
}

export interface ReporterView {
  name: string;
  phone: string;
  email: string;
  /** Where the work is done (repairs, requests). */
  address: string;
  consentToContact: boolean;
}

export interface TicketDetailView {
  ticket: TicketView;
  events: TicketEventView[];
  /** null when the caller may not see the complainant's identity, or none was given. */
  reporter: ReporterView | null;
  reporterRedacted: boolean;
  /** How screens name the person who told us: a complainant (complaints, protected) or a requester (other kinds). */
  reporterRole: 'complainant' | 'requester';
  /** Allowed actions now, escalation, pauses, resolution, callbacks, verification (domain/lifecycle/view.ts). */
  lifecycle: LifecycleView;
  /**
   * Working time (ms, organisation calendar) from now to dueAt while the deadline runs;
   * negative when overdue; null when the ticket is not open or has no deadline.
   */
  workingTimeLeftMs: number | null;
  /** The same clock as the lists: status by state (paused, closed on time / late…), working ms. */
  timeLeft: TimeLeft;
}

export type { NotificationTarget } from './notification-target';
export interface NotificationView {
  id: string;
  ticketId: string;
  type: string;
  /** In both languages (notifications written before both were stored repeat the recipient's language). */
  title: Label;
  body: Label;
  read: boolean;
  createdAt: string;
  /** The page it is about (a ticket, or a KPI month, the visit plan, the calendar…): notification-target.ts. */
  target: NotificationTarget;
}

export interface MeView {
  uid: string;
  displayName: string;
  email: string;
  role: Role;
  deptId: string;
  deptName: string;
  /** The department and branch in both languages (issue 8.6). */
  deptLabel: Label | null;
  branchLabel: Label | null;
  branchId: string;
  locale: Locale;
}

export interface ClientOption {
  id: string;
  name: string;
  code: string;
}

// ── web API (issue 8): pickers, change marker, configuration screens ──
export * from './tickets/pickers-api';
export * from './config-admin/api';
export * from './tickets/refusals';
export * from './config-admin/refusals';

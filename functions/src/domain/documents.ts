/**
 * zod schemas of every Firestore document. Instants are `Date` here; the Firestore
 * adapter (src/lib/firestore.ts) turns Timestamps into Dates before parsing.
 */
import { z } from 'zod';
import {
  Authority, Channel, ClientTier, ComplaintSubject, DeptKind, Locale, Role, TicketKind, TicketState,
} from './vocabulary';
import { lifecycleFields } from './lifecycle/records';
import { deadlineFields } from './deadlines/records';
import { listFields } from './tickets/list-fields-schema';

const id = z.string().min(1).max(128);

export const Branch = z.object({
  name: z.string().min(1),
  nameEn: z.string().optional(),
  level: z.enum(['city', 'county', 'office']),
  parentId: id.nullable().default(null),
});
export type Branch = z.infer<typeof Branch>;

export const Department = z.object({
  name: z.string().min(1),
  nameEn: z.string().optional(),
  kind: DeptKind,
  branchId: id,
  headUid: id.nullable().default(null),
});
export type Department = z.infer<typeof Department>;

export const Staff = z.object({
  displayName: z.string().min(1),
  email: z.email(),
  role: Role,
  deptId: id,
  branchId: id,
  locale: Locale.default('zh-CN'),
  disabled: z.boolean().default(false),
  /** Settlement authority (mall rules): the complaints this person may sign off; null = none. */
  authorityLevel: Authority.nullable().default(null),
});
export type Staff = z.infer<typeof Staff>;

export const Client = z.object({
  name: z.string().min(1),
  code: z.string().min(1),
  branchId: id,
  tier: ClientTier,
  marketType: z.enum(['C', 'X']),
  format: z.string().min(1),
  scale: z.union([z.literal(1), z.literal(2), z.literal(3)]),
  zone: z.enum(['city_a', 'city_b', 'township', 'rural']),
  address: z.string().default(''),
  contactName: z.string().default(''),
  contactPhone: z.string().default(''),
  accountManagerUid: id.nullable().default(null),
});
export type Client = z.infer<typeof Client>;

/** Why a ticket went where it went: the rule that matched and a readable reason. */
export const RoutingDecision = z.object({
  deptId: id,
  deptKind: DeptKind,
  rule: z.string().min(1),
  reason: z.string().min(1),
  /** For complaints: the level allowed to settle it, and why (null when not configured). */
  authority: Authority.nullable().default(null),
  authorityReason: z.string().nullable().default(null),
  /** The same reasons in both languages (absent on tickets routed before they were kept). */
  reasonLabel: z.object({ 'zh-CN': z.string(), en: z.string() }).optional(),
  authorityReasonLabel: z.object({ 'zh-CN': z.string(), en: z.string() }).optional(),
});
export type RoutingDecision = z.infer<typeof RoutingDecision>;

export const Ticket = z.object({
  number: z.string().min(1),
  kind: TicketKind,
  subject: ComplaintSubject.nullable().default(null),
  channel: Channel,
  clientId: id,
  clientName: z.string(),
  clientTier: ClientTier,
  branchId: id,
  /** The branch and those above it at intake (policy.ts branchPathOf): the rules' quality scope. Older tickets lack it. */
  branchPath: z.array(id).max(20).optional(),
  title: z.string().min(1).max(200),
  description: z.string().max(5000),
  claimedAmount: z.number().nonnegative().nullable().default(null),
  compensation: z.boolean().default(false),
  againstOfficeDirector: z.boolean().default(false),
  major: z.boolean().default(false),
  hasReporter: z.boolean().default(false),
  state: TicketState,
  ownerDeptId: id.nullable().default(null),
  assigneeUid: id.nullable().default(null),
  routing: RoutingDecision.nullable().default(null),
  receivedAt: z.date(),
  dueAt: z.date().nullable().default(null),
  escalationLevel: z.number().int().min(0).default(0),
  createdBy: id,
  createdByDeptId: id,
  updatedAt: z.date(),
  /** Sequence number of the newest history event; events are numbered 1, 2, 3… */
  lastEventSeq: z.number().int().min(1),
  /** Pauses, resolution, callbacks, verification… (domain/lifecycle/records.ts). */
  ...lifecycleFields,
  /** Provisional flag, follow-ups, problems, promised answer date (domain/deadlines/records.ts). */
  ...deadlineFields,
  /** Query fields of the ticket list (domain/tickets/list-fields.ts), derived on every write. */
  ...listFields,
});
/** A parsed ticket: the lifecycle fields are always there (defaults fill them in). */
export type LifecycleTicket = z.infer<typeof Ticket>;
/** A ticket as code builds it: lifecycle fields may be left out (parsing defaults them). */
type DefaultedFields = keyof typeof lifecycleFields | keyof typeof deadlineFields;
export type Ticket = Omit<LifecycleTicket, DefaultedFields> & Partial<Pick<LifecycleTicket, DefaultedFields>>;

export const ACTOR_SYSTEM = 'system';

/** One entry of a ticket's append-only tracking record (全程跟踪记录). */
export const TicketEvent = z.object({
  seq: z.number().int().min(1),
  type: z.string().min(1),
  at: z.date(),
  actorUid: id,
  actorName: z.string(),
  from: TicketState.nullable(),
  to: TicketState,
  changes: z.record(z.string(), z.object({ from: z.unknown(), to: z.unknown() })).default({}),
  note: z.string().default(''),
  /** Who the event was sent to (e.g. the people an escalation reached); absent on older events. */
  notified: z.array(z.object({ uid: id, name: z.string() })).max(200).optional(),
});
export type TicketEvent = z.infer<typeof TicketEvent>;

/** The complainant's identity, kept in `tickets/{id}/private/reporter`. */
export const Reporter = z.object({
  name: z.string().min(1).max(100),
  phone: z.string().max(40).default(''),
  email: z.union([z.email(), z.literal('')]).default(''),
  /** Where the work is done (repairs, requests); shown to the people doing it. */
  address: z.string().max(200).default(''),
  consentToContact: z.boolean().default(false),
});
export type Reporter = z.infer<typeof Reporter>;

/** An entry of a user's in-app inbox. */
export const Notification = z.object({
  uid: id,
  ticketId: id,
  eventSeq: z.number().int().min(1),
  type: z.string().min(1),
  title: z.string(),
  body: z.string(),
  read: z.boolean().default(false),
  createdAt: z.date(),
  /** Title and body in both languages (title/body above are in the recipient's language, for mail). */
  i18n: z.object({
    title: z.object({ 'zh-CN': z.string(), en: z.string() }),
    body: z.object({ 'zh-CN': z.string(), en: z.string() }),
  }).optional(),
  /** Set when the e-mail waits for the next working instant (escalation.ts deliverAtFor); the inbox shows it at once. */
  deliverAt: z.date().nullable().optional(),
});
export type Notification = z.infer<typeof Notification>;

/** A document in the Trigger Email extension's `mail` collection schema. */
export const MailDoc = z.object({
  to: z.union([z.email(), z.array(z.email()).min(1)]),
  message: z.object({
    subject: z.string().min(1),
    text: z.string().min(1),
    html: z.string().optional(),
  }),
});
export type MailDoc = z.infer<typeof MailDoc>;

/** A mail held back until `deliverAt` (`deferredMail/{id}`); the sweeper moves it to `mail/{id}`. */
export const DeferredMail = z.object({
  mail: MailDoc,
  deliverAt: z.date(),
  ticketId: id,
});
export type DeferredMail = z.infer<typeof DeferredMail>;

/** A document in the Twilio "Send Messages" extension's `messages` collection schema. */
export const SmsDoc = z.object({
  to: z.string().regex(/^\+?[0-9]{6,20}$/),
  body: z.string().min(1).max(1600),
});
export type SmsDoc = z.infer<typeof SmsDoc>;

/** An SMS held back until `deliverAt` (`deferredMessages/{id}`); the sweeper moves it to `messages/{id}`. */
export const DeferredMessage = z.object({
  message: SmsDoc,
  deliverAt: z.date(),
  ticketId: id,
});
export type DeferredMessage = z.infer<typeof DeferredMessage>;

/** Custom claims on a staff member's ID token: the only source of rights. */
export const StaffClaims = z.object({
  role: Role,
  dept: id,
  branch: id,
});
export type StaffClaims = z.infer<typeof StaffClaims>;

// ── web API (issue 8/9.1): list fields kept on tickets for queries; the reporter phone index ──

/**
 * `reporterPhones/{ticketId}`: the complainant's phone, digits only, so quality and leadership
 * can find a complainant's tickets by phone without the number ever being on the ticket (the
 * ticket is readable by more people than the complainant is). Functions-only: rules deny all.
 */
export const ReporterPhone = z.object({
  phone: z.string().min(1).max(20),
  ticketId: id,
  receivedAt: z.date(),
});
export type ReporterPhone = z.infer<typeof ReporterPhone>;

/** `changeMarkers/{uid}`: bumped whenever something the user should see changed (issue 8.8). */
export const ChangeMarker = z.object({
  seq: z.number().int().min(0),
  changedAt: z.date(),
});
export type ChangeMarker = z.infer<typeof ChangeMarker>;

/**
 * zod schemas of the client area's documents and configuration. The client document extends
 * the kernel's `Client` (documents.ts) with archive fields that all default, so clients written
 * before this area (and `listClients`, `createTicket`) keep working unchanged.
 */
import { z } from 'zod';
import { Client } from '../documents';
import { ClientTier, type Label } from '../vocabulary';
import { IsoDate } from '../calendar/config';
import { ServiceCode } from './vocabulary';

const id = z.string().min(1).max(128);
export const Month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, "expected a month 'YYYY-MM'");
export const Quarter = z.string().regex(/^\d{4}-Q[1-4]$/, "expected a quarter 'YYYY-Qn'");

export const Contact = z.object({
  name: z.string().trim().max(100),
  phone: z.string().trim().max(40).default(''),
  role: z.string().trim().max(40).default(''),
});
export type Contact = z.infer<typeof Contact>;

/** A fee or deposit the organisation keeps on the client (物业费, 押金…), in yuan. */
export const Fee = z.object({
  kind: z.enum(['fee', 'deposit']),
  name: z.string().trim().min(1).max(60),
  amount: z.number().nonnegative().max(1e9),
  note: z.string().trim().max(200).default(''),
});

export const TierOverride = z.object({
  tier: ClientTier,
  reason: z.string().min(1).max(500),
  byUid: id,
  at: z.date(),
});

/** Archive fields added to the kernel's Client; every one has a default. */
export const clientArchiveFields = {
  licenceNo: z.string().max(40).default(''),
  licenceExpiry: IsoDate.nullable().default(null),
  /** A natural person (household, individual trader): contacts follow the complainant privacy rules. */
  personal: z.boolean().default(false),
  contacts: z.array(Contact).max(10).default([]),
  emergencyContact: Contact.nullable().default(null),
  routeId: z.string().max(60).default(''),
  combinedCode: z.string().max(60).default(''), // legacy clients may carry word format ids ('supermarket')
  fees: z.array(Fee).max(20).default([]),
  notes: z.string().max(2000).default(''),
  active: z.boolean().default(true),
  tierOverride: TierOverride.nullable().default(null),
  /** The tier the classification rule gives (tier = override ?? computedTier). */
  computedTier: ClientTier.nullable().default(null),
  /** Number of the newest history entry (0 for clients written before the archive). */
  version: z.number().int().min(0).default(0),
  updatedAt: z.date().nullable().default(null),
};
export const ClientRecord = Client.extend(clientArchiveFields);
export type ClientRecord = z.infer<typeof ClientRecord>;

/** What the archive stores of a client's contacts; redacted for readers who may not see them. */
export const CONTACT_FIELDS = ['contactName', 'contactPhone', 'contacts', 'emergencyContact'] as const;

/** One entry of `clients/{id}/history`: what changed, by whom, why. Never updated. */
export const ClientHistoryEntry = z.object({
  type: z.enum(['created', 'updated', 'deactivated', 'reactivated', 'classified', 'tier_override', 'imported']),
  at: z.date(),
  actorUid: id,
  actorName: z.string(),
  changes: z.record(z.string(), z.object({ from: z.unknown(), to: z.unknown() })).default({}),
  reason: z.string().max(500).default(''),
  /** For classification changes. */
  quarter: Quarter.nullable().default(null),
});
export type ClientHistoryEntry = z.infer<typeof ClientHistoryEntry>;

/** A business format (业态) with its one-letter code, e.g. Z 食杂店. */
export const ClientFormat = z.object({
  code: z.string().regex(/^[A-Z]$/, 'one capital letter'),
  label: z.object({ 'zh-CN': z.string().min(1), en: z.string().min(1) }),
  active: z.boolean().default(true),
});
export type ClientFormat = z.infer<typeof ClientFormat>;

/** `config/clientFormats`. */
export const ClientFormatsConfig = z.object({ formats: z.array(ClientFormat).min(1).max(26) }).superRefine((v, ctx) => {
  const seen = new Set<string>();
  v.formats.forEach((f, i) => {
    if (seen.has(f.code)) ctx.addIssue({ code: 'custom', path: ['formats', i, 'code'], message: `duplicate code ${f.code}` });
    seen.add(f.code);
  });
});
export type ClientFormatsConfig = z.infer<typeof ClientFormatsConfig>;

const f = (code: string, zh: string, en: string): ClientFormat => ({ code, label: { 'zh-CN': zh, en }, active: true });
export const DEFAULT_FORMATS: ClientFormatsConfig = {
  formats: [
    f('Z', '食杂店', 'Grocery'), f('B', '便利店', 'Convenience store'), f('S', '超市', 'Supermarket'), f('M', '商场', 'Mall'),
    f('Y', '烟酒商店', 'Tobacco & liquor'), f('E', '娱乐服务', 'Entertainment'), f('Q', '其他', 'Other'),
  ],
};

/** `config/clientRules`: tier by scale, visit frequency by tier, score deadline. */
export const ClientRulesConfig = z.object({
  tierByScale: z.object({ '1': ClientTier, '2': ClientTier, '3': ClientTier }).default({ '1': 'A', '2': 'B', '3': 'C' }),
  /** Days between visits per tier [001 §13]: A and B weekly, C every two weeks. */
  visitEveryDays: z.object({ A: z.number().int().min(1).max(31), B: z.number().int().min(1).max(31), C: z.number().int().min(1).max(31) })
    .default({ A: 7, B: 7, C: 14 }),
  /** Day of the month by which account managers score their clients [001 §9] (capped at the month's last day). */
  scoreDueDay: z.number().int().min(1).max(31).default(30),
  /** Days before the score deadline when the reminder goes out. */
  scoreReminderDaysBefore: z.number().int().min(0).max(27).default(5),
});
export type ClientRulesConfig = z.infer<typeof ClientRulesConfig>;
export const DEFAULT_CLIENT_RULES: ClientRulesConfig = ClientRulesConfig.parse({});

/** `purchases/{clientId}_{YYYY-MM}`: a client's purchases in a month (条, yuan). */
export const Purchase = z.object({
  clientId: id,
  clientCode: z.string().min(1),
  month: Month,
  qty: z.number().nonnegative(),
  amount: z.number().nonnegative(),
  jobId: id,
});
export type Purchase = z.infer<typeof Purchase>;

/** `purchaseMonths/{YYYY-MM}`: set while an import writes that month; readers refuse a month in flight. */
export const PurchaseMonth = z.object({ importingJobId: id.nullable(), updatedAt: z.date() });

export const ImportKind = z.enum(['clients', 'purchases']);
export type ImportKind = z.infer<typeof ImportKind>;

/** `importJobs/{jobId}` (id = hash of kind + content: the same file is the same job). */
export const ImportJob = z.object({
  kind: ImportKind,
  fileName: z.string().max(200),
  branchId: id,
  state: z.enum(['pending', 'running', 'done', 'failed']),
  rowsTotal: z.number().int().min(0),
  rowsDone: z.number().int().min(0),
  chunksTotal: z.number().int().min(0),
  chunksDone: z.number().int().min(0),
  months: z.array(Month).default([]),
  createdBy: id,
  createdAt: z.date(),
  updatedAt: z.date(),
  error: z.string().nullable().default(null),
});
export type ImportJob = z.infer<typeof ImportJob>;

/** A validated row, as stored in `importJobs/{id}/chunks/{n}`. */
export const PurchaseRow = z.object({ row: z.number().int(), clientId: id, clientCode: z.string(), month: Month, qty: z.number(), amount: z.number() });
export type PurchaseRow = z.infer<typeof PurchaseRow>;
export const ClientRow = z.object({
  row: z.number().int(),
  clientId: id,
  exists: z.boolean(),
  code: z.string().min(1),
  name: z.string().min(1),
  licenceNo: z.string(),
  format: z.string(),
  marketType: z.enum(['C', 'X']),
  zone: z.enum(['city_a', 'city_b', 'township', 'rural']),
  accountManagerUid: id.nullable(),
  routeId: z.string(),
  address: z.string(),
  contactName: z.string(),
  contactPhone: z.string(),
  branchId: id,
});
export type ClientRow = z.infer<typeof ClientRow>;
export const ImportChunk = z.object({ rows: z.array(z.unknown()) });

/** `classificationRuns/{quarter}`: the quarterly re-ranking, created first so it runs once. */
export const ClassificationRun = z.object({
  quarter: Quarter,
  state: z.enum(['running', 'applied']),
  startedAt: z.date(),
  appliedAt: z.date().nullable().default(null),
  clients: z.number().int().min(0).default(0),
  changed: z.number().int().min(0).default(0),
  actorUid: id,
});

/** `monthlyScores/{clientId}_{YYYY-MM}`: the account manager's monthly score [001 §9]. */
export const MonthlyScore = z.object({
  clientId: id,
  month: Month,
  managerUid: id,
  branchId: id,
  score: z.number().int().min(0).max(100),
  note: z.string().max(500).default(''),
  dueAt: z.date(),
  scoredAt: z.date(),
  late: z.boolean(),
});

/** `visitPlans/{managerUid}_{YYYY-MM}`. */
export const VisitPlan = z.object({
  managerUid: id,
  branchId: id,
  month: Month,
  items: z.array(z.object({
    clientId: id, clientName: z.string(), tier: ClientTier, routeId: z.string(),
    periods: z.array(z.object({ from: IsoDate, to: IsoDate })),
  })),
  createdAt: z.date(),
});
export type VisitPlan = z.infer<typeof VisitPlan>;

/** `visits/{id}`: one visit [001 §13, §19]. */
export const Visit = z.object({
  clientId: id,
  managerUid: id,
  branchId: id,
  routeId: z.string(),
  month: Month,
  date: IsoDate,
  services: z.array(ServiceCode).max(30),
  notes: z.string().max(2000).default(''),
  recordedAt: z.date(),
  recordedBy: id,
});
export type Visit = z.infer<typeof Visit>;

export const SpotLevel = z.enum(['department', 'county', 'city']);
export type SpotLevel = z.infer<typeof SpotLevel>;
export const SPOT_LEVEL_LABELS: Record<SpotLevel, Label> = {
  department: { 'zh-CN': '部门督察', en: 'Department check' },
  county: { 'zh-CN': '县级分公司督察', en: 'County branch check' },
  city: { 'zh-CN': '市公司督察', en: 'City company check' },
};

/** `spotCheckSamples/{YYYY-MM}_{level}_{branchId}`: who and which clients are checked, and the seed. */
export const SpotCheckSample = z.object({
  month: Month,
  level: SpotLevel,
  branchId: id,
  seed: z.number().int(),
  entries: z.array(z.object({ staffUid: id, clientIds: z.array(id) })),
  createdAt: z.date(),
});
export type SpotCheckSample = z.infer<typeof SpotCheckSample>;

/** `spotCheckRecords/{sampleId}_{clientId}`: the checker's call or visit. */
export const SpotCheckRecord = z.object({
  sampleId: id,
  month: Month,
  level: SpotLevel,
  branchId: id,
  staffUid: id,
  clientId: id,
  method: z.enum(['call', 'visit']),
  reached: z.boolean(),
  questions: z.array(z.object({ question: z.string().max(200), answer: z.string().max(1000) })).max(20).default([]),
  /** Satisfaction with the staff member, 1 (very dissatisfied) … 5 (very satisfied); null when not reached. */
  satisfaction: z.number().int().min(1).max(5).nullable(),
  findings: z.string().max(2000).default(''),
  ticketId: id.nullable().default(null),
  checkerUid: id,
  recordedAt: z.date(),
});
export type SpotCheckRecord = z.infer<typeof SpotCheckRecord>;

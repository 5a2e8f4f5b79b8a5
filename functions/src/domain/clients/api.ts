/** Contracts of the client area's callables: strict input schemas. */
import { z } from 'zod';
import { ClientTier } from '../vocabulary';
import { IsoDate } from '../calendar/config';
import { Contact, Fee, ImportKind, Month, Quarter, SpotLevel } from './schemas';
import { ClientZone, MarketType, Scale, ServiceCode } from './vocabulary';

const id = z.string().trim().min(1, 'required').max(128);
const text = (max: number) => z.string().trim().max(max);

/** The editable archive fields. */
const archive = {
  name: text(200).min(1, 'required'),
  licenceNo: text(40),
  licenceExpiry: IsoDate.nullable(),
  personal: z.boolean(),
  marketType: MarketType,
  format: z.string().trim().regex(/^[A-Z]$/, 'a format code'),
  zone: ClientZone,
  address: text(300),
  contactName: text(100),
  contactPhone: text(40),
  contacts: z.array(Contact).max(10),
  emergencyContact: Contact.nullable(),
  accountManagerUid: id.nullable(),
  routeId: text(60),
  fees: z.array(Fee).max(20),
  notes: text(2000),
};

export const CreateClientInput = z.object({
  code: z.string().trim().regex(/^[A-Za-z0-9_-]{1,40}$/, 'letters, digits, - and _'),
  branchId: id,
  scale: Scale.default(2),
  ...archive,
  licenceNo: archive.licenceNo.default(''),
  licenceExpiry: archive.licenceExpiry.default(null),
  personal: archive.personal.default(false),
  address: archive.address.default(''),
  contactName: archive.contactName.default(''),
  contactPhone: archive.contactPhone.default(''),
  contacts: archive.contacts.default([]),
  emergencyContact: archive.emergencyContact.default(null),
  accountManagerUid: archive.accountManagerUid.default(null),
  routeId: archive.routeId.default(''),
  fees: archive.fees.default([]),
  notes: archive.notes.default(''),
}).strict();
export type CreateClientInput = z.infer<typeof CreateClientInput>;

export const UpdateClientInput = z.object({
  clientId: id,
  /** The version the editor saw: a concurrent edit is refused, never overwritten. */
  expectedVersion: z.number().int().min(0),
  patch: z.object(archive).partial().strict().refine((p) => Object.keys(p).length > 0, 'nothing to change'),
  reason: text(500).default(''),
}).strict();
export type UpdateClientInput = z.infer<typeof UpdateClientInput>;

export const DeactivateClientInput = z.object({ clientId: id, active: z.boolean().default(false), reason: text(500).min(1, 'required') }).strict();
export const GetClientInput = z.object({ clientId: id }).strict();

export const FindClientsInput = z.object({
  query: text(100).default(''),
  branchId: id.optional(),
  zone: ClientZone.optional(),
  format: z.string().trim().max(2).optional(),
  tier: ClientTier.optional(),
  accountManagerUid: id.optional(),
  includeInactive: z.boolean().default(false),
  limit: z.number().int().min(1).max(500).default(100),
}).strict();
export type FindClientsInput = z.infer<typeof FindClientsInput>;

export const ExportClientsInput = FindClientsInput.omit({ limit: true }).strict();

export const ImportTemplateInput = z.object({ kind: ImportKind }).strict();
export const StartImportInput = z.object({
  kind: ImportKind,
  fileName: text(200).regex(/\.(xlsx|csv)$/i, 'an .xlsx or .csv file'),
  /** The file, base64 (callables take up to 10 MB: ~100 000 purchase rows). */
  contentBase64: z.string().min(1).max(10_000_000),
  /** Dry run: report every bad row and write nothing. */
  dryRun: z.boolean().default(true),
  branchId: id.optional(),
}).strict();
export type StartImportInput = z.infer<typeof StartImportInput>;
export const GetImportInput = z.object({ jobId: id }).strict();

export const ClassificationInput = z.object({ quarter: Quarter }).strict();
export const OverrideTierInput = z.object({ clientId: id, tier: ClientTier.nullable(), reason: text(500).min(1, 'required') }).strict();

export const SaveMonthlyScoreInput = z.object({ clientId: id, month: Month, score: z.number().int().min(0).max(100), note: text(500).default('') }).strict();

export const VisitPlanInput = z.object({ month: Month, managerUid: id.optional() }).strict();
export const RecordVisitInput = z.object({ clientId: id, date: IsoDate, services: z.array(ServiceCode).min(1).max(30), notes: text(2000).default('') }).strict();
export const VisitCoverageInput = z.object({ month: Month, branchId: id.optional() }).strict();

export const ListSpotChecksInput = z.object({ month: Month, level: SpotLevel.optional() }).strict();
export const RecordSpotCheckInput = z.object({
  sampleId: id,
  clientId: id,
  method: z.enum(['call', 'visit']),
  reached: z.boolean(),
  questions: z.array(z.object({ question: text(200).min(1), answer: text(1000) }).strict()).max(20).default([]),
  satisfaction: z.number().int().min(1).max(5).nullable().default(null),
  findings: text(2000).default(''),
  /** Open a complaint ticket for the finding (through createTicket). */
  openTicket: z.boolean().default(false),
}).strict().superRefine((v, ctx) => {
  if (v.reached && v.satisfaction === null) ctx.addIssue({ code: 'custom', path: ['satisfaction'], message: 'required when the client was reached' });
  if (v.openTicket && !v.findings) ctx.addIssue({ code: 'custom', path: ['findings'], message: 'a ticket needs the finding' });
});
export type RecordSpotCheckInput = z.infer<typeof RecordSpotCheckInput>;
export const SpotCheckRollupInput = z.object({ month: Month, branchId: id.optional() }).strict();

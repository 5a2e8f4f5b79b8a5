/** Inputs of the KPI callables (zod, strict: unknown fields refused). */
import { z } from 'zod';
import { TicketKind, ComplaintSubject, Channel } from '../vocabulary';
import { Month, SnapshotScope } from './documents';

const id = z.string().trim().min(1, 'required').max(128).regex(/^[^/]+$/, 'no "/"');

/** A scope: the whole organisation (neither), a branch, or a department. */
const scope = { branchId: id.optional(), deptId: id.optional() };

export const KpiMonthInput = z.object({ month: Month, ...scope }).strict();
export type KpiMonthInput = z.infer<typeof KpiMonthInput>;

export const KpiTrendInput = z.object({ endMonth: Month, months: z.number().int().min(1).max(24).default(12), ...scope }).strict();
export type KpiTrendInput = z.infer<typeof KpiTrendInput>;

/** Drill-down: the tickets RECEIVED in the month in the scope, narrowed by a breakdown or a measure. */
export const KpiTicketsInput = z.object({
  month: Month,
  ...scope,
  kind: TicketKind.optional(),
  subject: ComplaintSubject.optional(),
  channel: Channel.optional(),
  measure: z.enum(['late', 'reopened', 'escalated', 'cancelled', 'open']).optional(),
  limit: z.number().int().min(1).max(200).default(50),
}).strict().refine((v) => v.branchId !== undefined || v.deptId !== undefined, { path: ['branchId'], message: 'name a branch or a department' });
export type KpiTicketsInput = z.infer<typeof KpiTicketsInput>;

export const MyKpisInput = z.object({ month: Month }).strict();

export const ListSnapshotsInput = z.object({ month: Month }).strict();

export const ApproveSnapshotInput = z.object({
  snapshotId: id,
  commentary: z.string().trim().max(4000).optional(),
}).strict();
export type ApproveSnapshotInput = z.infer<typeof ApproveSnapshotInput>;

export const CommentSnapshotInput = z.object({ snapshotId: id, commentary: z.string().trim().max(4000) }).strict();

export const BuildMonthInput = z.object({ month: Month }).strict();

/** Targets in percent; the range (0–100) and the KPI names are checked by targetRefusal (reason codes). */
export const SetTargetsInput = z.object({
  year: z.number().int().min(2000).max(2100),
  targets: z.record(z.string(), z.number()),
}).strict();
export type SetTargetsInput = z.infer<typeof SetTargetsInput>;

export const GetTargetsInput = z.object({ year: z.number().int().min(2000).max(2100) }).strict();

export const RequestRebuildInput = z.object({ month: Month }).strict();
export const DecideRebuildInput = z.object({ rebuildId: id, apply: z.boolean() }).strict();

export const ExportReportInput = z.discriminatedUnion('type', [
  z.object({ type: z.literal('quarterly'), quarter: z.string().regex(/^\d{4}-Q[1-4]$/, 'a quarter YYYY-Qn'), branchId: id.optional() }).strict(),
  z.object({ type: z.literal('client_brief'), month: Month, clientId: id }).strict(),
]);
export type ExportReportInput = z.infer<typeof ExportReportInput>;

export { SnapshotScope };

/**
 * The audit log (`auditLog`): one immutable entry per privileged action, with who did it, to
 * what, why, and what changed. Written by functions only, in the same transaction as the action.
 */
import { z } from 'zod';
import { Role } from '../vocabulary';

const id = z.string().min(1).max(128);

export const AuditAction = z.enum([
  'staff_created',
  'claims_changed', // role, department or branch of a staff member
  'staff_disabled',
  'staff_enabled',
  'department_saved',
  'branch_saved',
  'reassignment',
  'deadline_changed',
  'ticket_closed',
  'personal_data_exported',
  // work orders (domain/workorders)
  'price_list_saved',
  'statement_approved',
]);
export type AuditAction = z.infer<typeof AuditAction>;

export const AuditTarget = z.object({
  type: z.enum(['staff', 'department', 'branch', 'ticket', 'export', 'config', 'statement']),
  id,
});

export const AuditEntry = z.object({
  action: AuditAction,
  at: z.date(),
  actorUid: id,
  actorName: z.string(),
  actorRole: z.union([Role, z.literal('system')]),
  target: AuditTarget,
  reason: z.string().trim().min(1, 'a privileged action needs a reason').max(1000),
  /** field → {from, to}; absent fields did not change. */
  changes: z.record(z.string(), z.object({ from: z.unknown(), to: z.unknown() })).default({}),
});
export type AuditEntry = z.infer<typeof AuditEntry>;
export type AuditEntryInput = z.input<typeof AuditEntry>;

/** Field-by-field difference of two flat records, for `changes`. */
export function diff<T extends Record<string, unknown>>(before: Partial<T>, after: Partial<T>): Record<string, { from: unknown; to: unknown }> {
  const out: Record<string, { from: unknown; to: unknown }> = {};
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const from = before[key] ?? null;
    const to = after[key] ?? null;
    if (from !== to) out[key] = { from, to };
  }
  return out;
}

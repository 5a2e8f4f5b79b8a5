/**
 * Contracts of the organisation and administration callables (inputs validated on the server,
 * JSON views returned). Rights never come from these payloads: only from the caller's token.
 */
import { z } from 'zod';
import { DocId, isSaneInstant } from '../validation';
import { Authority, DeptKind, Locale, Role, type Label } from '../vocabulary';
import type { Branch, Department } from '../documents';
import { AuditAction } from './audit';

const id = DocId;
const reason = z.string().trim().min(1, 'say why').max(1000);
/** Ids of departments and branches an admin creates: readable, URL- and path-safe. */
const slug = z.string().trim().regex(/^[a-z0-9][a-z0-9-]{1,62}$/, 'lower-case letters, digits and dashes');

export const CreateStaffInput = z
  .object({
    email: z.email(),
    displayName: z.string().trim().min(1, 'required').max(100),
    role: Role,
    deptId: id,
    locale: Locale.default('zh-CN'),
    /** Only for the local stack and first sign-in; production accounts use a reset link. */
    password: z.string().min(8, 'at least 8 characters').max(128).optional(),
    /** Settlement authority (mall rules); null = none. */
    authorityLevel: Authority.nullable().default(null),
    /** Required (and audited) for quality or leadership accounts; otherwise "new staff member". */
    reason: reason.optional(),
  })
  .strict();
export type CreateStaffInput = z.infer<typeof CreateStaffInput>;

export const UpdateStaffInput = z
  .object({ uid: id, role: Role.optional(), deptId: id.optional(), authorityLevel: Authority.nullable().optional(), reason })
  .strict()
  .refine((v) => v.role !== undefined || v.deptId !== undefined || v.authorityLevel !== undefined, {
    message: 'change the role, the department or the settlement authority', path: ['role'],
  });
export type UpdateStaffInput = z.infer<typeof UpdateStaffInput>;

export const SetStaffDisabledInput = z.object({ uid: id, disabled: z.boolean(), reason }).strict();
export type SetStaffDisabledInput = z.infer<typeof SetStaffDisabledInput>;

export const ListStaffInput = z.object({ deptId: id.optional() }).strict();

export const ListAuditLogInput = z
  .object({
    limit: z.number().int().min(1).max(200).default(50),
    /** ISO instant: entries strictly older than this (the previous page's last `at`). */
    before: z.iso.datetime().refine((v) => isSaneInstant(new Date(v)), 'a date between 2000 and 2100').optional(),
    action: AuditAction.optional(),
  })
  .strict();
export type ListAuditLogInput = z.infer<typeof ListAuditLogInput>;

export const SaveDepartmentInput = z
  .object({
    id: slug,
    name: z.string().trim().min(1, 'required').max(100),
    nameEn: z.string().trim().max(100).optional(),
    kind: DeptKind,
    branchId: id,
    headUid: id.nullable().default(null),
    reason,
  })
  .strict();
export type SaveDepartmentInput = z.infer<typeof SaveDepartmentInput>;

export const SaveBranchInput = z
  .object({
    id: slug,
    name: z.string().trim().min(1, 'required').max(100),
    nameEn: z.string().trim().max(100).optional(),
    level: z.enum(['city', 'county', 'office']),
    parentId: id.nullable().default(null),
    reason,
  })
  .strict();
export type SaveBranchInput = z.infer<typeof SaveBranchInput>;

export interface StaffView {
  uid: string;
  displayName: string;
  email: string;
  role: Role;
  deptId: string;
  branchId: string;
  locale: Locale;
  disabled: boolean;
  /** Settlement authority (mall rules); null = none. */
  authorityLevel: Authority | null;
}

export interface DepartmentView {
  id: string;
  name: string;
  nameEn: string | null;
  kind: DeptKind;
  branchId: string;
  headUid: string | null;
}

export interface BranchView {
  id: string;
  name: string;
  nameEn: string | null;
  level: 'city' | 'county' | 'office';
  parentId: string | null;
}

export function departmentView(id: string, d: Department): DepartmentView {
  return { id, name: d.name, nameEn: d.nameEn ?? null, kind: d.kind, branchId: d.branchId, headUid: d.headUid };
}

export function branchView(id: string, b: Branch): BranchView {
  return { id, name: b.name, nameEn: b.nameEn ?? null, level: b.level, parentId: b.parentId };
}

export interface AuditEntryView {
  id: string;
  action: AuditAction;
  at: string;
  actorUid: string;
  actorName: string;
  actorRole: string;
  /** The category in both languages. */
  actionLabel: Label;
  target: { type: string; id: string };
  /** What the target is called: ticket number, staff member's name, department or branch name, config name. */
  targetName: Label | null;
  reason: string;
  changes: Record<string, { from: unknown; to: unknown }>;
}

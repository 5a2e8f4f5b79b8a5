/**
 * Callables of the staff-management and audit-log pages. Kept apart from api.ts so the admin
 * pages stay self-contained; main.ts hands over the app's Functions instance once at boot.
 */
import { httpsCallable, type Functions } from 'firebase/functions';
import type { z } from 'zod';
import type {
  AuditEntryView, BranchView, CreateStaffInput, DepartmentView, ListAuditLogInput, SetStaffDisabledInput, StaffView,
  UpdateStaffInput,
} from '../../../functions/src/domain/org/api';

let functions: Functions | null = null;

export function setAdminFunctions(f: Functions): void {
  functions = f;
}

function call<I, O>(name: string): (input: I) => Promise<O> {
  return async (input: I) => {
    if (!functions) throw new Error('admin API used before setAdminFunctions');
    return (await httpsCallable<I, O>(functions, name)(input)).data;
  };
}

export const adminApi = {
  listOrg: call<Record<string, never>, { branches: BranchView[]; departments: DepartmentView[] }>('listOrg'),
  listStaff: call<{ deptId?: string }, { staff: StaffView[] }>('listStaff'),
  createStaff: call<z.input<typeof CreateStaffInput>, { uid: string }>('adminCreateStaff'),
  updateStaff: call<z.input<typeof UpdateStaffInput>, StaffView>('adminUpdateStaff'),
  setStaffDisabled: call<z.input<typeof SetStaffDisabledInput>, StaffView>('adminSetStaffDisabled'),
  listAuditLog: call<z.input<typeof ListAuditLogInput>, { entries: AuditEntryView[] }>('listAuditLog'),
};

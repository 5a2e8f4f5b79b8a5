/** Organisation and administration: departments, branches, staff, audit log. */
import type { z } from 'zod';
import type {
  AuditEntryView, BranchView, CreateStaffInput, DepartmentView, ListAuditLogInput, SaveBranchInput, SaveDepartmentInput,
  SetStaffDisabledInput, StaffView, UpdateStaffInput,
} from '../../../functions/src/domain/org/api';
import { callable } from './call';

type Empty = Record<string, never>;
const listOrgCall = callable<Empty, { branches: BranchView[]; departments: DepartmentView[] }>('listOrg');
export const listOrg = (): Promise<{ branches: BranchView[]; departments: DepartmentView[] }> => listOrgCall({});
export const listStaff = callable<{ deptId?: string }, { staff: StaffView[] }>('listStaff');
export const createStaff = callable<z.input<typeof CreateStaffInput>, { uid: string }>('adminCreateStaff');
export const updateStaff = callable<z.input<typeof UpdateStaffInput>, StaffView>('adminUpdateStaff');
export const setStaffDisabled = callable<z.input<typeof SetStaffDisabledInput>, StaffView>('adminSetStaffDisabled');
export const saveDepartment = callable<z.input<typeof SaveDepartmentInput>, DepartmentView>('adminSaveDepartment');
export const saveBranch = callable<z.input<typeof SaveBranchInput>, BranchView>('adminSaveBranch');
export const listAuditLog = callable<z.input<typeof ListAuditLogInput>, { entries: AuditEntryView[] }>('listAuditLog');

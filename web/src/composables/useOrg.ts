/** Departments and branches (listOrg), loaded once per session and shared by the pages that name them. */
import { reactive } from 'vue';
import type { BranchView, DepartmentView } from '../../../functions/src/domain/org/api';
import type { Label } from '../../../functions/src/domain/vocabulary';
import { listOrg } from '../api/org';

export const org = reactive({ departments: [] as DepartmentView[], branches: [] as BranchView[], loaded: false });
let pending: Promise<void> | null = null;

export function loadOrg(force = false): Promise<void> {
  if (org.loaded && !force) return Promise.resolve();
  pending ??= listOrg().then((res) => {
    org.departments = res.departments;
    org.branches = res.branches;
    org.loaded = true;
  }).finally(() => { pending = null; });
  return pending;
}

/** A department or branch name as a Label (English falls back to the Chinese name). */
export function nameLabel(x: { name: string; nameEn: string | null } | undefined, fallback: string): Label {
  return x ? { 'zh-CN': x.name, en: x.nameEn ?? x.name } : { 'zh-CN': fallback, en: fallback };
}

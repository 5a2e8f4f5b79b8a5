/** #/admin/staff — staff list; admins create staff, change role or department, disable / enable. */
import { ROLE_LABELS, Role } from '../../../functions/src/domain/vocabulary';
import type { DepartmentView, BranchView, StaffView } from '../../../functions/src/domain/org/api';
import type { Ctx } from '../context';
import { h, replaceChildren } from '../dom';
import { describeError, fieldErrors } from '../errors';
import { label, locale } from '../i18n';
import { adminApi } from './adminApi';
import { at } from './adminText';

const deptName = (d: DepartmentView | undefined, id: string): string =>
  d ? (locale() === 'en' && d.nameEn ? d.nameEn : d.name) : id;
const branchName = (b: BranchView | undefined, id: string): string =>
  b ? (locale() === 'en' && b.nameEn ? b.nameEn : b.name) : id;

function roleSelect(value: string, testid: string): HTMLSelectElement {
  return h('select', { testid, value }, ...Role.options.map((r) => h('option', { attrs: { value: r } }, label(ROLE_LABELS, r))));
}

function deptSelect(depts: DepartmentView[], branches: BranchView[], value: string, testid: string): HTMLSelectElement {
  const b = new Map(branches.map((x) => [x.id, x]));
  return h('select', { testid, value },
    ...depts.map((d) => h('option', { attrs: { value: d.id } }, `${deptName(d, d.id)} · ${branchName(b.get(d.branchId), d.branchId)}`)));
}

export function renderStaff(ctx: Ctx, root: HTMLElement): void {
  const canEdit = ctx.me.role === 'admin';
  const message = h('p', { class: 'muted', testid: 'staff-message', attrs: { hidden: true, role: 'status' } });
  const error = h('p', { class: 'form-error', testid: 'staff-error', attrs: { hidden: true, role: 'alert' } });
  const body = h('div', { testid: 'staff-list' }, h('p', { class: 'muted' }, '…'));
  const form = h('div');
  let depts: DepartmentView[] = [];
  let branches: BranchView[] = [];

  const say = (text: string | null, err: unknown = null): void => {
    message.hidden = text === null;
    message.textContent = text ?? '';
    error.hidden = err === null;
    const fields = fieldErrors(err);
    error.textContent = err === null ? '' : fields ? Object.entries(fields).map(([k, v]) => `${k}: ${v}`).join('; ') : describeError(err);
  };

  const askReason = (): string | null => {
    const r = window.prompt(at('reasonPrompt'));
    return r && r.trim() ? r.trim() : null;
  };

  const row = (s: StaffView): HTMLElement => {
    const role = roleSelect(s.role, 'staff-role');
    const dept = deptSelect(depts, branches, s.deptId, 'staff-dept');
    const b = new Map(branches.map((x) => [x.id, x]));
    const save = async (): Promise<void> => {
      const reason = askReason();
      if (!reason) return;
      try {
        await adminApi.updateStaff({ uid: s.uid, role: role.value as StaffView['role'], deptId: dept.value, reason });
        say(at('saved'));
        await load();
      } catch (err) {
        say(null, err);
      }
    };
    const toggle = async (): Promise<void> => {
      const reason = askReason();
      if (!reason) return;
      try {
        await adminApi.setStaffDisabled({ uid: s.uid, disabled: !s.disabled, reason });
        say(at('saved'));
        await load();
      } catch (err) {
        say(null, err);
      }
    };
    return h('tr', { testid: 'staff-row', attrs: { 'data-uid': s.uid, 'data-disabled': s.disabled } },
      h('td', {}, s.displayName),
      h('td', { class: 'mono' }, s.email),
      h('td', {}, canEdit ? role : label(ROLE_LABELS, s.role)),
      h('td', {}, canEdit ? dept : deptName(depts.find((d) => d.id === s.deptId), s.deptId)),
      h('td', {}, branchName(b.get(s.branchId), s.branchId)),
      h('td', { testid: 'staff-status' }, s.disabled ? at('disabled') : at('active')),
      h('td', {}, canEdit ? h('span', { class: 'page-tools' },
        h('button', { class: 'secondary', testid: 'staff-save', attrs: { type: 'button' }, on: { click: () => void save() } }, at('save')),
        h('button', { class: 'link-button', testid: 'staff-toggle', attrs: { type: 'button' }, on: { click: () => void toggle() } },
          s.disabled ? at('enable') : at('disable'))) : null));
  };

  const createForm = (): HTMLElement => {
    const email = h('input', { testid: 'new-staff-email', attrs: { type: 'email', required: true } });
    const name = h('input', { testid: 'new-staff-name', attrs: { required: true } });
    const role = roleSelect('staff', 'new-staff-role');
    const dept = deptSelect(depts, branches, depts[0]?.id ?? '', 'new-staff-dept');
    const password = h('input', { testid: 'new-staff-password', attrs: { type: 'password', autocomplete: 'new-password' } });
    const reason = h('input', { testid: 'new-staff-reason' });
    const field = (text: string, input: HTMLElement): HTMLElement => h('label', { class: 'field' }, h('span', {}, text), input);
    const submit = async (ev: Event): Promise<void> => {
      ev.preventDefault();
      try {
        await adminApi.createStaff({
          email: email.value.trim(), displayName: name.value.trim(), role: role.value as StaffView['role'], deptId: dept.value,
          ...(password.value ? { password: password.value } : {}), ...(reason.value.trim() ? { reason: reason.value.trim() } : {}),
        });
        say(at('created'));
        email.value = name.value = password.value = reason.value = '';
        await load();
      } catch (err) {
        say(null, err);
      }
    };
    return h('form', { class: 'card', testid: 'new-staff-form', on: { submit: (ev) => void submit(ev) } },
      h('h2', {}, at('addStaff')),
      h('div', { class: 'form-grid' },
        field(at('colEmail'), email), field(at('colName'), name), field(at('colRole'), role), field(at('colDept'), dept),
        field(at('password'), password), field(at('reason'), reason)),
      h('button', { class: 'primary', testid: 'new-staff-submit', attrs: { type: 'submit' } }, at('create')));
  };

  const load = async (): Promise<void> => {
    try {
      const [org, list] = await Promise.all([adminApi.listOrg({}), adminApi.listStaff({})]);
      depts = org.departments;
      branches = org.branches;
      replaceChildren(body, h('table', { class: 'tickets' },
        h('thead', {}, h('tr', {}, ...(['colName', 'colEmail', 'colRole', 'colDept', 'colBranch', 'colStatus', 'colActions'] as const).map((k) => h('th', {}, at(k))))),
        h('tbody', {}, ...list.staff.map(row))));
      if (canEdit && !form.firstChild) form.replaceChildren(createForm());
    } catch (err) {
      replaceChildren(body, h('p', { class: 'form-error' }, describeError(err)));
    }
  };

  root.replaceChildren(h('section', { class: 'page' },
    h('div', { class: 'page-head' }, h('h1', {}, at('staffTitle')), canEdit ? null : h('span', { class: 'muted' }, at('staffReadOnly'))),
    message, error, body, form));
  void load();
}

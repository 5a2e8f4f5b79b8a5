/** #/admin/audit — the audit log for admins and auditors, newest first, by action, paged. */
import type { AuditEntryView } from '../../../functions/src/domain/org/api';
import { ROLE_LABELS } from '../../../functions/src/domain/vocabulary';
import type { Ctx } from '../context';
import { h, replaceChildren } from '../dom';
import { describeError } from '../errors';
import { formatInstant } from '../format';
import { label } from '../i18n';
import { adminApi } from './adminApi';
import { AUDIT_ACTION_LABELS, at } from './adminText';

const PAGE = 50;

function changes(c: AuditEntryView['changes']): string {
  return Object.entries(c).map(([k, v]) => `${k}: ${JSON.stringify(v.from)} → ${JSON.stringify(v.to)}`).join('; ');
}

export function renderAuditLog(_ctx: Ctx, root: HTMLElement): void {
  const body = h('tbody', { testid: 'audit-rows' });
  const status = h('p', { class: 'muted', testid: 'audit-status' });
  const action = h('select', { testid: 'audit-action' },
    h('option', { attrs: { value: '' } }, at('allActions')),
    ...Object.keys(AUDIT_ACTION_LABELS).map((a) => h('option', { attrs: { value: a } }, label(AUDIT_ACTION_LABELS, a))));
  let last: string | undefined;

  const row = (e: AuditEntryView): HTMLElement => h('tr', { testid: 'audit-row', attrs: { 'data-action': e.action } },
    h('td', {}, h('time', { attrs: { datetime: e.at } }, formatInstant(e.at))),
    h('td', {}, label(AUDIT_ACTION_LABELS, e.action)),
    h('td', {}, e.actorName, h('span', { class: 'muted' }, ` · ${e.actorRole === 'system' ? 'system' : label(ROLE_LABELS, e.actorRole)}`)),
    h('td', { class: 'mono' }, `${e.target.type}/${e.target.id}`),
    h('td', {}, e.reason),
    h('td', { class: 'mono' }, changes(e.changes)));

  const load = async (more: boolean): Promise<void> => {
    try {
      const res = await adminApi.listAuditLog({
        limit: PAGE, ...(action.value ? { action: action.value as AuditEntryView['action'] } : {}), ...(more && last ? { before: last } : {}),
      });
      if (!more) body.replaceChildren();
      for (const e of res.entries) body.appendChild(row(e));
      last = res.entries.at(-1)?.at ?? last;
      olderButton.hidden = res.entries.length < PAGE;
      status.textContent = body.childElementCount === 0 ? at('noEntries') : '';
    } catch (err) {
      replaceChildren(status, describeError(err));
    }
  };
  const olderButton = h('button', { class: 'secondary', testid: 'audit-older', attrs: { type: 'button', hidden: true }, on: { click: () => void load(true) } }, at('older'));
  action.addEventListener('change', () => { last = undefined; void load(false); });

  root.replaceChildren(h('section', { class: 'page' },
    h('div', { class: 'page-head' }, h('h1', {}, at('auditTitle')), h('div', { class: 'page-tools' }, action)),
    h('table', { class: 'tickets' },
      h('thead', {}, h('tr', {}, ...(['colAt', 'colAction', 'colActor', 'colTarget', 'colReason', 'colChanges'] as const).map((k) => h('th', {}, at(k))))),
      body),
    status, olderButton));
  void load(false);
}

import { CreateTicketInput, type ClientOption } from '../../../functions/src/domain/api';
import {
  CHANNEL_LABELS, COMPLAINT_SUBJECT_LABELS, Channel, ComplaintSubject, TICKET_KIND_LABELS, TicketKind,
} from '../../../functions/src/domain/vocabulary';
import type { CreateTicketRequest } from '../api';
import type { Ctx } from '../context';
import { h, replaceChildren, type Child } from '../dom';
import { describeError, fieldErrors } from '../errors';
import { label, t, type MessageKey } from '../i18n';

/** The form's values, kept across re-renders (e.g. a language switch) until submitted. */
interface Draft {
  clientId: string;
  kind: TicketKind;
  subject: ComplaintSubject | '';
  channel: Channel;
  title: string;
  description: string;
  claimedAmount: string;
  compensation: boolean;
  againstOfficeDirector: boolean;
  major: boolean;
  reporterName: string;
  reporterPhone: string;
  reporterEmail: string;
  reporterConsent: boolean;
  /** One id per submission: a double click or a retried request files one ticket. */
  requestId: string;
}

function emptyDraft(): Draft {
  return {
    requestId: crypto.randomUUID(),
    clientId: '', kind: 'complaint', subject: '', channel: 'hotline', title: '', description: '', claimedAmount: '',
    compensation: false, againstOfficeDirector: false, major: false,
    reporterName: '', reporterPhone: '', reporterEmail: '', reporterConsent: false,
  };
}

let draft: Draft = emptyDraft();

type Issue = NonNullable<ReturnType<typeof CreateTicketInput.safeParse>['error']>['issues'][number];

/** The request the draft stands for, or a field error the schema cannot express. */
function toRequest(d: Draft): { req: CreateTicketRequest; amountError: boolean } {
  const req: CreateTicketRequest = {
    requestId: d.requestId, clientId: d.clientId, kind: d.kind, channel: d.channel, title: d.title, description: d.description,
    compensation: d.compensation, againstOfficeDirector: d.againstOfficeDirector, major: d.major,
  };
  if (d.kind === 'complaint' && d.subject !== '') req.subject = d.subject;
  let amountError = false;
  if (d.claimedAmount.trim() !== '') {
    const n = Number(d.claimedAmount);
    if (Number.isFinite(n)) req.claimedAmount = n;
    else amountError = true;
  }
  const anyReporter = [d.reporterName, d.reporterPhone, d.reporterEmail].some((s) => s.trim() !== '') || d.reporterConsent;
  if (anyReporter) {
    req.reporter = {
      name: d.reporterName.trim(), phone: d.reporterPhone.trim(), email: d.reporterEmail.trim(), consentToContact: d.reporterConsent,
    };
  }
  return { req, amountError };
}

const SERVER_MESSAGES: Readonly<Record<string, MessageKey>> = {
  required: 'vRequired',
  'Invalid email address': 'vEmail',
  'a complaint needs a subject': 'vSubjectNeeded',
  'only complaints have a subject': 'vSubjectOnlyComplaint',
};

function localizeServerMessage(msg: string): string {
  const key = SERVER_MESSAGES[msg];
  return key ? t(key) : msg;
}

function localizeIssue(path: string, issue: Issue): string {
  if (issue.code === 'custom') return localizeServerMessage(issue.message);
  if (path === 'reporter.name') return t('vReporterName');
  switch (issue.code) {
    case 'too_small':
      return issue.origin === 'number' ? t('vNumber') : t('vRequired');
    case 'too_big':
      return t('vTooLong');
    case 'invalid_format':
      return issue.format === 'email' ? t('vEmail') : t('vInvalid');
    default:
      return path === 'clientId' ? t('vRequired') : t('vInvalid');
  }
}

/** Client-side check with the same zod schema the server uses; messages in the UI language. */
function validate(d: Draft): Record<string, string> {
  const { req, amountError } = toRequest(d);
  const out: Record<string, string> = {};
  const result = CreateTicketInput.safeParse(req);
  if (!result.success) {
    for (const issue of result.error.issues) {
      const path = issue.path.map(String).join('.');
      out[path] ??= localizeIssue(path, issue);
    }
  }
  if (amountError) out['claimedAmount'] = t('vNumber');
  return out;
}

export function renderNewTicket(ctx: Ctx, root: HTMLElement): void {
  const errorSlots = new Map<string, HTMLElement>();
  const general = h('p', { class: 'form-error', testid: 'ticket-form-error', attrs: { role: 'alert', hidden: true } });

  const errorSlot = (path: string): HTMLElement => {
    const slot = h('p', { class: 'field-error', testid: `field-error-${path}`, attrs: { hidden: true, id: `err-${path}` } });
    errorSlots.set(path, slot);
    return slot;
  };
  const field = (path: string, text: string, control: HTMLElement, opts: { required?: boolean; wide?: boolean } = {}): HTMLElement => {
    control.id = `f-${path}`;
    control.setAttribute('aria-describedby', `err-${path}`);
    return h('div', { class: opts.wide ? 'field wide' : 'field', attrs: { 'data-field': path } },
      h('label', { attrs: { for: control.id } }, text, opts.required ? h('span', { class: 'req', attrs: { 'aria-hidden': 'true' } }, ' *') : null),
      control,
      errorSlot(path));
  };
  const checkbox = (path: string, text: string, testid: string, checked: boolean, set: (v: boolean) => void): HTMLElement => {
    const box = h('input', { testid, checked, attrs: { type: 'checkbox', id: `f-${path}` }, on: { change: () => set(box.checked) } });
    return h('div', { class: 'check' }, box, h('label', { attrs: { for: `f-${path}` } }, text), errorSlot(path));
  };
  const textInput = (testid: string, value: string, set: (v: string) => void, attrs: Record<string, string | number | boolean> = {}): HTMLInputElement => {
    const el = h('input', { testid, value, attrs: { type: 'text', ...attrs }, on: { input: () => set(el.value) } });
    return el;
  };
  const options = <K extends string>(labels: Readonly<Record<K, { 'zh-CN': string; en: string }>>, keys: readonly K[]): Child[] =>
    keys.map((k) => h('option', { attrs: { value: k } }, label(labels, k)));

  const clientSelect = h('select', {
    testid: 'ticket-client', attrs: { disabled: true, required: true },
    on: { change: () => { draft.clientId = clientSelect.value; } },
  }, h('option', { attrs: { value: '' } }, t('loading')));

  const kindSelect = h('select', {
    testid: 'ticket-kind', value: draft.kind,
    on: {
      change: () => {
        const parsed = TicketKind.safeParse(kindSelect.value);
        if (parsed.success) draft.kind = parsed.data;
        subjectField.hidden = draft.kind !== 'complaint';
      },
    },
  }, ...options(TICKET_KIND_LABELS, TicketKind.options));

  const subjectSelect = h('select', {
    testid: 'ticket-subject', value: draft.subject,
    on: {
      change: () => {
        const parsed = ComplaintSubject.safeParse(subjectSelect.value);
        draft.subject = parsed.success ? parsed.data : '';
      },
    },
  }, h('option', { attrs: { value: '' } }, t('chooseSubject')), ...options(COMPLAINT_SUBJECT_LABELS, ComplaintSubject.options));
  const subjectField = field('subject', t('fieldSubject'), subjectSelect, { required: true });
  subjectField.hidden = draft.kind !== 'complaint';

  const channelSelect = h('select', {
    testid: 'ticket-channel', value: draft.channel,
    on: {
      change: () => {
        const parsed = Channel.safeParse(channelSelect.value);
        if (parsed.success) draft.channel = parsed.data;
      },
    },
  }, ...options(CHANNEL_LABELS, Channel.options));

  const description = h('textarea', {
    testid: 'ticket-description', value: draft.description, attrs: { rows: 5, maxlength: 5000 },
    on: { input: () => { draft.description = description.value; } },
  });

  const submit = h('button', { class: 'primary', testid: 'ticket-submit', attrs: { type: 'submit' } }, t('submit'));

  const showErrors = (errors: Record<string, string>): void => {
    for (const slot of errorSlots.values()) { slot.hidden = true; slot.textContent = ''; }
    for (const el of form.querySelectorAll('.invalid')) el.classList.remove('invalid');
    const unplaced: string[] = [];
    for (const [path, msg] of Object.entries(errors)) {
      const slot = errorSlots.get(path);
      if (slot) {
        slot.textContent = msg;
        slot.hidden = false;
        slot.parentElement?.classList.add('invalid');
      } else {
        unplaced.push(`${path}: ${msg}`);
      }
    }
    const any = Object.keys(errors).length > 0;
    general.hidden = !any;
    general.textContent = any ? [t('formHasErrors'), ...unplaced].join(' · ') : '';
    form.querySelector<HTMLElement>('.invalid input, .invalid select, .invalid textarea')?.focus();
  };

  const form = h('form', {
    class: 'card ticket-form', attrs: { novalidate: true },
    on: {
      submit: (ev) => {
        ev.preventDefault();
        const errors = validate(draft);
        showErrors(errors);
        if (Object.keys(errors).length > 0) return;
        submit.disabled = true;
        submit.textContent = t('submitting');
        ctx.api.createTicket(toRequest(draft).req).then(({ ticketId }) => {
          draft = emptyDraft();
          ctx.navigate(`#/tickets/${encodeURIComponent(ticketId)}`);
        }, (err: unknown) => {
          submit.disabled = false;
          submit.textContent = t('submit');
          const fields = fieldErrors(err);
          if (fields) {
            const localized: Record<string, string> = {};
            for (const [path, msg] of Object.entries(fields)) localized[path] = localizeServerMessage(msg);
            showErrors(localized);
          } else {
            showErrors({});
            general.textContent = describeError(err);
            general.hidden = false;
          }
        });
      },
    },
  },
  h('h1', {}, t('newTicketTitle')),
  h('div', { class: 'grid' },
    field('clientId', t('fieldClient'), clientSelect, { required: true }),
    field('kind', t('fieldKind'), kindSelect, { required: true }),
    subjectField,
    field('channel', t('fieldChannel'), channelSelect, { required: true }),
    field('title', t('fieldTitle'), textInput('ticket-title', draft.title, (v) => { draft.title = v; }, { maxlength: 200, required: true }),
      { required: true, wide: true }),
    field('description', t('fieldDescription'), description, { wide: true }),
    field('claimedAmount', t('fieldClaimedAmount'),
      textInput('ticket-claimed-amount', draft.claimedAmount, (v) => { draft.claimedAmount = v; }, { inputmode: 'decimal' }))),
  h('fieldset', { class: 'flags' },
    h('legend', {}, t('flagsLegend')),
    checkbox('compensation', t('fieldCompensation'), 'ticket-compensation', draft.compensation, (v) => { draft.compensation = v; }),
    checkbox('againstOfficeDirector', t('fieldAgainstOfficeDirector'), 'ticket-against-director', draft.againstOfficeDirector,
      (v) => { draft.againstOfficeDirector = v; }),
    checkbox('major', t('fieldMajor'), 'ticket-major', draft.major, (v) => { draft.major = v; })),
  h('fieldset', { class: 'reporter', testid: 'reporter-section' },
    h('legend', {}, t('reporterLegend')),
    h('p', { class: 'hint' }, t('reporterHint')),
    h('div', { class: 'grid' },
      field('reporter.name', t('fieldReporterName'),
        textInput('reporter-name', draft.reporterName, (v) => { draft.reporterName = v; }, { maxlength: 100, autocomplete: 'off' })),
      field('reporter.phone', t('fieldReporterPhone'),
        textInput('reporter-phone', draft.reporterPhone, (v) => { draft.reporterPhone = v; }, { type: 'tel', maxlength: 40, autocomplete: 'off' })),
      field('reporter.email', t('fieldReporterEmail'),
        textInput('reporter-email', draft.reporterEmail, (v) => { draft.reporterEmail = v; }, { type: 'email', autocomplete: 'off' }))),
    checkbox('reporter.consentToContact', t('fieldReporterConsent'), 'reporter-consent', draft.reporterConsent,
      (v) => { draft.reporterConsent = v; })),
  general,
  h('div', { class: 'form-actions' },
    h('a', { class: 'button secondary', testid: 'ticket-cancel', attrs: { href: '#/tickets' } }, t('cancel')),
    submit));

  root.replaceChildren(h('section', { class: 'page' }, form));

  ctx.api.listClients().then(({ clients }) => {
    const sorted: ClientOption[] = [...clients].sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
    replaceChildren(clientSelect,
      h('option', { attrs: { value: '' } }, t('chooseClient')),
      ...sorted.map((c) => h('option', { attrs: { value: c.id } }, `${c.name} · ${c.code}`)));
    if (!sorted.some((c) => c.id === draft.clientId)) draft.clientId = '';
    clientSelect.value = draft.clientId;
    clientSelect.disabled = false;
  }, (err: unknown) => {
    replaceChildren(clientSelect, h('option', { attrs: { value: '' } }, describeError(err)));
  });
}

/**
 * Lifecycle actions offered on the ticket detail page, as data: one entry per action of the
 * lifecycle table (functions/src/domain/lifecycle/machine.ts) describing the small inline form
 * that collects its input. The browser never decides who may do what: the detail page renders
 * a button only for the actions the server lists in `lifecycle.allowedActions`. The input is
 * validated here with the very zod schema the server uses (`MACHINE[action].input`), then sent
 * to `transitionTicket` with the state and event seq of the ticket on screen.
 */
import { schemaErrors } from '../../utils/zodForm';
import type { TicketDetailView } from '../../../../functions/src/domain/api';
import { MACHINE, TICKET_ACTIONS as ACTION_IDS, type TicketAction as ActionId } from '../../../../functions/src/domain/lifecycle/machine';
import type { Label } from '../../../../functions/src/domain/vocabulary';
import type { MessageKey } from '../../locales';
import type { StaffOption } from '../../api/pending';

export type { ActionId };

/** What a form control holds: text for inputs/selects, a flag for checkboxes. */
export type FieldValue = string | boolean;
export type FormValues = Record<string, FieldValue>;

export interface Option {
  value: string;
  /** A message key, or literal text (e.g. a department name). */
  label: MessageKey | { text: string };
}

/** Facts some forms need besides the ticket (loaded by the detail page). */
export interface FormEnv {
  detail: TicketDetailView;
  /** Departments a ticket may be transferred to (empty until loaded). */
  departments: readonly { id: string; name: string }[];
  /** Active staff of the owning department (assign picker; empty until loaded). */
  staff: readonly StaffOption[];
}

export interface ActionField {
  /** The input field's name in the action's schema (server `details.fields` use the same path). */
  name: string;
  label: MessageKey;
  control: 'text' | 'textarea' | 'select' | 'radio' | 'checkbox' | 'datetime' | 'staff' | 'ticketNumber';
  /** Required by the schema (shows an asterisk; the schema decides). */
  required?: boolean;
  /** Left out of the input when blank (optional fields without a server default). */
  omitIfBlank?: boolean;
  /** How the control's text becomes the input value. */
  type?: 'string' | 'boolean' | 'integer';
  options?: (env: FormEnv) => Option[];
  hint?: MessageKey;
  /** Shown only when this says so (e.g. callback outcome = reached). */
  showIf?: (values: FormValues) => boolean;
  initial?: (env: FormEnv) => FieldValue;
  maxLength?: number;
}

export interface ActionForm {
  id: ActionId;
  /** Visual weight of the button. */
  tone: 'primary' | 'secondary' | 'danger';
  /** A sentence above the fields, when the action needs explaining. */
  intro?: MessageKey;
  fields: readonly ActionField[];
  /** Extra input the page supplies (e.g. the escalation level on screen, for idempotency). */
  extra?: (env: FormEnv) => Record<string, unknown>;
  /** Irreversible or weighty: confirmed in a dialog whose buttons say exactly what happens. */
  confirm?: { message: MessageKey; ok: MessageKey; back: MessageKey };
  /** A button label more explicit than the table's (e.g. 撤销工单 / Withdraw ticket, not 取消 / Cancel). */
  buttonLabel?: Label;
}

const yesNo = (): Option[] => [
  { value: 'yes', label: 'yes' },
  { value: 'no', label: 'no' },
];

const reason = (label: MessageKey = 'fReason', max = 500): ActionField =>
  ({ name: 'reason', label, control: 'textarea', required: true, maxLength: max });
const note = (max = 500): ActionField => ({ name: 'note', label: 'fNote', control: 'textarea', maxLength: max });
const isReached = (v: FormValues): boolean => v['outcome'] === 'reached';

/** One form per action of the lifecycle table; `satisfies` makes a missing action a type error. */
const FORMS = {
  accept: { id: 'accept', tone: 'primary', intro: 'introAccept', fields: [] },
  assign: {
    id: 'assign', tone: 'secondary',
    fields: [
      { name: 'assigneeUid', label: 'fAssignee', control: 'staff', required: true, hint: 'hintAssignee' },
      note(),
    ],
  },
  transfer: {
    id: 'transfer', tone: 'secondary',
    fields: [
      {
        name: 'toDeptId', label: 'fToDept', control: 'select', required: true,
        options: (env) => [
          { value: '', label: 'choose' },
          ...env.departments.filter((d) => d.id !== env.detail.ticket.ownerDeptId).map((d) => ({ value: d.id, label: { text: d.name } })),
        ],
      },
      reason(),
    ],
  },
  wait_on_client: { id: 'wait_on_client', tone: 'secondary', intro: 'introWait', fields: [reason()] },
  resume: { id: 'resume', tone: 'primary', fields: [note()] },
  submit_resolution: {
    id: 'submit_resolution', tone: 'primary', intro: 'introSubmitResolution',
    fields: [
      { name: 'cause', label: 'fCause', control: 'textarea', required: true, maxLength: 2000 },
      { name: 'measures', label: 'fMeasures', control: 'textarea', required: true, maxLength: 2000 },
      { name: 'prevention', label: 'fPrevention', control: 'textarea', maxLength: 2000 },
    ],
  },
  resolve: {
    id: 'resolve', tone: 'primary', intro: 'introResolve',
    fields: [
      { name: 'cause', label: 'fCause', control: 'textarea', omitIfBlank: true, maxLength: 2000, initial: (e) => e.detail.lifecycle.resolution?.cause ?? '' },
      { name: 'measures', label: 'fMeasures', control: 'textarea', omitIfBlank: true, maxLength: 2000, initial: (e) => e.detail.lifecycle.resolution?.measures ?? '' },
      { name: 'prevention', label: 'fPrevention', control: 'textarea', omitIfBlank: true, maxLength: 2000, initial: (e) => e.detail.lifecycle.resolution?.prevention ?? '' },
    ],
  },
  request_callback: { id: 'request_callback', tone: 'primary', fields: [note()] },
  callback: {
    id: 'callback', tone: 'primary', intro: 'introCallback',
    fields: [
      {
        name: 'outcome', label: 'fOutcome', control: 'radio', required: true, initial: () => 'reached',
        options: () => [
          { value: 'reached', label: 'outcome_reached' },
          { value: 'unreachable', label: 'outcome_unreachable' },
          { value: 'refused', label: 'outcome_refused' },
        ],
      },
      { name: 'satisfied', label: 'fSatisfied', control: 'radio', type: 'boolean', required: true, options: yesNo, showIf: isReached },
      {
        name: 'score', label: 'fScore', control: 'radio', type: 'integer', required: true, showIf: isReached,
        options: () => [5, 4, 3, 2, 1].map((n) => ({ value: String(n), label: { text: String(n) } })),
      },
      { name: 'awareOfChannel', label: 'fAwareOfChannel', control: 'checkbox', type: 'boolean', showIf: isReached },
      { name: 'comments', label: 'fComments', control: 'textarea', maxLength: 2000, showIf: isReached },
      { name: 'nextTryAt', label: 'fNextTryAt', control: 'datetime', omitIfBlank: true, showIf: (v) => !isReached(v) },
      { ...note(), showIf: (v) => !isReached(v) },
    ],
  },
  close: { id: 'close', tone: 'primary', fields: [note()] },
  verify: {
    id: 'verify', tone: 'primary', intro: 'introVerify',
    fields: [{ name: 'evidence', label: 'fEvidence', control: 'textarea', required: true, maxLength: 2000 }],
  },
  publish_corrective_report: {
    id: 'publish_corrective_report', tone: 'secondary', intro: 'introReport',
    fields: [
      { name: 'causeAnalysis', label: 'fCauseAnalysis', control: 'textarea', required: true, maxLength: 4000 },
      { name: 'measures', label: 'fMeasures', control: 'textarea', required: true, maxLength: 4000 },
      { name: 'prevention', label: 'fPrevention', control: 'textarea', required: true, maxLength: 4000 },
    ],
  },
  escalate: {
    id: 'escalate', tone: 'secondary', fields: [reason()],
    extra: (env) => ({ expectedLevel: env.detail.lifecycle.escalationLevel }),
  },
  cancel: {
    id: 'cancel', tone: 'danger', intro: 'introCancel',
    confirm: { message: 'confirmCancelTicket', ok: 'confirmCancelTicketOk', back: 'keepTicket' },
    buttonLabel: { 'zh-CN': '撤销工单', en: 'Withdraw ticket' },
    fields: [
      {
        name: 'reason', label: 'fCancelReason', control: 'select', required: true,
        options: () => [
          { value: '', label: 'choose' },
          { value: 'duplicate', label: 'cancel_duplicate' },
          { value: 'malicious', label: 'cancel_malicious' },
        ],
      },
      { name: 'duplicateOf', label: 'fDuplicateOf', control: 'ticketNumber', omitIfBlank: true, maxLength: 128, hint: 'hintDuplicateOf', showIf: (v) => v['reason'] === 'duplicate' },
      { name: 'note', label: 'fNote', control: 'textarea', required: true, maxLength: 1000 },
    ],
  },
  reopen: {
    id: 'reopen', tone: 'danger', intro: 'introReopen', fields: [reason('fReopenReason', 1000)],
    confirm: { message: 'confirmReopen', ok: 'confirmReopenOk', back: 'dontReopen' },
    buttonLabel: { 'zh-CN': '重新打开工单', en: 'Reopen ticket' },
  },
  return_resolution: { id: 'return_resolution', tone: 'secondary', fields: [reason('fReason', 1000)] },
  mark_major: { id: 'mark_major', tone: 'danger', fields: [reason('fReason', 1000)] },
  promise_answer: {
    id: 'promise_answer', tone: 'secondary',
    fields: [
      { name: 'promisedAt', label: 'fPromisedAt', control: 'datetime', required: true },
      { name: 'note', label: 'fNote', control: 'textarea', omitIfBlank: true, maxLength: 500 },
    ],
  },
  // Fired by the deadline timer only (on-site feedback not handled by the close of the day).
  hand_to_business: { id: 'hand_to_business', tone: 'secondary', fields: [] },
} as const satisfies Record<ActionId, ActionForm>;

export const ACTION_FORMS: Readonly<Record<ActionId, ActionForm>> = FORMS;

/** The actions the server allows, in the table's order, that this client knows a form for. */
export function offeredActions(detail: TicketDetailView): ActionForm[] {
  const allowed = new Set<string>(detail.lifecycle.allowedActions);
  return ACTION_IDS.filter((a) => allowed.has(a)).map((a) => ACTION_FORMS[a]);
}

export function visibleFields(form: ActionForm, values: FormValues): ActionField[] {
  return form.fields.filter((f) => !f.showIf || f.showIf(values));
}

export function initialValues(form: ActionForm, env: FormEnv): FormValues {
  const out: FormValues = {};
  for (const f of form.fields) {
    out[f.name] = f.initial ? f.initial(env) : f.control === 'checkbox' ? false : (f.options?.(env)[0]?.value ?? '');
  }
  return out;
}

/** The action's input from the form's values (only visible fields), before validation. */
export function toInput(form: ActionForm, values: FormValues, env: FormEnv): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of visibleFields(form, values)) {
    const v = values[f.name];
    if (typeof v === 'boolean') { out[f.name] = v; continue; }
    const s = (v ?? '').trim();
    if (s === '' && (f.omitIfBlank || f.type === 'boolean' || f.type === 'integer')) continue;
    if (f.type === 'boolean') out[f.name] = s === 'yes';
    else if (f.type === 'integer') out[f.name] = Number(s);
    else if (f.control === 'datetime') {
      const d = new Date(s); // datetime-local: the browser's wall clock
      out[f.name] = Number.isNaN(d.getTime()) ? s : d.toISOString();
    } else out[f.name] = v ?? '';
  }
  return { ...out, ...(form.extra?.(env) ?? {}) };
}

/** Client-side validation with the server's schema: localized messages per field path. */
export function validateAction(id: ActionId, input: Record<string, unknown>): Record<string, string> {
  return schemaErrors(MACHINE[id].input, input);
}

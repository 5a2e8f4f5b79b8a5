import type { LifecycleView, TicketDetailView, TicketEventView } from '../../../functions/src/domain/api';
import { MACHINE, type TicketAction as ActionId } from '../../../functions/src/domain/lifecycle/machine';
import { OPEN_STATES } from '../../../functions/src/domain/queues';
import type { EventType } from '../../../functions/src/domain/lifecycle/types';
import {
  AUTHORITY_LABELS, CHANNEL_LABELS, COMPLAINT_SUBJECT_LABELS, TICKET_KIND_LABELS, TICKET_STATE_LABELS,
} from '../../../functions/src/domain/vocabulary';
import {
  ACTION_FORMS, initialValues, offeredActions, toInput, validateInput, visibleFields,
  type ActionField, type FormEnv, type FormValues, type Issue,
} from '../actions';
import type { Ctx } from '../context';
import { h, replaceChildren, type Child } from '../dom';
import { describeError, errorCode, fieldErrors, refusalDetails, serverMessage } from '../errors';
import { formatAmount, formatInstant, workingTimeLeft } from '../format';
import { label, locale, t, type MessageKey } from '../i18n';
import { poll } from '../poll';
import { stateBadge } from './tickets';

export const DETAIL_POLL_MS = 3_000;

/** Every event type a ticket's history can hold, with its label: a missing one is a type error. */
const EVENT_LABELS: Readonly<Record<EventType | 'received' | 'assigned', MessageKey>> = {
  received: 'event_received',
  assigned: 'event_assigned',
  accepted: 'event_accepted',
  assignee_changed: 'event_assignee_changed',
  transferred: 'event_transferred',
  waiting_on_client: 'event_waiting_on_client',
  resumed: 'event_resumed',
  resolution_submitted: 'event_resolution_submitted',
  resolved: 'event_resolved',
  callback_requested: 'event_callback_requested',
  callback_attempted: 'event_callback_attempted',
  callback_satisfied: 'event_callback_satisfied',
  closed: 'event_closed',
  reopened: 'event_reopened',
  verified: 'event_verified',
  corrective_report_published: 'event_corrective_report_published',
  escalated: 'event_escalated',
  cancelled: 'event_cancelled',
  handed_to_business: 'event_handed_to_business',
  answer_promised: 'event_answer_promised',
};

function eventTitle(ev: TicketEventView): string {
  const key = (EVENT_LABELS as Readonly<Record<string, MessageKey | undefined>>)[ev.type];
  return key ? t(key) : ev.type;
}

function actionLabel(detail: TicketDetailView, id: ActionId): string {
  return detail.lifecycle.actionLabels[id]?.[locale()] ?? MACHINE[id].label[locale()];
}

function dl(...rows: ([string, Child, string?] | null)[]): HTMLElement {
  return h('dl', { class: 'fields' },
    ...rows.flatMap((r) => (r ? [h('dt', {}, r[0]), h('dd', { testid: r[2] }, r[1])] : [])));
}

const byAt = (name: string | null, at: string | null): string => [name, at ? formatInstant(at) : null].filter(Boolean).join(' · ');
const para = (text: string, testid?: string): HTMLElement => h('span', { class: 'pre', testid }, text || t('none'));

function timeline(events: readonly TicketEventView[]): HTMLElement {
  if (events.length === 0) return h('p', { class: 'muted', testid: 'history-empty' }, t('noEvents'));
  const sorted = [...events].sort((a, b) => a.seq - b.seq);
  return h('ol', { class: 'timeline', testid: 'ticket-history', attrs: { 'data-count': sorted.length } },
    ...sorted.map((ev) => h('li', { class: 'event', testid: 'history-event', attrs: { 'data-type': ev.type, 'data-seq': ev.seq } },
      h('div', { class: 'event-head' },
        h('strong', { testid: 'history-event-title' }, eventTitle(ev)),
        h('span', { class: 'transition' },
          ev.from && ev.from !== ev.to ? `${label(TICKET_STATE_LABELS, ev.from)} → ` : '',
          label(TICKET_STATE_LABELS, ev.to)),
        h('time', { class: 'muted', attrs: { datetime: ev.at } }, formatInstant(ev.at))),
      h('div', { class: 'event-body' },
        h('span', { class: 'muted' }, `${t('by')}: ${ev.actorName}`),
        ev.note ? h('p', { class: 'note' }, ev.note) : null))));
}

function reporterBlock(detail: TicketDetailView): HTMLElement {
  const head = h('h2', {}, t('reporterLegend'));
  if (detail.reporterRedacted) {
    return h('section', { class: 'card reporter redacted', testid: 'ticket-reporter-redacted' }, head,
      h('p', { class: 'muted', testid: 'reporter-redacted-note' }, t('reporterRedacted')));
  }
  const r = detail.reporter;
  if (!r) return h('section', { class: 'card reporter', testid: 'ticket-reporter-none' }, head, h('p', { class: 'muted' }, t('reporterNone')));
  return h('section', { class: 'card reporter', testid: 'ticket-reporter' }, head,
    dl([t('fieldReporterName'), r.name, 'reporter-name'],
      [t('fieldReporterPhone'), r.phone || t('none'), 'reporter-phone'],
      [t('fieldReporterEmail'), r.email || t('none'), 'reporter-email'],
      [t('fieldReporterConsent'), r.consentToContact ? t('consentYes') : t('consentNo')]));
}

/** The lifecycle record: resolution, callbacks, verification, report, pauses, cancellation. */
function lifecycleCards(lc: LifecycleView): HTMLElement[] {
  const cards: HTMLElement[] = [];
  const r = lc.resolution;
  if (r) {
    cards.push(h('section', { class: 'card record', testid: 'ticket-resolution' }, h('h2', {}, t('secResolution')),
      dl([t('fCause'), para(r.cause), 'resolution-cause'],
        [t('fMeasures'), para(r.measures), 'resolution-measures'],
        [t('fPrevention'), para(r.prevention), 'resolution-prevention'],
        [t('resolutionSubmittedBy'), byAt(r.submittedByName, r.submittedAt), 'resolution-submitted-by'],
        [t('resolutionSignedOffBy'), r.signedOffByName
          ? byAt(r.signedOffByName, r.signedOffAt)
          : h('span', { class: 'pending-text' }, t('awaitingSignOff')), 'resolution-signed-off-by'])));
  }
  if (lc.callbackAttempts.length > 0 || lc.callbackResult) {
    const res = lc.callbackResult;
    cards.push(h('section', { class: 'card record', testid: 'ticket-callback' }, h('h2', {}, t('secCallback')),
      res ? h('div', { class: 'callback-result', testid: 'callback-result', attrs: { 'data-satisfied': String(res.satisfied) } },
        h('h3', {}, t('callbackResultTitle')),
        dl([t('fSatisfied'), h('span', { class: res.satisfied ? 'ok-text' : 'overdue-text' }, res.satisfied ? t('satisfiedYes') : t('satisfiedNo')), 'callback-satisfied'],
          [t('fScore'), `${res.score} / 5`, 'callback-score'],
          [t('fAwareOfChannel'), res.awareOfChannel ? t('awareYes') : t('awareNo')],
          [t('fComments'), para(res.comments), 'callback-comments'],
          [t('at'), formatInstant(res.at)])) : null,
      lc.callbackAttempts.length > 0 ? h('div', {},
        h('h3', {}, t('callbackAttemptsTitle')),
        h('ol', { class: 'attempts', testid: 'callback-attempts', attrs: { 'data-count': lc.callbackAttempts.length } },
          ...lc.callbackAttempts.map((a) => h('li', { testid: 'callback-attempt', attrs: { 'data-outcome': a.outcome } },
            h('strong', {}, t(`outcome_${a.outcome}` as MessageKey)), ' ',
            h('span', { class: 'muted' }, byAt(a.byName, a.at)),
            a.nextTryAt ? h('span', { class: 'muted' }, ' · ', t('nextTry', { at: formatInstant(a.nextTryAt) })) : null,
            a.note ? h('p', { class: 'note' }, a.note) : null)))) : null));
  }
  const v = lc.verification;
  if (v) {
    cards.push(h('section', { class: 'card record', testid: 'ticket-verification' }, h('h2', {}, t('secVerification')),
      dl([t('fEvidence'), para(v.evidence), 'verification-evidence'], [t('verifiedBy'), byAt(v.byName, v.at), 'verification-by'])));
  }
  const c = lc.correctiveReport;
  if (c) {
    cards.push(h('section', { class: 'card record', testid: 'ticket-corrective-report' }, h('h2', {}, t('secCorrective')),
      dl([t('fCauseAnalysis'), para(c.causeAnalysis)], [t('fMeasures'), para(c.measures)], [t('fPrevention'), para(c.prevention)],
        [t('publishedBy'), byAt(c.publishedByName, c.publishedAt)])));
  }
  if (lc.pauses.length > 0) {
    cards.push(h('section', { class: 'card record', testid: 'ticket-pauses' }, h('h2', {}, t('secPauses')),
      h('ol', { class: 'attempts' }, ...lc.pauses.map((p) => h('li', { testid: 'pause' },
        h('span', {}, formatInstant(p.start), ' → ', p.end ? formatInstant(p.end) : h('span', { class: 'pending-text' }, t('pauseOngoing'))),
        p.reason ? h('p', { class: 'note' }, p.reason) : null)))));
  }
  const x = lc.cancellation;
  if (x) {
    cards.push(h('section', { class: 'card record', testid: 'ticket-cancellation' }, h('h2', {}, t('secCancellation')),
      dl([t('fCancelReason'), x.reason === 'duplicate' ? t('cancel_duplicate') : x.reason === 'malicious' ? t('cancel_malicious') : x.reason],
        x.duplicateOf ? [t('fieldDuplicateOf'), h('a', { attrs: { href: `#/tickets/${encodeURIComponent(x.duplicateOf)}` } }, x.duplicateOf)] : null,
        [t('fNote'), para(x.note)], [t('at'), formatInstant(x.at)])));
  }
  return cards;
}

/** What the page remembers across re-renders (polling re-renders when the ticket changes). */
interface PageState {
  detail: TicketDetailView | null;
  open: ActionId | null;
  drafts: Map<ActionId, FormValues>;
  /** Field messages of the open form. */
  errors: Record<string, string>;
  formError: string | null;
  busy: boolean;
  notice: { kind: 'ok' | 'error'; lines: string[] } | null;
  departments: { id: string; name: string }[];
}

const SERVER_FIELD_MESSAGES: Readonly<Record<string, MessageKey>> = {
  required: 'vRequired',
  'required: no resolution was submitted': 'vRequired',
  'name the ticket this one duplicates': 'vChooseDuplicate',
};

function localizeIssue(issue: Issue): string {
  switch (issue.code) {
    case 'too_big': return t('vTooLong');
    case 'too_small': case 'invalid_type': case 'invalid_value': case 'invalid_union': return t('vRequired');
    case 'custom': {
      const key = SERVER_FIELD_MESSAGES[issue.message];
      return key ? t(key) : issue.message;
    }
    default: return t('vInvalid');
  }
}

interface Handlers {
  repaint(): void;
  submit(id: ActionId): void;
  openForm(id: ActionId | null): void;
}

function fieldControl(f: ActionField, env: FormEnv, values: FormValues, onChange: (repaint: boolean) => void): HTMLElement {
  const id = `af-${f.name}`;
  const testid = `action-field-${f.name}`;
  const v = values[f.name];
  const attrs = { id, 'aria-describedby': `aerr-${f.name}`, maxlength: f.maxLength };
  if (f.control === 'checkbox') {
    const box = h('input', { testid, checked: v === true, attrs: { type: 'checkbox', id },
      on: { change: () => { values[f.name] = box.checked; onChange(false); } } });
    return box;
  }
  if (f.control === 'select') {
    const sel = h('select', { testid, value: typeof v === 'string' ? v : '', attrs: { id, 'aria-describedby': attrs['aria-describedby'] },
      on: { change: () => { values[f.name] = sel.value; onChange(true); } } },
    ...(f.options?.(env) ?? []).map((o) => h('option', { attrs: { value: o.value } }, typeof o.label === 'string' ? t(o.label) : o.label.text)));
    return sel;
  }
  if (f.control === 'textarea') {
    const ta = h('textarea', { testid, value: typeof v === 'string' ? v : '', attrs: { ...attrs, rows: 3 },
      on: { input: () => { values[f.name] = ta.value; onChange(false); } } });
    return ta;
  }
  const input = h('input', { testid, value: typeof v === 'string' ? v : '',
    attrs: { ...attrs, type: f.control === 'datetime' ? 'datetime-local' : 'text' },
    on: { input: () => { values[f.name] = input.value; onChange(false); } } });
  return input;
}

function actionForm(ctx: Ctx, st: PageState, detail: TicketDetailView, id: ActionId, hs: Handlers): HTMLElement {
  const form = ACTION_FORMS[id];
  const env: FormEnv = { detail, departments: st.departments };
  let values = st.drafts.get(id);
  if (!values) { values = initialValues(form, env); st.drafts.set(id, values); }
  const vals = values;
  const fields = visibleFields(form, vals).map((f) => {
    const err = st.errors[f.name];
    const control = fieldControl(f, env, vals, (repaint) => {
      if (!repaint) return;
      // A select may show or hide other fields (callback outcome, cancel reason).
      hs.repaint();
      document.getElementById(`af-${f.name}`)?.focus();
    });
    const lab = h('label', { attrs: { for: `af-${f.name}` } }, t(f.label), f.required ? h('span', { class: 'req', attrs: { 'aria-hidden': 'true' } }, ' *') : null);
    return h('div', { class: f.control === 'checkbox' ? 'check' : err ? 'field invalid' : 'field', attrs: { 'data-field': f.name } },
      ...(f.control === 'checkbox' ? [control, lab] : [lab, control]),
      f.hint ? h('p', { class: 'hint' }, t(f.hint)) : null,
      h('p', { class: 'field-error', testid: `action-error-${f.name}`, attrs: { id: `aerr-${f.name}`, hidden: !err } }, err ?? ''));
  });
  // Messages for paths no visible field shows (e.g. the whole input).
  const shown = new Set(visibleFields(form, vals).map((f) => f.name));
  const stray = Object.entries(st.errors).filter(([p]) => !shown.has(p)).map(([p, m]) => `${p}: ${m}`);
  const generalText = [st.formError, ...stray].filter(Boolean).join(' · ');
  const submit = h('button', { class: form.tone === 'danger' ? 'danger' : 'primary', testid: 'action-form-submit', attrs: { type: 'submit', disabled: st.busy } },
    st.busy ? t('submitting') : actionLabel(detail, id));
  return h('form', {
    class: 'action-form', testid: `action-form-${id}`, attrs: { novalidate: true, 'data-action': id },
    on: { submit: (ev) => { ev.preventDefault(); hs.submit(id); } },
  },
  h('h3', {}, actionLabel(detail, id)),
  form.intro ? h('p', { class: 'hint' }, t(form.intro)) : null,
  ...fields,
  h('p', { class: 'form-error', testid: 'action-form-error', attrs: { role: 'alert', hidden: generalText === '' } }, generalText),
  h('div', { class: 'form-actions' },
    h('button', { class: 'secondary', testid: 'action-form-cancel', attrs: { type: 'button' }, on: { click: () => hs.openForm(null) } }, t('cancel')),
    submit));
  void ctx;
}

function actionsArea(ctx: Ctx, st: PageState, detail: TicketDetailView, hs: Handlers): HTMLElement {
  const offered = offeredActions(detail);
  const notice = st.notice
    ? h('div', { class: st.notice.kind === 'ok' ? 'notice ok' : 'form-error', testid: 'action-notice', attrs: { role: 'status', 'data-kind': st.notice.kind } },
      ...st.notice.lines.map((l) => h('p', {}, l)))
    : null;
  const buttons = offered.map((a) => h('button', {
    class: st.open === a.id ? `${a.tone} active` : a.tone, testid: `action-${a.id}`,
    attrs: { type: 'button', 'aria-expanded': st.open === a.id ? 'true' : 'false', disabled: st.busy },
    on: { click: () => hs.openForm(st.open === a.id ? null : a.id) },
  }, actionLabel(detail, a.id)));
  const open = st.open && offered.some((a) => a.id === st.open) ? st.open : null;
  return h('section', { class: 'card actions', testid: 'ticket-actions', attrs: { 'data-allowed': detail.lifecycle.allowedActions.join(' ') } },
    h('h2', {}, t('actions')),
    notice,
    offered.length > 0 ? h('div', { class: 'action-buttons' }, ...buttons) : h('p', { class: 'muted', testid: 'no-actions' }, t('noActions')),
    open ? actionForm(ctx, st, detail, open, hs) : null);
}

function render(ctx: Ctx, st: PageState, detail: TicketDetailView, hs: Handlers): HTMLElement {
  const tk = detail.ticket;
  const lc = detail.lifecycle;
  const paused = tk.state === 'waiting_on_client';
  // The deadline binds only while the ticket is being worked on.
  const left = OPEN_STATES.includes(tk.state) ? workingTimeLeft(detail.workingTimeLeftMs) : null;
  const routed = tk.ownerDeptId !== null;
  return h('div', { class: 'detail', testid: 'ticket-detail', attrs: { 'data-ticket-id': tk.id, 'data-seq': lc.lastEventSeq } },
    h('div', { class: 'page-head' },
      h('div', {},
        h('a', { class: 'back', testid: 'back-to-list', attrs: { href: '#/tickets' } }, '← ', t('backToList')),
        h('h1', {}, h('span', { class: 'mono', testid: 'ticket-number' }, tk.number), ' ', h('span', { testid: 'ticket-title' }, tk.title))),
      h('div', { class: 'head-state' }, stateBadge(tk.state, 'ticket-state'),
        tk.major ? h('span', { class: 'tag major' }, t('fieldMajorShort')) : null,
        lc.escalationLevel > 0 ? h('span', { class: 'tag escalated', testid: 'ticket-escalation-tag' }, t('escalationLevel', { n: lc.escalationLevel })) : null)),
    h('div', { class: 'detail-grid' },
      h('div', { class: 'detail-main' },
        h('section', { class: 'card' },
          dl(
            [t('fieldKind'), label(TICKET_KIND_LABELS, tk.kind), 'ticket-kind'],
            tk.subject ? [t('fieldSubject'), label(COMPLAINT_SUBJECT_LABELS, tk.subject), 'ticket-subject'] : null,
            [t('fieldChannel'), label(CHANNEL_LABELS, tk.channel), 'ticket-channel'],
            [t('fieldClient'), tk.clientName, 'ticket-client'],
            [t('fieldReceivedAt'), formatInstant(tk.receivedAt), 'ticket-received'],
            [t('fieldClaimedAmount'), formatAmount(tk.claimedAmount), 'ticket-claimed-amount'],
          ),
          tk.description ? h('p', { class: 'description', testid: 'ticket-description' }, tk.description) : null),
        ...lifecycleCards(lc),
        h('section', { class: 'card' },
          h('h2', {}, t('history')),
          timeline(detail.events))),
      h('aside', { class: 'detail-side' },
        actionsArea(ctx, st, detail, hs),
        h('section', { class: routed ? 'card routing' : 'card routing pending' },
          dl(
            [t('fieldOwner'), routed ? (tk.ownerDeptName ?? tk.ownerDeptId) : h('span', { class: 'muted' }, t('routingPending')), 'ticket-owner'],
            [t('fieldRoutingReason'), tk.routingReason ?? t('none'), 'ticket-routing-reason'],
            tk.authority
              ? [t('fieldAuthority'), `${label(AUTHORITY_LABELS, tk.authority)} · ${tk.authorityReason ?? ''}`, 'ticket-authority']
              : null,
            [t('fieldDueAt'), h('span', { attrs: { 'data-due': tk.dueAt ?? '' } }, formatInstant(tk.dueAt)), 'ticket-due'],
            // Working time by the organisation's calendar, computed by the server.
            [t('fieldTimeLeft'), paused ? h('span', { class: 'pending-text' }, t('clockPaused'))
              : left ? h('span', { class: left.overdue ? 'overdue-text' : '' }, left.text) : t('none'), 'ticket-time-left'],
            [t('fieldEscalation'), String(lc.escalationLevel), 'ticket-escalation'],
            [t('fieldReopenCount'), String(lc.reopenCount), 'ticket-reopen-count'],
          )),
        reporterBlock(detail))));
}

export function renderTicketDetail(ctx: Ctx, root: HTMLElement, ticketId: string): () => void {
  const page = h('section', { class: 'page' }, h('p', { class: 'muted' }, t('loading')));
  root.replaceChildren(page);
  let stopped = false;
  let stop: () => void = () => undefined;
  let shown = '';
  let minute = 0;
  const st: PageState = {
    detail: null, open: null, drafts: new Map(), errors: {}, formError: null, busy: false, notice: null, departments: [],
  };

  const hs: Handlers = {
    repaint: () => { if (!stopped && st.detail) replaceChildren(page, render(ctx, st, st.detail, hs)); },
    openForm: (id) => {
      st.open = id;
      st.errors = {};
      st.formError = null;
      st.notice = null;
      hs.repaint();
      if (id === 'transfer' && st.departments.length === 0) void loadDepartments();
      if (id) page.querySelector<HTMLElement>('.action-form input, .action-form select, .action-form textarea, .action-form [data-testid="action-form-submit"]')?.focus();
    },
    submit: (id) => { void submit(id); },
  };

  const loadDepartments = async (): Promise<void> => {
    try {
      const { departments } = await ctx.api.listOrg();
      st.departments = departments.map((d) => ({ id: d.id, name: locale() === 'en' ? (d.nameEn ?? d.name) : d.name }));
      hs.repaint();
    } catch (err) {
      st.formError = describeError(err);
      hs.repaint();
    }
  };

  const load = async (force = false): Promise<void> => {
    try {
      const detail = await ctx.api.getTicket({ ticketId });
      if (stopped) return;
      // Re-render only when something changed, or (no form open) the minute did, for "time left": keeps focus and input.
      // workingTimeLeftMs moves on every poll; the minute tick below repaints it.
      const key = JSON.stringify({ ...detail, workingTimeLeftMs: null });
      const nowMinute = Math.floor(Date.now() / 60_000);
      if (force || key !== shown || (nowMinute !== minute && st.open === null)) {
        shown = key;
        minute = nowMinute;
        st.detail = detail;
        hs.repaint();
      }
    } catch (err) {
      if (stopped) return;
      const code = errorCode(err);
      // A ticket that is gone or forbidden will not come back: stop polling.
      if (code === 'functions/not-found' || code === 'functions/permission-denied') stop();
      shown = '';
      st.detail = null;
      replaceChildren(page,
        h('a', { class: 'back', attrs: { href: '#/tickets' } }, '← ', t('backToList')),
        h('p', { class: 'form-error', testid: 'ticket-error' }, describeError(err)));
    }
  };

  const submit = async (id: ActionId): Promise<void> => {
    const detail = st.detail;
    if (!detail || st.busy) return;
    const form = ACTION_FORMS[id];
    const env: FormEnv = { detail, departments: st.departments };
    const values = st.drafts.get(id) ?? initialValues(form, env);
    const input = toInput(form, values, env);
    const issues = validateInput(id, input);
    st.notice = null;
    if (Object.keys(issues).length > 0) {
      st.errors = Object.fromEntries(Object.entries(issues).map(([p, issue]) => [p, localizeIssue(issue)]));
      st.formError = t('formHasErrors');
      hs.repaint();
      page.querySelector<HTMLElement>('.action-form .invalid input, .action-form .invalid select, .action-form .invalid textarea')?.focus();
      return;
    }
    st.errors = {};
    st.formError = null;
    st.busy = true;
    hs.repaint();
    const seq = detail.lifecycle.lastEventSeq;
    try {
      // The state and event seq of the ticket on screen: a stale screen cannot act.
      await ctx.api.transitionTicket({
        ticketId: detail.ticket.id, action: id, expectedState: detail.ticket.state, ...(seq > 0 ? { expectedSeq: seq } : {}), ...input,
      });
      st.busy = false;
      st.open = null;
      st.drafts.delete(id);
      st.notice = { kind: 'ok', lines: [t('actionDone', { action: actionLabel(detail, id) })] };
      await load(true);
    } catch (err) {
      st.busy = false;
      const fields = fieldErrors(err);
      const refusal = refusalDetails(err);
      if (fields) {
        st.errors = Object.fromEntries(Object.entries(fields).map(([p, m]) => [p, SERVER_FIELD_MESSAGES[m] ? t(SERVER_FIELD_MESSAGES[m]) : m]));
        st.formError = t('formHasErrors');
        hs.repaint();
      } else if (refusal) {
        // The server names the state and what may be done now; show that, then show the ticket as it is.
        const allowed = refusal.allowedActions.map((a) => (a in MACHINE ? MACHINE[a as ActionId].label[locale()] : a));
        st.notice = {
          kind: 'error',
          lines: [
            t('refusedNotice', { message: serverMessage(err) ?? '' }),
            t('staleNotice', { state: label(TICKET_STATE_LABELS, refusal.state ?? detail.ticket.state), actions: allowed.length ? allowed.join('、') : t('none') }),
          ],
        };
        await load(true);
      } else {
        const msg = serverMessage(err);
        st.formError = [describeError(err), errorCode(err) === 'functions/permission-denied' && msg ? msg : null].filter(Boolean).join(' — ');
        hs.repaint();
      }
    }
  };

  void load();
  stop = poll(() => load(), DETAIL_POLL_MS);
  return () => { stopped = true; stop(); };
}

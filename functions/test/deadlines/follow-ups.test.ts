/** Every open state has a deadline or a documented reason (issue 9 point 6); follow-ups; on-site hand-off decision. */
import { createCalendar, defaultCalendarConfig } from '../../src/domain/calendar';
import { Ticket, type LifecycleTicket } from '../../src/domain/documents';
import { followUpsOf } from '../../src/domain/deadlines/follow-ups';
import { decideDeadline } from '../../src/domain/escalation';
import { MACHINE } from '../../src/domain/lifecycle/machine';
import { STATE_DEADLINES, SlaPolicy, defaultSlaPolicy } from '../../src/domain/sla';
import { TicketState } from '../../src/domain/vocabulary';

const at = (s: string): Date => new Date(`${s.replace(' ', 'T')}:00+08:00`);
const cal = createCalendar(defaultCalendarConfig(2024, 2027));
const policy = defaultSlaPolicy();
const org = { qualityDeptId: 'dept-quality', csDeptId: 'dept-cs' };

function ticket(over: Partial<LifecycleTicket> = {}): LifecycleTicket {
  return Ticket.parse({
    number: 'HX-1', kind: 'complaint', channel: 'hotline', clientId: 'c-1', clientName: '客户', clientTier: 'A', branchId: 'br-city',
    title: '投诉', description: '', state: 'assigned', ownerDeptId: 'dept-business', receivedAt: at('2025-11-17 09:00'),
    dueAt: at('2025-11-18 09:00'), createdBy: 'u-intake', createdByDeptId: 'dept-cs', updatedAt: at('2025-11-17 09:00'), lastEventSeq: 2,
    ...over,
  });
}
const resolution = (signedOffAt: Date) => ({
  cause: 'c', measures: 'm', prevention: '', submittedBy: 'u-b', submittedByName: 'B', submittedAt: signedOffAt,
  signedOffBy: 'u-head', signedOffByName: 'H', signedOffAt,
});
const attempt = (atTime: Date, outcome: 'reached' | 'unreachable' | 'refused', nextTryAt: Date | null = null) => ({
  at: atTime, byUid: 'u-cs', byName: 'CS', outcome, nextTryAt, note: '',
});

/** A ticket in `state` with what that state normally carries. */
function inState(state: TicketState): LifecycleTicket {
  const signed = at('2025-11-17 15:00');
  switch (state) {
    case 'resolved': case 'callback': return ticket({ state, resolution: resolution(signed) });
    case 'verification':
      return ticket({ state, resolution: resolution(signed), callbackResult: { satisfied: true, score: 5, awareOfChannel: true, comments: '', at: at('2025-11-18 10:00'), byUid: 'u-cs' } });
    default: return ticket({ state });
  }
}

describe('every state of the machine has a deadline or a documented reason', () => {
  const machineStates = new Set<string>(Object.values(MACHINE).flatMap((a) => a.from));
  test('the table names every state, including every state an action starts from', () => {
    for (const s of [...TicketState.options, ...machineStates]) expect(STATE_DEADLINES).toHaveProperty(s);
  });

  test.each(TicketState.options)('%s', (state) => {
    const row = STATE_DEADLINES[state];
    expect(row.why.length).toBeGreaterThan(5);
    const t = inState(state);
    if (row.deadline === 'dueAt') {
      // overdue → the timer acts (escalates or hands off), it never just sits there
      const d = decideDeadline({ ticket: t, now: new Date(t.dueAt!.getTime() + 60_000), calendar: cal, policy });
      expect(['escalate', 'handoff']).toContain(d.action);
    } else if (row.deadline === 'follow-up') {
      const kinds = followUpsOf(t, cal, policy, org).map((f) => f.kind);
      expect(kinds.length).toBeGreaterThan(0);
      expect(kinds.every((k) => row.kinds.includes(k))).toBe(true);
    } else if (row.deadline === null) {
      expect(followUpsOf(t, cal, policy, org).filter((f) => !f.kind.startsWith('promise'))).toEqual([]);
      expect(decideDeadline({ ticket: t, now: at('2026-06-01 10:00'), calendar: cal, policy })).toMatchObject({ action: 'none' });
    }
  });
});

describe('follow-ups after resolution', () => {
  test('callback due one working day after sign-off; a re-repair gets the 24-hour special callback', () => {
    const signed = at('2025-11-21 15:00'); // Friday
    const [callback] = followUpsOf(ticket({ state: 'callback', resolution: resolution(signed) }), cal, policy, org);
    expect(callback).toMatchObject({ kind: 'callback_due', dueAt: at('2025-11-24 15:00') });
    expect(callback!.notify).toEqual(expect.arrayContaining([{ kind: 'user', uid: 'u-intake' }, { kind: 'head', deptId: 'dept-cs' }, { kind: 'head', deptId: 'dept-quality' }]));
    const reRepair = followUpsOf(ticket({ kind: 'repair', reopenCount: 1, state: 'callback', resolution: resolution(signed) }), cal, policy, org);
    expect(reRepair.find((f) => f.kind === 'callback_due')!.dueAt).toEqual(at('2025-11-22 15:00'));
  });

  test('an unreachable attempt carries its next try (named, or two working hours later); every 3rd failure tells quality', () => {
    const signed = at('2025-11-17 15:00');
    const named = ticket({ state: 'callback', resolution: resolution(signed), callbackAttempts: [attempt(at('2025-11-18 09:00'), 'unreachable', at('2025-11-18 14:00'))] });
    expect(followUpsOf(named, cal, policy, org).find((f) => f.kind === 'callback_retry')).toMatchObject({ key: 'retry-1', dueAt: at('2025-11-18 14:00'), notify: [{ kind: 'user', uid: 'u-cs' }] });
    const unnamed = ticket({ state: 'callback', resolution: resolution(signed), callbackAttempts: [attempt(at('2025-11-18 11:00'), 'refused')] });
    expect(followUpsOf(unnamed, cal, policy, org).find((f) => f.kind === 'callback_retry')!.dueAt).toEqual(at('2025-11-18 14:30')); // lunch excluded
    const three = ticket({ state: 'callback', resolution: resolution(signed), callbackAttempts: ['09:00', '10:00', '11:00'].map((h) => attempt(at(`2025-11-18 ${h}`), 'unreachable')) });
    expect(followUpsOf(three, cal, policy, org).map((f) => f.key)).toEqual(expect.arrayContaining(['failures-3', 'retry-3']));
    const custom = SlaPolicy.parse({ maxFailedCallbackAttempts: 2 });
    expect(followUpsOf(three, cal, custom, org).map((f) => f.kind)).not.toContain('callback_failures');
  });

  test('verification has its deadline and then leadership; a major complaint owes its corrective-action report', () => {
    const v = inState('verification');
    const fu = followUpsOf({ ...v, major: true }, cal, policy, org);
    expect(fu.find((f) => f.kind === 'verification_due')!.dueAt).toEqual(at('2025-11-20 10:00'));
    expect(fu.find((f) => f.kind === 'verification_leadership')!.notify).toContainEqual({ kind: 'leadership' });
    expect(fu.find((f) => f.kind === 'corrective_report_due')!.dueAt).toEqual(at('2025-11-24 15:00'));
  });

  test('a promised answer date reminds the owner before and tells the head when it passes; none once resolved', () => {
    const p = ticket({ state: 'in_progress', assigneeUid: 'u-b', promisedAt: at('2025-11-20 16:00') });
    const fu = followUpsOf(p, cal, policy, org);
    expect(fu.map((f) => [f.kind, f.dueAt])).toEqual([['promise_reminder', at('2025-11-20 14:00')], ['promise_due', at('2025-11-20 16:00')]]);
    expect(followUpsOf({ ...p, state: 'resolved' }, cal, policy, org).filter((f) => f.kind.startsWith('promise'))).toEqual([]);
  });
});

test('on-site feedback overdue at the close of the day is handed off, not escalated', () => {
  const t = ticket({ routing: { deptId: 'dept-onsite', deptKind: 'onsite', rule: 'onsite', reason: 'r', authority: null, authorityReason: null }, dueAt: at('2025-11-17 17:30') });
  expect(decideDeadline({ ticket: t, now: at('2025-11-17 17:31'), calendar: cal, policy })).toEqual({ action: 'handoff' });
  expect(decideDeadline({ ticket: t, now: at('2025-11-17 17:00'), calendar: cal, policy })).toMatchObject({ action: 'warn' });
});

/**
 * Issue 9, the pure rules of the lifecycle: independence of callback and verification (point 4),
 * transfers keep the clock (5), settlement authority (8), major complaints (10), bounded arrays
 * (11), no leaks (12), separation of duties (13), nothing waits on an unknown click (14), coded
 * refusals in both languages.
 */
import fc from 'fast-check';
import { DEPARTMENTS, STAFF } from '../../../test/support/fixtures';
import type { Actor } from '../../src/domain/actor';
import { HOUR_MS, createCalendar, defaultCalendarConfig } from '../../src/domain/calendar';
import { Ticket, type LifecycleTicket } from '../../src/domain/documents';
import { allowedActions, applyEffect, decide, whyNot } from '../../src/domain/lifecycle/decide';
import { MACHINE, TICKET_ACTIONS, type TicketAction } from '../../src/domain/lifecycle/machine';
import { LIFECYCLE_BOUNDS } from '../../src/domain/lifecycle/records';
import { LIFECYCLE_CATALOGUES, LIFECYCLE_REFUSALS, POLICY_REFUSALS, STAFF_REFUSALS } from '../../src/domain/lifecycle/refusals';
import type { LifecycleActor, LifecycleContext } from '../../src/domain/lifecycle/types';
import { lifecycleView } from '../../src/domain/lifecycle/view';
import { refusalText } from '../../src/domain/refusal';
import { defaultSlaPolicy, transferDeadline } from '../../src/domain/sla';
import type { Authority } from '../../src/domain/vocabulary';

const at = (s: string): Date => new Date(`${s.replace(' ', 'T')}:00+08:00`);
const calendar = createCalendar(defaultCalendarConfig(2024, 2027));
const sla = defaultSlaPolicy();
const departments = Object.entries(DEPARTMENTS).map(([id, d]) => ({ id, ...d }));
const branches = [{ id: 'br-city', name: '城市公司', level: 'city' as const, parentId: null }, { id: 'br-county', name: '县', level: 'county' as const, parentId: 'br-city' }];
const staff = new Map(Object.entries(STAFF).map(([uid, s]) => [uid, { deptId: s.deptId, disabled: s.disabled, displayName: s.displayName }]));

function actor(uid: string, over: Partial<Actor> = {}): Actor {
  const s = STAFF[uid]!;
  return {
    uid, role: s.role, deptId: s.deptId, deptKind: DEPARTMENTS[s.deptId]?.kind ?? null, branchId: s.branchId,
    displayName: s.displayName, locale: s.locale, authorityLevel: s.authorityLevel, ...over,
  };
}
const admin: Actor = { uid: 'u-admin', role: 'admin', deptId: 'dept-cs', deptKind: 'customer_service', branchId: 'br-city', displayName: 'Admin', locale: 'zh-CN' };

const ctx = (now: Date): LifecycleContext => ({ ticketId: 't-1', now, calendar, sla, departments, branches, staff });

function ticket(over: Partial<LifecycleTicket> = {}): LifecycleTicket {
  const now = at('2025-11-17 10:00');
  return Ticket.parse({
    number: 'HX-20251117-0001', kind: 'complaint', subject: 'goods_expired', channel: 'hotline', clientId: 'c-1',
    clientName: '万家便利店', clientTier: 'A', branchId: 'br-city', title: '买到过期牛奶', description: '', state: 'assigned',
    ownerDeptId: 'dept-quality', receivedAt: now, dueAt: at('2025-11-18 10:00'), createdBy: 'u-intake', createdByDeptId: 'dept-cs',
    updatedAt: now, lastEventSeq: 2, ...over,
  });
}

function fire(t: LifecycleTicket, action: TicketAction, who: LifecycleActor, input: unknown, now = at('2025-11-17 11:00')) {
  const d = decide(t, action, who, input, ctx(now));
  if (!d.ok) throw new Error(`${action} refused: ${d.code} ${d.message}`);
  return { ticket: applyEffect(t, d.effect, now), effect: d.effect };
}
const refusedAs = (t: LifecycleTicket, action: TicketAction, who: LifecycleActor, input: unknown, now = at('2025-11-17 11:00')) =>
  decide(t, action, who, input, ctx(now));

/** A complaint worked by quality-1 (accept, submit) and signed off by the quality head, waiting for its callback. */
function inCallback(over: Partial<LifecycleTicket> = {}): LifecycleTicket {
  let t = fire(ticket(over), 'accept', actor('u-quality-1'), {}).ticket;
  t = fire(t, 'submit_resolution', actor('u-quality-1'), { cause: '漏检', measures: '下架' }).ticket;
  return fire(t, 'resolve', actor('u-quality-head'), {}).ticket;
}

describe('point 14: nothing waits on a click nobody knows to make', () => {
  test('a signed-off resolution goes straight to the callback queue; the customer-service centre is told', () => {
    const t = fire(ticket(), 'accept', actor('u-quality-1'), {}).ticket;
    const { ticket: r, effect } = fire(t, 'resolve', actor('u-quality-head'), { cause: 'c', measures: 'm' });
    expect(r.state).toBe('callback');
    expect(effect.notify).toContainEqual({ kind: 'dept', deptId: 'dept-cs' });
    expect(allowedActions(r, actor('u-intake'))).toContain('callback');
  });

  test('heads see "awaiting my sign-off" and may send a resolution back with a reason; earlier ones stay visible', () => {
    let t = fire(ticket(), 'accept', actor('u-quality-1'), {}).ticket;
    t = fire(t, 'submit_resolution', actor('u-quality-1'), { cause: '漏检', measures: '道歉' }).ticket;
    expect(t.awaitingSignoff).toBe(true);
    expect(allowedActions(t, actor('u-quality-head'))).toEqual(expect.arrayContaining(['resolve', 'return_resolution']));
    expect(allowedActions(t, actor('u-quality-1'))).not.toContain('return_resolution');
    expect(refusedAs(t, 'return_resolution', actor('u-quality-head'), {})).toMatchObject({ code: 'invalid-argument', fields: { reason: expect.any(String) } });
    const back = fire(t, 'return_resolution', actor('u-quality-head'), { reason: '措施不够具体' });
    expect(back.effect).toMatchObject({ eventType: 'resolution_returned', notify: [{ kind: 'user', uid: 'u-quality-1' }] });
    t = back.ticket;
    expect(t).toMatchObject({ awaitingSignoff: false, resolution: null });
    expect(t.earlierResolutions).toEqual([expect.objectContaining({ measures: '道歉', end: 'returned', endReason: '措施不够具体', endedBy: 'u-quality-head' })]);
    expect(whyNot(t, 'return_resolution', actor('u-quality-head'))).toMatchObject({ reason: 'lifecycle.no_resolution_to_return' });
    // resubmitted, signed, reopened by a dissatisfied client: both earlier resolutions stay listed
    t = fire(t, 'submit_resolution', actor('u-quality-1'), { cause: '漏检', measures: '书面道歉并退款' }).ticket;
    t = fire(t, 'resolve', actor('u-quality-head'), {}).ticket;
    t = fire(t, 'callback', actor('u-intake'), { outcome: 'reached', satisfied: false, score: 2, awareOfChannel: true, comments: '不满意' }).ticket;
    expect(t.state).toBe('in_progress');
    expect(t.earlierResolutions.map((e) => [e.measures, e.end])).toEqual([['道歉', 'returned'], ['书面道歉并退款', 'reopened']]);
    expect(lifecycleView(t, actor('u-quality-head')).earlierResolutions).toHaveLength(2);
  });

  test('calling a complaint malicious needs the head of quality or leadership; a duplicate does not', () => {
    const input = { reason: 'malicious', note: '多次核实' };
    expect(refusedAs(ticket(), 'cancel', actor('u-quality-1'), input)).toMatchObject({ code: 'permission-denied', reason: 'lifecycle.malicious_needs_quality_head' });
    const business = ticket({ ownerDeptId: 'dept-business' });
    expect(refusedAs(business, 'cancel', actor('u-business-head'), input)).toMatchObject({ code: 'permission-denied' });
    expect(fire(business, 'cancel', actor('u-business-head'), { reason: 'duplicate', note: 'n', duplicateOf: 't-0' }).ticket.state).toBe('cancelled');
    expect(fire(ticket(), 'cancel', actor('u-quality-head'), input).ticket.state).toBe('cancelled');
    expect(fire(business, 'cancel', actor('u-leader'), input).ticket.state).toBe('cancelled');
  });

  test('on-site staff act on what they took in while their department owns it, and hand it to the business department', () => {
    const onsite: Actor = { uid: 'u-onsite', role: 'onsite', deptId: 'dept-onsite', deptKind: 'onsite', branchId: 'br-city', displayName: 'Onsite He', locale: 'zh-CN' };
    const deps = [...departments, { id: 'dept-onsite', name: '现场服务', kind: 'onsite' as const, branchId: 'br-city', headUid: null }];
    const c = (now: Date): LifecycleContext => ({ ...ctx(now), departments: deps });
    let t = ticket({ kind: 'inquiry', subject: null, channel: 'onsite', ownerDeptId: 'dept-onsite', createdBy: 'u-onsite', createdByDeptId: 'dept-onsite' });
    expect(allowedActions(t, onsite)).toEqual(expect.arrayContaining(['accept', 'transfer']));
    const step = (action: TicketAction, input: unknown) => {
      const d = decide(t, action, onsite, input, c(at('2025-11-17 11:00')));
      if (!d.ok) throw new Error(d.message);
      t = applyEffect(t, d.effect, at('2025-11-17 11:00'));
    };
    step('accept', {});
    step('submit_resolution', { cause: '咨询营业时间', measures: '已当面答复' });
    step('transfer', { toDeptId: 'dept-business', reason: '需经营部确认' });
    expect(t).toMatchObject({ state: 'assigned', ownerDeptId: 'dept-business' });
    expect(t.earlierResolutions).toHaveLength(1); // the on-site answer stays visible
  });

  test('the customer-service centre reopens for a dissatisfied client it took in', () => {
    const closed = ticket({ state: 'closed', createdBy: 'someone-else' });
    expect(allowedActions(closed, actor('u-intake'))).toContain('reopen');
  });
});

describe('point 4: independent callback and verification', () => {
  test('the callback is recorded by the customer-service centre or quality, never by a handler', () => {
    const t = inCallback();
    for (const handler of ['u-quality-1', 'u-quality-head']) {
      expect(whyNot(t, 'callback', actor(handler))).toMatchObject({ code: 'failed-precondition', reason: 'lifecycle.callback_by_handler' });
    }
    expect(whyNot(t, 'callback', actor('u-quality-2'))).toBeNull();
    expect(whyNot(t, 'callback', actor('u-intake'))).toBeNull();
    // the engineer who did the repair does not record its callback; the customer-service centre does
    let repair = fire(ticket({ kind: 'repair', subject: null, ownerDeptId: 'dept-engineering' }), 'accept', actor('u-engineer'), {}).ticket;
    repair = fire(repair, 'resolve', actor('u-leader'), { cause: '水管老化', measures: '已更换' }).ticket;
    expect(whyNot(repair, 'callback', actor('u-engineer'))?.code).toBe('permission-denied');
    expect(fire(repair, 'callback', actor('u-intake'), { outcome: 'reached', satisfied: true, score: 5, awareOfChannel: true }).ticket.state).toBe('closed');
  });

  test('nobody who accepted, was assignee, submitted, signed or recorded the callback verifies', () => {
    let t = fire(ticket(), 'accept', actor('u-quality-1'), {}).ticket;
    t = fire(t, 'assign', actor('u-quality-head'), { assigneeUid: 'u-quality-2' }).ticket; // quality-2 was assignee
    t = fire(t, 'submit_resolution', actor('u-quality-2'), { cause: 'c', measures: 'm' }).ticket;
    t = fire(t, 'assign', actor('u-quality-head'), { assigneeUid: 'u-quality-1' }).ticket;
    t = fire(t, 'resolve', actor('u-quality-head'), {}).ticket;
    t = fire(t, 'callback', actor('u-intake'), { outcome: 'reached', satisfied: true, score: 5, awareOfChannel: true }).ticket;
    expect(t.state).toBe('verification');
    for (const uid of ['u-quality-1', 'u-quality-2', 'u-quality-head']) {
      expect(whyNot(t, 'verify', actor(uid))).toMatchObject({ code: 'permission-denied', reason: 'lifecycle.verifier_worked_on_it' });
    }
    // Leadership verifies when every quality person worked it.
    expect(fire(t, 'verify', actor('u-leader'), { evidence: '现场查看' }).ticket.state).toBe('closed');
    // A quality person who recorded the callback does not verify either.
    let u = inCallback();
    u = fire(u, 'callback', actor('u-quality-2'), { outcome: 'reached', satisfied: true, score: 5, awareOfChannel: true }).ticket;
    expect(whyNot(u, 'verify', actor('u-quality-2'))).toMatchObject({ reason: 'lifecycle.verifier_worked_on_it' });
  });
});

describe('point 5: transfers keep the clock', () => {
  const transfer = (t: LifecycleTicket, now: Date, to = 'dept-business') =>
    fire(t, 'transfer', actor('u-leader'), { toDeptId: to, reason: '转办' }, now).ticket;

  test('the receiving department gets the remaining time, the escalation level is kept', () => {
    const t = transfer(ticket({ escalationLevel: 1 }), at('2025-11-17 11:00'));
    expect(t.dueAt).toEqual(at('2025-11-18 10:00'));
    expect(t.escalationLevel).toBe(1);
  });

  test('never less than the configured minimum (default 2 working hours), and that grace once per level', () => {
    // due Tue 10:00; transferred Tue 09:30: at least 2 working hours → Tue 11:30
    const t = transfer(ticket(), at('2025-11-18 09:30'));
    expect(t.dueAt).toEqual(at('2025-11-18 11:30'));
    expect(t.transferGraceLevel).toBe(0);
    // transferred again 1 h 50 min later (10 min left): no second grace, the deadline stands
    const again = transfer(t, at('2025-11-18 11:20'), 'dept-quality');
    expect(again.dueAt).toEqual(at('2025-11-18 11:30'));
    // a configured minimum of 4 working hours is honoured
    const four = transferDeadline(calendar, { ...sla, transferMinimum: { type: 'workingHours', n: 4 } }, at('2025-11-18 10:00'), at('2025-11-18 09:30'), true);
    expect(four.dueAt!.getTime()).toBe(calendar.addWorkingTime(at('2025-11-18 09:30'), 4 * HOUR_MS).getTime());
  });

  test('an overdue ticket stays overdue', () => {
    const t = transfer(ticket(), at('2025-11-18 15:00'));
    expect(t.dueAt).toEqual(at('2025-11-18 10:00'));
  });

  test('property: however many transfers, the deadline never moves past max(due, first transfer + minimum)', () => {
    fc.assert(fc.property(
      fc.array(fc.integer({ min: 1, max: 180 }), { minLength: 1, maxLength: 12 }),
      (gaps) => {
        let t = ticket();
        let now = at('2025-11-18 08:30');
        const firstBound = Math.max(t.dueAt!.getTime(), calendar.addWorkingTime(new Date(now.getTime() + gaps[0]! * 60_000), 2 * HOUR_MS).getTime());
        gaps.forEach((g, i) => {
          now = new Date(now.getTime() + g * 60_000);
          t = transfer(t, now, i % 2 === 0 ? 'dept-business' : 'dept-quality');
          expect(t.dueAt!.getTime()).toBeLessThanOrEqual(firstBound);
          expect(t.escalationLevel).toBe(0);
        });
      },
    ));
  });

  test('after an escalation the new level may get its grace once', () => {
    let t = transfer(ticket(), at('2025-11-18 09:30'));
    t = fire(t, 'escalate', 'system', { reason: '逾期', expectedLevel: 0 }, at('2025-11-18 11:31')).ticket;
    expect(t.escalationLevel).toBe(1);
    expect(t.transferGraceLevel).toBe(0);
  });
});

describe('point 8: settlement authority', () => {
  const withAuthority = (authority: Authority) =>
    fire(ticket({ routing: { deptId: 'dept-quality', deptKind: 'quality', rule: 'complaint', reason: 'r', authority, authorityReason: 'x' } }), 'accept', actor('u-quality-1'), {}).ticket;
  const head = (level: Authority | null) => actor('u-quality-head', { authorityLevel: level });

  test.each([
    ['cs_staff', null, true], ['cs_manager', null, false], ['cs_manager', 'cs_staff', false], ['cs_manager', 'cs_manager', true],
    ['store_manager', 'cs_manager', false], ['store_manager', 'store_manager', true],
  ] as const)('a %s complaint signed by a head with %s → %s', (required, level, ok) => {
    const d = refusedAs(withAuthority(required), 'resolve', head(level), { cause: 'c', measures: 'm' });
    if (ok) expect(d.ok).toBe(true);
    else expect(d).toMatchObject({ ok: false, code: 'permission-denied', reason: 'lifecycle.authority_insufficient' });
  });

  test('leadership hold the top authority; the refusal names both levels in both languages', () => {
    expect(refusedAs(withAuthority('store_manager'), 'resolve', actor('u-leader'), { cause: 'c', measures: 'm' }).ok).toBe(true);
    const d = refusedAs(withAuthority('store_manager'), 'resolve', head('cs_manager'), { cause: 'c', measures: 'm' });
    if (d.ok) throw new Error('expected a refusal');
    expect(refusalText(LIFECYCLE_CATALOGUES, d, 'zh-CN')).toContain('店长/总经理');
    expect(refusalText(LIFECYCLE_CATALOGUES, d, 'en')).toContain('yours: CS manager');
    expect(allowedActions(withAuthority('store_manager'), head(null))).not.toContain('resolve');
    expect(lifecycleView(withAuthority('store_manager'), head(null)).authorityRequired).toBe('store_manager');
  });
});

describe('point 10: major complaints', () => {
  test('quality or leadership mark a complaint major after intake; others may not; only complaints', () => {
    const { ticket: t, effect } = fire(ticket(), 'mark_major', actor('u-quality-2'), { reason: '涉及食品安全' });
    expect(t.major).toBe(true);
    expect(effect).toMatchObject({ eventType: 'marked_major', note: '涉及食品安全' });
    expect(effect.notify).toContainEqual({ kind: 'leadership' });
    expect(whyNot(t, 'mark_major', actor('u-leader'))).toMatchObject({ reason: 'lifecycle.already_major' });
    expect(whyNot(ticket(), 'mark_major', actor('u-business-1'))?.code).toBe('permission-denied');
    expect(whyNot(ticket({ kind: 'inquiry', subject: null }), 'mark_major', actor('u-leader'))).toMatchObject({ reason: 'lifecycle.major_complaints_only' });
    expect(allowedActions(ticket({ state: 'received', ownerDeptId: null }), actor('u-quality-2'))).toContain('mark_major');
  });

  test('a reopened major complaint needs a new corrective-action report before it can close', () => {
    let t = inCallback({ major: true });
    t = fire(t, 'publish_corrective_report', actor('u-quality-2'), { causeAnalysis: 'a', measures: 'm', prevention: 'p' }).ticket;
    t = fire(t, 'callback', actor('u-intake'), { outcome: 'reached', satisfied: true, score: 5, awareOfChannel: true }).ticket;
    t = fire(t, 'verify', actor('u-quality-2'), { evidence: 'ok' }).ticket;
    expect(t.state).toBe('closed');
    t = fire(t, 'reopen', actor('u-intake'), { reason: '又出现' }).ticket;
    expect(t.correctiveReport).toBeNull();
    t = fire(t, 'resolve', actor('u-quality-head'), { cause: 'c2', measures: 'm2' }).ticket;
    t = fire(t, 'callback', actor('u-intake'), { outcome: 'reached', satisfied: true, score: 5, awareOfChannel: true }).ticket;
    expect(whyNot(t, 'verify', actor('u-leader'))).toMatchObject({ reason: 'lifecycle.major_needs_report' });
    const pub = fire(t, 'publish_corrective_report', actor('u-quality-2'), { causeAnalysis: 'a2', measures: 'm2', prevention: 'p2' });
    expect(pub.effect.announcement?.id).toBe(`t-1_${t.lastEventSeq + 1}`); // a new announcement, the old one stays
    expect(fire(pub.ticket, 'verify', actor('u-leader'), { evidence: 'ok' }).ticket.state).toBe('closed');
  });
});

describe('point 13: administrators manage people, not tickets', () => {
  test('no lifecycle action is open to an administrator in any state', () => {
    for (const state of ['received', 'assigned', 'in_progress', 'waiting_on_client', 'resolved', 'callback', 'verification', 'closed'] as const) {
      expect([state, allowedActions(ticket({ state, createdBy: 'someone' }), admin)]).toEqual([state, []]);
    }
    for (const a of TICKET_ACTIONS) expect(MACHINE[a].who).not.toContain('admin');
  });
});

describe('point 12: no leaks through refusals', () => {
  test('a caller who may not read the ticket learns nothing: no state, seq or allowed actions', () => {
    const t = ticket({ state: 'in_progress', assigneeUid: 'u-quality-1' });
    for (const [action, input, seq] of [['accept', {}, undefined], ['verify', { evidence: 'x' }, 99], ['teleport', {}, 1]] as const) {
      const d = decide(t, action, actor('u-county'), input, ctx(at('2025-11-17 11:00')), 'closed', seq);
      expect(d).toEqual({ ok: false, code: 'permission-denied', message: 'You may not see this ticket', reason: 'lifecycle.not_readable', params: {} });
    }
  });
  test('a reader with a stale seq learns the state and seq', () => {
    const d = decide(ticket(), 'accept', actor('u-quality-1'), {}, ctx(at('2025-11-17 11:00')), 'assigned', 1);
    expect(d).toMatchObject({ ok: false, code: 'failed-precondition', reason: 'lifecycle.seq_changed', seq: 2, state: 'assigned' });
  });
});

describe('point 11: arrays inside a ticket are bounded', () => {
  test('pauses, callback attempts and earlier resolutions keep the newest entries; counters keep totals; worst case far below 1 MiB', () => {
    let t = fire(ticket(), 'accept', actor('u-quality-1'), {}).ticket;
    let now = at('2025-11-17 11:00');
    const long = '很'.repeat(500);
    for (let i = 0; i < LIFECYCLE_BOUNDS.pauses + 5; i++) {
      now = new Date(now.getTime() + 60_000);
      t = fire(t, 'wait_on_client', actor('u-quality-1'), { reason: long }, now).ticket;
      now = new Date(now.getTime() + 60_000);
      t = fire(t, 'resume', actor('u-quality-1'), {}, now).ticket;
    }
    expect(t.pauses).toHaveLength(LIFECYCLE_BOUNDS.pauses);
    expect(t.pauseCount).toBe(LIFECYCLE_BOUNDS.pauses + 5);
    const big = '长'.repeat(2000);
    for (let i = 0; i < LIFECYCLE_BOUNDS.earlierResolutions + 3; i++) {
      t = fire(t, 'submit_resolution', actor('u-quality-1'), { cause: big, measures: big, prevention: big }, now).ticket;
      t = fire(t, 'return_resolution', actor('u-quality-head'), { reason: '再改' }, now).ticket;
    }
    expect(t.earlierResolutions).toHaveLength(LIFECYCLE_BOUNDS.earlierResolutions);
    t = fire(t, 'resolve', actor('u-quality-head'), { cause: big, measures: big, prevention: big }, now).ticket;
    for (let i = 0; i < LIFECYCLE_BOUNDS.callbackAttempts + 10; i++) {
      t = fire(t, 'callback', actor('u-intake'), { outcome: 'unreachable', note: '无人接听'.repeat(100) }, now).ticket;
    }
    expect(t.callbackAttempts).toHaveLength(LIFECYCLE_BOUNDS.callbackAttempts);
    expect(t.callbackAttemptCount).toBe(LIFECYCLE_BOUNDS.callbackAttempts + 10);
    const bytes = Buffer.byteLength(JSON.stringify({ ...t, description: '长'.repeat(5000) }), 'utf8');
    expect(bytes).toBeLessThan(512 * 1024);
  });
});

describe('coded refusals', () => {
  test('every catalogue entry has both languages and the same placeholders', () => {
    for (const catalogue of [LIFECYCLE_REFUSALS, POLICY_REFUSALS, STAFF_REFUSALS]) {
      for (const [code, label] of Object.entries(catalogue)) {
        expect(code).toMatch(/^(lifecycle|policy|staff)\.[a-z_]+$/);
        expect(label['zh-CN'].length).toBeGreaterThan(0);
        expect(label.en.length).toBeGreaterThan(0);
        const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!.replace(/_(zh|en)$/, '')).sort();
        expect([code, names(label['zh-CN'])]).toEqual([code, names(label.en)]);
      }
    }
  });

  test('property: every refusal of the machine carries a code that renders in both languages with no placeholder left', () => {
    const people: LifecycleActor[] = [...Object.keys(STAFF).map((u) => actor(u)), admin, 'system'];
    const states = ['received', 'assigned', 'in_progress', 'waiting_on_client', 'callback', 'verification', 'closed', 'cancelled'] as const;
    fc.assert(fc.property(
      fc.constantFrom(...people), fc.constantFrom(...TICKET_ACTIONS), fc.constantFrom(...states), fc.boolean(), fc.boolean(),
      (who, action, state, major, withResolution) => {
        const t = ticket({
          state, major, assigneeUid: 'u-quality-1',
          resolution: withResolution ? { cause: 'c', measures: 'm', prevention: '', submittedBy: 'u-quality-1', submittedByName: 'Q', submittedAt: at('2025-11-17 10:30'), signedOffBy: null, signedOffByName: null, signedOffAt: null } : null,
        });
        const d = decide(t, action, who, {}, ctx(at('2025-11-17 11:00')));
        if (d.ok) return;
        for (const locale of ['zh-CN', 'en'] as const) {
          const text = refusalText([...LIFECYCLE_CATALOGUES, { 'input.invalid': { 'zh-CN': '输入有误：{fields}', en: 'Invalid input — {fields}' } }], d, locale);
          expect(text).not.toBeNull();
          expect(text).not.toMatch(/\{\w+\}/);
        }
      },
    ), { numRuns: 500 });
  });
});

import { createCalendar, defaultCalendarConfig } from '../../src/domain/calendar';
import {
  campaignDeadline, remindersDue, reminderInstants, resolveSurveyConfig, slotOpensAt, tokenRefusal,
} from '../../src/domain/surveys/campaign';
import { publicStatusOf } from '../../src/domain/surveys/feedback';
import { hashToken, newToken, TOKEN_PATTERN } from '../../src/domain/surveys/tokens';

const cal = createCalendar(defaultCalendarConfig(2025, 2027));
const iso = (d: Date) => d.toISOString();

test('defaults: June and November; tobacco stratified 5 %, property 50 % complainers mid-year and all at year-end', () => {
  const tobacco = resolveSurveyConfig({});
  expect(tobacco.slots.map((s) => [s.month, s.day, s.rule.kind])).toEqual([[6, 1, 'stratified'], [11, 1, 'stratified']]);
  const property = resolveSurveyConfig({ orgType: 'property' });
  expect(property.slots.map((s) => [s.rule.kind, s.targetReturnRate])).toEqual([['complainers', 0.5], ['all', 0.3]]);
  expect(() => resolveSurveyConfig({ slots: [{ key: 'x', month: 13, day: 1 }] })).toThrow();
});

test('a campaign date on a weekend or holiday opens on the next working day, at opening time', () => {
  // 1 Nov 2026 is a Sunday → Monday 2 Nov 08:30 (UTC+8).
  expect(iso(slotOpensAt(cal, 2026, { month: 11, day: 1 }))).toBe('2026-11-02T00:30:00.000Z');
  // 1 Jun 2026 is a Monday.
  expect(iso(slotOpensAt(cal, 2026, { month: 6, day: 1 }))).toBe('2026-06-01T00:30:00.000Z');
  // 1 Oct 2025 is National Day (1–8 Oct) → Thursday 9 Oct.
  expect(iso(slotOpensAt(cal, 2025, { month: 10, day: 1 }))).toBe('2025-10-09T00:30:00.000Z');
});

test('deadline in working days, reminders before it in working time', () => {
  const opens = slotOpensAt(cal, 2026, { month: 11, day: 1 });
  const deadline = campaignDeadline(cal, opens, 10);
  // Ten full working days, Mon 2 Nov … Fri 13 Nov, closing at 17:30.
  expect(iso(deadline)).toBe('2026-11-13T09:30:00.000Z');
  const reminders = reminderInstants(cal, opens, deadline, [5, 2]);
  expect(reminders.map(iso)).toEqual(['2026-11-06T00:30:00.000Z', '2026-11-11T00:30:00.000Z']);
  for (const r of reminders) expect(cal.isWorkingTime(r)).toBe(true);
  expect(remindersDue({ reminderAts: reminders, deadline }, new Date('2026-11-09T02:00:00Z'))).toBe(1);
  expect(remindersDue({ reminderAts: reminders, deadline }, new Date('2026-11-14T02:00:00Z'))).toBe(0);
});

test('tokens: 128 random bits, base64url, stored by hash', () => {
  const a = newToken();
  expect(a).toMatch(TOKEN_PATTERN);
  expect(Buffer.from(a, 'base64url')).toHaveLength(16);
  expect(newToken()).not.toBe(a);
  expect(hashToken(a)).toMatch(/^[0-9a-f]{64}$/);
});

test('token refusals are distinct: unknown, used, expired, closed', () => {
  const now = new Date('2026-11-10T02:00:00Z');
  const token = { campaignId: 'c', clientId: 'x', issuedAt: now, expiresAt: new Date('2026-11-16T09:30:00Z') };
  const open = { state: 'open' as const, deadline: token.expiresAt };
  expect(tokenRefusal(null, null, null, now)).toBe('token_unknown');
  expect(tokenRefusal(token, open, { status: 'submitted' }, now)).toBe('token_used');
  expect(tokenRefusal(token, { ...open, state: 'closed' }, { status: 'pending' }, now)).toBe('campaign_closed');
  expect(tokenRefusal(token, open, { status: 'pending' }, new Date('2026-11-17T00:00:00Z'))).toBe('token_expired');
  expect(tokenRefusal(token, open, { status: 'pending' }, now)).toBeNull();
});

test('public status never shows internal states', () => {
  expect(publicStatusOf('received')).toBe('received');
  expect(publicStatusOf('waiting_on_client')).toBe('being_handled');
  expect(publicStatusOf('verification')).toBe('resolved');
  expect(publicStatusOf('cancelled')).toBe('closed');
});

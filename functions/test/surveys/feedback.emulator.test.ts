/**
 * Client-facing feedback without an account: filed through createTicket and routing, a follow
 * code by SMS / e-mail, the public status only, abuse limits per phone number.
 */
import { emulatorProject } from '../../../test/support/emulator';
import { seedOrg } from '../../../test/support/fixtures';
import { ManualClock } from '../../src/domain/clock';
import { useClock } from '../../src/lib/clock';
import { publicFileFeedback } from '../../src/callables/surveys/public-file-feedback';
import { publicTicketStatus } from '../../src/callables/surveys/public-ticket-status';
import { onTicketCreated } from '../../src/triggers/ticket-created';
import { rejection } from './support';

const { db, fft, cleanup } = emulatorProject('survey-feedback');
jest.setTimeout(60_000);
const clock = new ManualClock(new Date('2026-11-23T02:00:00Z')); // Monday 10:00 in Shanghai
const file = fft.wrap(publicFileFeedback) as unknown as (r: unknown) => Promise<{ number: string; sentTo: string[] }>;
const status = fft.wrap(publicTicketStatus) as unknown as (r: unknown) => Promise<Record<string, unknown>>;

beforeAll(async () => {
  useClock(clock);
  await seedOrg(db);
});
afterAll(cleanup);

const complaint = {
  kind: 'complaint', subject: 'service_attitude', title: '送货员态度差', description: '昨天送货时出言不逊',
  contact: { name: '刘老板', phone: '138 0000 0001', email: 'liu@example.com' }, consent: true, clientCode: 'CZ1-001',
};

test('a client files a complaint on the web, gets a number and a code, and follows the public status', async () => {
  const { number, sentTo } = await file({ data: complaint });
  expect(number).toMatch(/^HX-20261123-\d{4}$/);
  expect(sentTo).toEqual(['sms', 'email']);
  const ticket = (await db.collection('tickets').where('number', '==', number).get()).docs[0]!;
  expect(ticket.data()).toMatchObject({ channel: 'web', kind: 'complaint', clientId: 'c-1', createdBy: 'system-web', state: 'received', hasReporter: true });
  expect((await ticket.ref.collection('private').doc('reporter').get()).data()).toMatchObject({ name: '刘老板', phone: '13800000001', consentToContact: true });
  const sms = (await db.doc(`messages/follow_${ticket.id}`).get()).data()!;
  expect(sms.to).toBe('13800000001');
  const code = /查询码 (\d{6})/.exec(sms.body as string)![1]!;
  // the code is stored only as a hash
  expect(JSON.stringify((await db.doc(`publicFollow/${number}`).get()).data())).not.toContain(code);

  expect(await status({ data: { number, code } })).toEqual({
    number, kind: 'complaint', title: '送货员态度差', status: 'received',
    receivedAt: '2026-11-23T02:00:00.000Z', updatedAt: '2026-11-23T02:00:00.000Z',
  });
  // routed like any complaint: to quality; the public sees "being handled", nothing internal
  await fft.wrap(onTicketCreated)({ data: ticket, params: { ticketId: ticket.id }, id: 'evt' } as never);
  const after = await status({ data: { number, code } });
  expect(after.status).toBe('being_handled');
  expect(Object.keys(after).sort()).toEqual(['kind', 'number', 'receivedAt', 'status', 'title', 'updatedAt']);
  expect((await db.doc(`tickets/${ticket.id}`).get()).get('ownerDeptId')).toBe('dept-quality');
});

test('wrong codes and unknown numbers get the same refusal; five wrong codes lock the ticket', async () => {
  const { number } = await file({ data: { ...complaint, kind: 'suggestion', subject: undefined, title: '建议延长营业时间', contact: { name: '陈', phone: '13800000009', email: '' } } });
  const unknown = await rejection(status({ data: { number: 'HX-20261123-9999', code: '123456' } }));
  const wrong = await rejection(status({ data: { number, code: '000000' } }));
  expect([unknown.code, unknown.details.reason]).toEqual(['not-found', 'feedback.follow_unknown']);
  expect([wrong.code, wrong.details.reason]).toEqual(['not-found', 'feedback.follow_unknown']);
  for (let i = 0; i < 4; i++) await rejection(status({ data: { number, code: '000000' } }));
  const sms = (await db.collection('messages').get()).docs.find((d) => (d.get('body') as string).includes(number))!;
  const code = /查询码 (\d{6})/.exec(sms.get('body') as string)![1]!;
  const locked = await rejection(status({ data: { number, code } }));
  expect([locked.code, locked.details.reason]).toEqual(['resource-exhausted', 'feedback.follow_locked']);
});

test('bad input is refused per field and writes nothing: no contact, no consent, unknown client, complaint without subject', async () => {
  const before = (await db.collection('tickets').get()).size;
  const noContact = await rejection(file({ data: { ...complaint, contact: { name: '刘', phone: '', email: '' } } }));
  expect([noContact.code, noContact.details.reason]).toEqual(['invalid-argument', 'feedback.contact_needed']);
  const noConsent = await rejection(file({ data: { ...complaint, consent: false } }));
  expect(noConsent.details.reason).toBe('feedback.consent_needed');
  const unknownClient = await rejection(file({ data: { ...complaint, clientCode: 'NOPE' } }));
  expect([unknownClient.code, unknownClient.details.reason]).toEqual(['not-found', 'feedback.client_unknown']);
  const noSubject = await rejection(file({ data: { ...complaint, subject: undefined } }));
  expect(noSubject.code).toBe('invalid-argument');
  expect(Object.keys((noSubject.details as { fields: object }).fields)).toEqual(['subject']);
  const extra = await rejection(file({ data: { ...complaint, ownerDeptId: 'dept-leadership' } }));
  expect(extra.code).toBe('invalid-argument');
  expect((await db.collection('tickets').get()).size).toBe(before);
});

test('without a client code the feedback goes to the web-public client; the same phone is limited to 5 a day', async () => {
  const data = { kind: 'inquiry', title: '营业时间？', contact: { name: '游客', phone: '13912345678', email: '' }, consent: true };
  for (let i = 0; i < 5; i++) await file({ data });
  const tickets = await db.collection('tickets').where('clientId', '==', 'web-public').get();
  expect(tickets.size).toBe(5);
  const limited = await rejection(file({ data }));
  expect([limited.code, limited.details.reason, limited.details.params]).toEqual(['resource-exhausted', 'feedback.rate_limited_phone', { limit: 5 }]);
  expect((await db.collection('tickets').where('clientId', '==', 'web-public').get()).size).toBe(5);
  clock.advance(24 * 3600_000); // the next day the counter starts again
  await file({ data });
});

import { emulatorProject } from '../../../test/support/emulator';
import { authOf, seedOrg } from '../../../test/support/fixtures';
import { ManualClock } from '../../src/domain/clock';
import { useClock } from '../../src/lib/clock';
import { createTicket } from '../../src/callables/create-ticket';

const { db, fft, cleanup } = emulatorProject('create-ticket');
const call = fft.wrap(createTicket);
const now = new Date('2026-11-23T02:00:00Z'); // Monday 10:00 in Shanghai

const complaint = {
  clientId: 'c-1',
  kind: 'complaint',
  subject: 'service_attitude',
  channel: 'hotline',
  title: '收银员态度恶劣',
  description: '周日下午收银员对顾客大声呵斥。',
  reporter: { name: '张女士', phone: '13900000000', email: 'zhang@example.com', consentToContact: true },
};

async function countAll(): Promise<number> {
  const [t, c] = await Promise.all([db.collection('tickets').count().get(), db.collection('counters').count().get()]);
  return t.data().count + c.data().count;
}

async function rejection(p: unknown): Promise<{ code: string; message: string; details: unknown }> {
  try {
    await p;
  } catch (e) {
    return e as { code: string; message: string; details: unknown };
  }
  throw new Error('expected the call to be rejected');
}

beforeAll(async () => {
  useClock(new ManualClock(now));
  await seedOrg(db);
});
afterAll(cleanup);

test('files a complaint with its first history event and a private reporter record', async () => {
  const { ticketId, number } = await call({ data: complaint, auth: authOf('u-intake') } as never);
  expect(number).toBe('HX-20261123-0001');
  const ticket = (await db.doc(`tickets/${ticketId}`).get()).data()!;
  expect(ticket).toMatchObject({
    state: 'received', kind: 'complaint', clientName: '万家便利店', branchId: 'br-city', clientTier: 'A',
    createdBy: 'u-intake', hasReporter: true, lastEventSeq: 1,
  });
  expect(ticket.receivedAt.toDate()).toEqual(now);
  expect(JSON.stringify(ticket)).not.toContain('张女士'); // identity is not on the ticket itself
  const events = await db.collection(`tickets/${ticketId}/events`).get();
  expect(events.docs.map((d) => [d.id, d.get('type'), d.get('actorName')])).toEqual([['000001', 'received', 'Intake Li']]);
  const reporter = await db.doc(`tickets/${ticketId}/private/reporter`).get();
  expect(reporter.get('name')).toBe('张女士');
});

test('numbers tickets of the same day consecutively', async () => {
  const { number } = await call({ data: { ...complaint, reporter: undefined }, auth: authOf('u-intake') } as never);
  expect(number).toBe('HX-20261123-0002');
});

test('invalid input → invalid-argument with field-level messages, nothing written', async () => {
  const before = await countAll();
  const err = await rejection(call({
    data: { ...complaint, kind: 'rant', title: '', reporter: { name: '张', email: 'not-an-email' } },
    auth: authOf('u-intake'),
  } as never));
  expect(err.code).toBe('invalid-argument');
  const fields = (err.details as { fields: Record<string, string> }).fields;
  expect(Object.keys(fields).sort()).toEqual(['kind', 'reporter.email', 'title']);
  expect(await countAll()).toBe(before);
});

test('a complaint without a subject is refused, naming the field', async () => {
  const err = await rejection(call({ data: { ...complaint, subject: undefined }, auth: authOf('u-intake') } as never));
  expect(err.code).toBe('invalid-argument');
  expect(err.details).toMatchObject({ fields: { subject: 'a complaint needs a subject' }, reason: 'input.invalid' });
});

test('an unknown client → invalid-argument on clientId, nothing written', async () => {
  const before = await countAll();
  const err = await rejection(call({ data: { ...complaint, clientId: 'c-nope' }, auth: authOf('u-intake') } as never));
  expect(err.code).toBe('invalid-argument');
  expect(err.details).toEqual({ fields: { clientId: 'no client c-nope' } });
  expect(await countAll()).toBe(before);
});

test('unknown fields are rejected, so claims sent in the payload cannot sneak in', async () => {
  const err = await rejection(call({ data: { ...complaint, role: 'admin' }, auth: authOf('u-intake') } as never));
  expect(err.code).toBe('invalid-argument');
  expect(Object.keys((err.details as { fields: Record<string, string> }).fields)).toEqual(['(root)']);
});

test('no auth → unauthenticated; an auditor cannot file', async () => {
  expect((await rejection(call({ data: complaint } as never))).code).toBe('unauthenticated');
  expect((await rejection(call({ data: complaint, auth: authOf('u-auditor') } as never))).code).toBe('permission-denied');
});

import { randomUUID } from 'node:crypto';
import { emulatorProject } from '../../../test/support/emulator';
import { authOf, seedOrgWithExtras, tokenOf } from '../../../test/support/fixtures';
import { ManualClock } from '../../src/domain/clock';
import { useClock } from '../../src/lib/clock';
import { createTicket } from '../../src/callables/create-ticket';

const { db, fft, cleanup } = emulatorProject('create-ticket');
const call = fft.wrap(createTicket);
const now = new Date('2026-11-23T02:00:00Z'); // Monday 10:00 in Shanghai

const complaint = {
  requestId: 'req-0001-aaaa',
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
  await seedOrgWithExtras(db);
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
  const { number } = await call({ data: { ...complaint, requestId: randomUUID(), reporter: undefined }, auth: authOf('u-intake') } as never);
  expect(number).toBe('HX-20261123-0002');
});

test('concurrent intakes of different tickets get distinct numbers, and every one is filed', async () => {
  // The gRPC emulator does not isolate transactions, so concurrent intakes read the same counter:
  // uniqueness rests on the number's reservation document being created first (write order).
  const results = await Promise.all(Array.from({ length: 12 }, (_, i) =>
    call({ data: { ...complaint, requestId: `burst-${String(i).padStart(4, '0')}`, title: `早高峰来电 ${i}`, reporter: undefined }, auth: authOf('u-intake') } as never) as Promise<{ ticketId: string; number: string }>));
  const numbers = results.map((r) => r.number);
  expect(new Set(numbers).size).toBe(12);
  const tickets = await db.getAll(...results.map((r) => db.doc(`tickets/${r.ticketId}`)));
  expect(tickets.map((t) => t.get('number'))).toEqual(numbers);
  const reserved = await db.getAll(...numbers.map((n) => db.doc(`ticketNumbers/${n}`)));
  expect(reserved.map((r) => r.get('ticketId'))).toEqual(results.map((r) => r.ticketId));
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
  expect(err.details).toMatchObject({ reason: 'input.invalid', fields: { subject: 'a complaint needs a subject' } });
});

test('an unknown client → invalid-argument on clientId, nothing written', async () => {
  const before = await countAll();
  const err = await rejection(call({ data: { ...complaint, requestId: randomUUID(), clientId: 'c-nope' }, auth: authOf('u-intake') } as never));
  expect(err.code).toBe('invalid-argument');
  expect(err.details).toMatchObject({ fields: { clientId: 'no client c-nope' } });
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

// ── issue 9 point 11: idempotent intake, strict boundaries ──

test('a double submit (same requestId) files one ticket and answers both with it', async () => {
  const data = { ...complaint, requestId: randomUUID(), reporter: undefined };
  const before = await db.collection('tickets').count().get();
  const [a, b] = await Promise.all([
    call({ data, auth: authOf('u-intake') } as never),
    call({ data, auth: authOf('u-intake') } as never),
  ]);
  const c = await call({ data, auth: authOf('u-intake') } as never); // a retry after the answer was lost
  expect(b).toEqual(a);
  expect(c).toEqual(a);
  expect((await db.collection('tickets').count().get()).data().count).toBe(before.data().count + 1);
  expect((await db.collection(`tickets/${a.ticketId}/events`).get()).size).toBe(1);
});

test('the same requestId for different content is refused with a code; other callers have their own ids', async () => {
  const requestId = randomUUID();
  const first = await call({ data: { ...complaint, requestId, reporter: undefined }, auth: authOf('u-intake') } as never);
  const err = await rejection(call({ data: { ...complaint, requestId, title: '另一件事', reporter: undefined }, auth: authOf('u-intake') } as never));
  expect(err.code).toBe('failed-precondition');
  expect(err.details).toMatchObject({ reason: 'lifecycle.request_id_reused', params: { number: first.number } });
  // The same request id from another person is another submission.
  const other = await call({ data: { ...complaint, requestId, reporter: undefined }, auth: authOf('u-quality-1') } as never);
  expect(other.ticketId).not.toBe(first.ticketId);
});

test('a missing or malformed requestId is invalid-argument on requestId', async () => {
  for (const requestId of [undefined, 'short', 'has/slash-123', 'x'.repeat(65)]) {
    const err = await rejection(call({ data: { ...complaint, requestId }, auth: authOf('u-intake') } as never));
    expect(err.code).toBe('invalid-argument');
    expect(Object.keys((err.details as { fields: Record<string, string> }).fields)).toEqual(['requestId']);
  }
});

test('a client the caller may not see is refused, nothing written', async () => {
  const before = await countAll();
  // On-site staff file only for their own clients (c-3 is theirs, c-1 is not).
  const err = await rejection(call({ data: { ...complaint, requestId: randomUUID(), reporter: undefined }, auth: tokenOf('u-onsite') } as never));
  expect(err.code).toBe('permission-denied');
  expect(err.details).toMatchObject({ reason: 'lifecycle.client_not_visible', params: { clientId: 'c-1' } });
  expect(await countAll()).toBe(before);
  const own = await call({ data: { ...complaint, clientId: 'c-3', requestId: randomUUID(), reporter: undefined }, auth: tokenOf('u-onsite') } as never);
  expect(own.number).toMatch(/^HX-/);
  // A county employee does not file for a city client.
  const county = await rejection(call({ data: { ...complaint, requestId: randomUUID(), reporter: undefined }, auth: authOf('u-county') } as never));
  expect(county.code).toBe('permission-denied');
});

test('prototype keys, ids with "/", bad phones and blank names are invalid-argument naming the field; never internal', async () => {
  const cases: Array<[Record<string, unknown>, string]> = [
    [JSON.parse('{"__proto__": {"role": "admin"}}') as Record<string, unknown>, '__proto__'],
    [{ reporter: JSON.parse('{"name": "张", "constructor": {"x": 1}}') as unknown }, 'reporter.constructor'],
    [{ prototype: 1 }, 'prototype'],
    [{ clientId: 'clients/c-1' }, 'clientId'],
    [{ reporter: { name: '张', phone: '12345' } }, 'reporter.phone'],
    [{ reporter: { name: '   ' } }, 'reporter.name'],
  ];
  for (const [over, field] of cases) {
    const before = await countAll();
    const err = await rejection(call({ data: { ...complaint, requestId: randomUUID(), ...over }, auth: authOf('u-intake') } as never));
    expect([field, err.code]).toEqual([field, 'invalid-argument']);
    expect(Object.keys((err.details as { fields: Record<string, string> }).fields)).toContain(field);
    expect(await countAll()).toBe(before);
  }
  // Chinese mobile and landline numbers pass, trimmed; the name is trimmed.
  for (const phone of ['13912345678', '+86 13912345678', '010-12345678', '0571 87654321', '400-123-4567']) {
    const { ticketId } = await call({
      data: { ...complaint, requestId: randomUUID(), reporter: { name: '  李先生 ', phone: ` ${phone} `, address: '人民路 1 号 302' } }, auth: authOf('u-intake'),
    } as never);
    expect((await db.doc(`tickets/${ticketId}/private/reporter`).get()).data()).toMatchObject({ name: '李先生', phone, address: '人民路 1 号 302' });
  }
});

test('an answer promised at intake is kept on the ticket; a date in the past or beyond a year is refused on that field, nothing written', async () => {
  const promised = '2026-11-25T09:00:00+08:00';
  const { ticketId } = await call({ data: { ...complaint, requestId: randomUUID(), promisedReplyAt: promised }, auth: authOf('u-intake') } as never);
  const ticket = (await db.doc(`tickets/${ticketId}`).get()).data()!;
  expect(ticket.promisedAt.toDate().toISOString()).toBe('2026-11-25T01:00:00.000Z');

  const before = await countAll();
  for (const [when, why] of [['2026-11-22T10:00:00+08:00', 'must be in the future'], ['2028-01-01T10:00:00+08:00', 'at most a year ahead'], ['tomorrow', undefined]] as const) {
    const err = await rejection(call({ data: { ...complaint, requestId: randomUUID(), promisedReplyAt: when }, auth: authOf('u-intake') } as never));
    expect(err.code).toBe('invalid-argument');
    const fields = (err.details as { fields: Record<string, string> }).fields;
    expect(Object.keys(fields)).toEqual(['promisedReplyAt']);
    if (why) expect(fields['promisedReplyAt']).toBe(why);
  }
  expect(await countAll()).toBe(before);
});

test('a county ticket records its branch and the city above it, so the city\'s quality may read it under the rules too', async () => {
  const { ticketId } = await call({ data: { ...complaint, requestId: randomUUID(), clientId: 'c-2' }, auth: authOf('u-intake') } as never);
  expect((await db.doc(`tickets/${ticketId}`).get()).get('branchPath')).toEqual(['br-county', 'br-city']);
});

import { randomUUID } from 'node:crypto';
import { emulatorProject } from '../../../test/support/emulator';
import { authOf, seedOrg } from '../../../test/support/fixtures';
import { ManualClock } from '../../src/domain/clock';
import { useClock } from '../../src/lib/clock';
import { createTicket } from '../../src/callables/create-ticket';
import { onTicketCreated } from '../../src/triggers/ticket-created';

const { db, fft, cleanup } = emulatorProject('ticket-created');
const file = fft.wrap(createTicket);
const route = fft.wrap(onTicketCreated);
// Wednesday 2025-10-01 is National Day; 16:30 on Tuesday 2025-09-30 is the last working afternoon before it.
const filedAt = new Date('2025-09-30T08:30:00Z');

async function fileTicket(data: Record<string, unknown>): Promise<string> {
  const { ticketId } = await file({ data: { requestId: randomUUID(), ...data }, auth: authOf('u-intake') } as never);
  return ticketId;
}

async function deliver(ticketId: string, eventId: string): Promise<void> {
  const snap = await db.doc(`tickets/${ticketId}`).get();
  await route({ data: snap, params: { ticketId }, id: eventId } as never);
}

beforeAll(async () => {
  useClock(new ManualClock(filedAt));
  await seedOrg(db);
});
afterAll(cleanup);

test('a complaint is routed to the quality department, due one working day later, and its staff are told', async () => {
  const ticketId = await fileTicket({
    clientId: 'c-1', kind: 'complaint', subject: 'goods_expired', channel: 'hotline', title: '买到过期牛奶',
  });
  await deliver(ticketId, 'evt-1');
  await deliver(ticketId, 'evt-1'); // the same event delivered twice

  const ticket = (await db.doc(`tickets/${ticketId}`).get()).data()!;
  expect(ticket.state).toBe('assigned');
  expect(ticket.ownerDeptId).toBe('dept-quality');
  expect(ticket.routing).toMatchObject({ rule: 'complaint', deptKind: 'quality' });
  // Oct 1–8 are holidays: one working day after 16:30 on Sep 30 is 16:30 on Thursday Oct 9.
  expect(ticket.dueAt.toDate().toISOString()).toBe('2025-10-09T08:30:00.000Z');

  const events = await db.collection(`tickets/${ticketId}/events`).orderBy('seq').get();
  expect(events.docs.map((d) => [d.get('type'), d.get('from'), d.get('to')])).toEqual([
    ['received', null, 'received'],
    ['assigned', 'received', 'assigned'],
  ]);
  expect(events.docs[1]!.get('changes').ownerDeptId).toEqual({ from: null, to: 'dept-quality' });

  const notes = await db.collection('notifications').where('ticketId', '==', ticketId).get();
  expect(notes.docs.map((d) => d.get('uid')).sort()).toEqual(['u-quality-1', 'u-quality-2', 'u-quality-head']);
  const english = notes.docs.find((d) => d.get('uid') === 'u-quality-2')!;
  expect(english.get('title')).toMatch(/^New complaint to handle: HX-20250930-\d{4}$/);
  const chinese = notes.docs.find((d) => d.get('uid') === 'u-quality-1')!;
  expect(chinese.get('body')).toContain('2025/10/09 16:30');

  const mail = await db.collection('mail').get();
  const mine = mail.docs.filter((d) => d.id.startsWith(ticketId));
  expect(mine).toHaveLength(3);
  expect(mine.map((d) => d.get('to')).sort()).toEqual([
    'quality.head.wang@example.com', 'quality.qian@example.com', 'quality.zhao@example.com',
  ]);
  expect(mine[0]!.get('message.subject')).toBeTruthy();
});

test('feedback goes to the business department; compensation to leadership', async () => {
  const suggestion = await fileTicket({ clientId: 'c-1', kind: 'suggestion', channel: 'web', title: '希望延长营业时间' });
  const compensation = await fileTicket({
    clientId: 'c-1', kind: 'complaint', subject: 'goods_damaged', channel: 'walk_in', title: '要求赔偿', compensation: true, claimedAmount: 3000,
  });
  await Promise.all([deliver(suggestion, 's'), deliver(compensation, 'c')]);
  expect((await db.doc(`tickets/${suggestion}`).get()).get('ownerDeptId')).toBe('dept-business');
  expect((await db.doc(`tickets/${compensation}`).get()).get('ownerDeptId')).toBe('dept-leadership');
  // a 3000-yuan claim may only be settled by the store manager; feedback has no authority level
  expect((await db.doc(`tickets/${compensation}`).get()).get('routing')).toMatchObject({
    authority: 'store_manager', authorityReason: '索赔金额 3000 元',
  });
  expect((await db.doc(`tickets/${suggestion}`).get()).get('routing.authority')).toBeNull();
});

test('a county client is served by its own branch where it has the department, else by the city company', async () => {
  const feedback = await fileTicket({ clientId: 'c-2', kind: 'inquiry', channel: 'hotline', title: '咨询新品供应' });
  const complaint = await fileTicket({ clientId: 'c-2', kind: 'complaint', subject: 'goods_price', channel: 'hotline', title: '价格不符' });
  await Promise.all([deliver(feedback, 'f'), deliver(complaint, 'q')]);
  expect((await db.doc(`tickets/${feedback}`).get()).get('ownerDeptId')).toBe('dept-county-business');
  expect((await db.doc(`tickets/${complaint}`).get()).get('ownerDeptId')).toBe('dept-quality');
});

test('an event for a ticket that no longer exists does nothing', async () => {
  const ticketId = await fileTicket({ clientId: 'c-1', kind: 'praise', channel: 'web', title: '表扬保洁阿姨' });
  const snap = await db.doc(`tickets/${ticketId}`).get();
  // (BulkWriter-based recursiveDelete is not supported by the gRPC emulator)
  const events = await db.collection(`tickets/${ticketId}/events`).get();
  await Promise.all([...events.docs.map((d) => d.ref.delete()), db.doc(`tickets/${ticketId}`).delete()]);
  await route({ data: snap, params: { ticketId } } as never);
  expect((await db.doc(`tickets/${ticketId}`).get()).exists).toBe(false);
});

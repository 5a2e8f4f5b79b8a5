import { randomUUID } from 'node:crypto';
import { emulatorProject } from '../../../test/support/emulator';
import { authOf, seedOrg } from '../../../test/support/fixtures';
import { ManualClock } from '../../src/domain/clock';
import { useClock } from '../../src/lib/clock';
import { createTicket } from '../../src/callables/create-ticket';
import { getTicket } from '../../src/callables/get-ticket';
import { onTicketCreated } from '../../src/triggers/ticket-created';

const { db, fft, cleanup } = emulatorProject('get-ticket');
const clock = new ManualClock(new Date('2025-09-30T08:30:00Z')); // Tue 16:30 Shanghai, before National Day
const HOUR = 3_600_000;

beforeAll(async () => {
  useClock(clock);
  await seedOrg(db);
});
afterAll(cleanup);

test('the detail shows the time left in working time, across the holiday, and negative once overdue', async () => {
  const { ticketId } = await fft.wrap(createTicket)({
    data: { requestId: randomUUID(), clientId: 'c-1', kind: 'complaint', subject: 'goods_quality', channel: 'hotline', title: '饮料变质' },
    auth: authOf('u-intake'),
  } as never);
  await fft.wrap(onTicketCreated)({ data: await db.doc(`tickets/${ticketId}`).get(), params: { ticketId } } as never);
  const read = fft.wrap(getTicket);

  clock.set(new Date('2025-09-30T09:00:00Z')); // 17:00: half an hour today + 08:30–16:30 on Oct 9 less lunch
  const before = await read({ data: { ticketId }, auth: authOf('u-quality-1') } as never);
  expect(before.ticket.dueAt).toBe('2025-10-09T08:30:00.000Z');
  expect(before.workingTimeLeftMs).toBe(7 * HOUR);

  clock.set(new Date('2025-10-05T02:00:00Z')); // during the holiday nothing is used up
  expect((await read({ data: { ticketId }, auth: authOf('u-quality-1') } as never)).workingTimeLeftMs).toBe(6.5 * HOUR);

  clock.set(new Date('2025-10-10T01:30:00Z')); // Fri 09:30: overdue by 1 h (17:30 − 16:30) + 1 h
  expect((await read({ data: { ticketId }, auth: authOf('u-quality-1') } as never)).workingTimeLeftMs).toBe(-2 * HOUR);
});

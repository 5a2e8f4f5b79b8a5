/** Shared by the deadlines-area emulator suites: clock, recorded timers, wrapped entry points. */
import type { Firestore } from 'firebase-admin/firestore';
import { emulatorProject } from '../../../test/support/emulator';
import { tokenOf } from '../../../test/support/fixtures';
import { ManualClock } from '../../src/domain/clock';
import { useClock } from '../../src/lib/clock';
import { createTicket } from '../../src/callables/create-ticket';
import { transitionTicket } from '../../src/callables/transition-ticket';
import { onTicketDeadlineChanged } from '../../src/triggers/ticket-deadline-changed';
import { deadlineTask } from '../../src/tasks/deadline-task';
import { sweepDeadlines } from '../../src/schedules/sweep-deadlines';
import { routeNewTicket } from '../../src/store/route-ticket';
import { useDeadlineTimers, type DeadlineTimer } from '../../src/store/deadlines';

/** A Beijing-time instant. */
export const at = (s: string): Date => new Date(`${s.replace(' ', 'T')}:00+08:00`);

export function deadlinesHarness(project: string, start: Date) {
  const { db, fft, cleanup } = emulatorProject(project);
  const clk = new ManualClock(start);
  useClock(clk);
  const timers: DeadlineTimer[] = [];
  useDeadlineTimers({
    async schedule(t) {
      if (timers.some((s) => s.name === t.name)) return 'exists';
      timers.push(t);
      return 'scheduled';
    },
  });
  const fileFn = fft.wrap(createTicket);
  const transitionFn = fft.wrap(transitionTicket);
  const changed = fft.wrap(onTicketDeadlineChanged);
  const taskFn = fft.wrap(deadlineTask as never) as unknown as (req: { data: unknown }) => Promise<void>;
  const previous = new Map<string, FirebaseFirestore.DocumentSnapshot>();
  let filed = 0;

  /** Delivers the ticket's latest write to the deadline trigger, as Firestore would (`times` deliveries). */
  async function written(ticketId: string, times = 1): Promise<void> {
    const after = await db.doc(`tickets/${ticketId}`).get();
    const before = previous.get(ticketId) ?? fft.firestore.makeDocumentSnapshot({}, `tickets/${ticketId}`);
    for (let i = 0; i < times; i++) await changed({ data: fft.makeChange(before, after), params: { ticketId }, id: `w-${Date.now()}` } as never);
    previous.set(ticketId, after);
  }

  /**
   * A query's promise resolves when its documents are in, sometimes before the server's closing
   * status reaches the stream; deleting the app at that moment makes the SDK decode a CANCELLED
   * status after jest's teardown (and exit 1). Let the streams close first.
   */
  const settle = async (): Promise<void> => {
    await new Promise((resolve) => setTimeout(resolve, 500));
    await cleanup();
  };

  return {
    db: db as Firestore, fft, cleanup: settle, clk, timers,
    async file(uid: string, when: string, data: Record<string, unknown>): Promise<string> {
      clk.set(at(when));
      const requestId = `harness-${++filed}-${when.replace(/\D/g, "")}`;
      const { ticketId } = (await fileFn({ data: { requestId, clientId: 'c-1', kind: 'complaint', subject: 'goods_expired', channel: 'hotline', title: '买到过期牛奶', ...data }, auth: tokenOf(uid) } as never)) as { ticketId: string };
      await routeNewTicket(db, ticketId, at(when));
      await written(ticketId);
      return ticketId;
    },
    async act(ticketId: string, when: string, uid: string, action: string, fields: Record<string, unknown> = {}) {
      clk.set(at(when));
      const snap = await db.doc(`tickets/${ticketId}`).get();
      const r = await transitionFn({ data: { ticketId, action, expectedState: snap.get('state'), expectedSeq: snap.get('lastEventSeq'), ...fields }, auth: tokenOf(uid) } as never);
      await written(ticketId);
      return r as { state: string; seq: number };
    },
    written,
    async sweep(when: string) {
      clk.set(at(when));
      await sweepDeadlines.run({ scheduleTime: at(when).toISOString(), jobName: 'sweepDeadlines' } as never);
    },
    /** Delivers a recorded timer's task (what Cloud Tasks sends: the data, not the schedule). */
    async task(when: string, timer: Pick<DeadlineTimer, 'ticketId' | 'dueAt' | 'kind' | 'key'>) {
      clk.set(at(when));
      await taskFn({ data: { ticketId: timer.ticketId, dueAt: timer.dueAt, kind: timer.kind, ...(timer.key ? { key: timer.key } : {}) } });
    },
    async ticket(ticketId: string) {
      return (await db.doc(`tickets/${ticketId}`).get()).data()!;
    },
    async events(ticketId: string) {
      const snap = await db.collection(`tickets/${ticketId}/events`).orderBy('seq').get();
      return snap.docs.map((d) => d.data());
    },
    /** uids told by notifications of `type` about the ticket, sorted (duplicates kept: they would be a bug). */
    async told(ticketId: string, type: string): Promise<string[]> {
      const snap = await db.collection('notifications').where('ticketId', '==', ticketId).where('type', '==', type).get();
      return snap.docs.map((d) => d.get('uid') as string).sort();
    },
  };
}

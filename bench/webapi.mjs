/**
 * Benchmark: what the ticket list and the liveness poll cost in Firestore reads (issue 8.2, 8.8,
 * 9.1), counted in the emulator's gRPC service like bench/lifecycle.mjs. A department with 30 open
 * tickets and 300 closed ones: the first page (25 rows with the 8 queue counts), the next page,
 * a search, and the change-marker poll. Goals: a page reads about its rows plus one per count,
 * whatever the number of closed tickets; a poll reads one document (plus requireActor's two).
 *
 * Build first: npx tsc -p functions/tsconfig.build.json
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { freePort, instrumentGrpc, seed } from './lifecycle.mjs';

const require = createRequire(new URL('../functions/package.json', import.meta.url));

export async function run() {
  const counts = { enabled: false, reads: 0, byCollection: {} };
  instrumentGrpc(counts);
  const { FirestoreServer } = require('@firestore-emulator/server');
  const server = new FirestoreServer();
  const port = await freePort();
  await server.start(port);
  process.env.FIRESTORE_EMULATOR_HOST = `127.0.0.1:${port}`;
  const { initializeApp, deleteApp } = require('firebase-admin/app');
  const { getFirestore } = require('firebase-admin/firestore');
  const app = initializeApp({ projectId: 'demo-bench-webapi' }, 'bench-webapi');
  const lib = (p) => require(`./lib/${p}`);
  const { CreateTicketInput, ListTicketsInput } = lib('domain/api.js');
  const { createTicket } = lib('store/create-ticket.js');
  const { routeNewTicket } = lib('store/route-ticket.js');
  const { listTicketRows } = lib('store/tickets/list.js');
  const { readMarker } = lib('store/tickets/markers.js');
  const { listFieldsOf, searchTokensOf } = lib('domain/tickets/list-fields.js');
  const { loadOrg, loadStaff } = lib('store/org.js');
  const { loadCalendar } = lib('store/config.js');

  try {
    const db = getFirestore(app);
    const actors = await seed(db);
    await db.doc('staff/u-business-head').set({
      displayName: 'Business Head Sun', email: 'sun@example.com', role: 'head', deptId: 'dept-business', branchId: 'br-city', locale: 'zh-CN', disabled: false,
    });
    const head = { uid: 'u-business-head', role: 'head', deptId: 'dept-business', deptKind: 'business', branchId: 'br-city', displayName: 'Business Head Sun', locale: 'zh-CN' };
    const start = new Date('2025-11-17T02:00:00Z');
    let first = null;
    for (let i = 0; i < 30; i++) {
      const at = new Date(start.getTime() + i * 60_000);
      const input = CreateTicketInput.parse({ requestId: `bench-webapi-${i}`, clientId: 'c-1', kind: 'suggestion', channel: 'hotline', title: `建议 ${i} 延长营业时间` });
      const { ticketId } = await createTicket(db, actors['u-intake'], input, at);
      await routeNewTicket(db, ticketId, at);
      first ??= ticketId;
    }
    // 300 newer closed tickets of the same department (written directly: only their presence matters).
    const template = (await db.doc(`tickets/${first}`).get()).data();
    for (let b = 0; b < 3; b++) {
      const batch = db.batch();
      for (let i = 0; i < 100; i++) {
        const id = `closed-${b}-${i}`;
        const receivedAt = new Date(start.getTime() + 3_600_000 + (b * 100 + i) * 60_000);
        const t = { ...template, state: 'closed', receivedAt, title: `已办结 ${b}-${i}` };
        batch.set(db.doc(`tickets/${id}`), { ...t, ...listFieldsOf(id, { ...t, dueAt: t.dueAt.toDate() }), searchTokens: searchTokensOf(t, 'CZ1-001') });
      }
      await batch.commit();
    }
    const ctx = { org: await loadOrg(db), calendar: await loadCalendar(db), now: new Date('2025-11-17T09:00:00Z') };
    const measure = async (fn) => {
      counts.reads = 0;
      counts.enabled = true;
      const out = await fn();
      counts.enabled = false;
      return { reads: counts.reads, out };
    };
    const firstPage = await measure(() => listTicketRows(db, head, ListTicketsInput.parse({ queue: 'department', limit: 25 }), ctx));
    if (firstPage.out.rows.length !== 25) throw new Error(`first page has ${firstPage.out.rows.length} rows`);
    const nextPage = await measure(() => listTicketRows(db, head, ListTicketsInput.parse({ queue: 'department', limit: 25, withCounts: false, cursor: firstPage.out.nextCursor }), ctx));
    if (nextPage.out.rows.length !== 5 || nextPage.out.nextCursor !== null) throw new Error('second page should hold the last 5 open tickets');
    const search = await measure(() => listTicketRows(db, head, ListTicketsInput.parse({ search: '延长营业', limit: 25, withCounts: false }), ctx));
    const poll = await measure(() => readMarker(db, head.uid));
    // What one getChangeMarker call reads besides the marker: requireActor's staff record (the
    // organisation comes from the per-instance cache, store/cache.ts).
    const actorRead = await measure(() => loadStaff(db, head.uid));
    // A department head with the ticket list open for an hour, tab visible: one marker poll per
    // interval of the web client (web/src/poll-intervals.json), and the list with its counts
    // re-read only when the marker moved. Assumed: the department's tickets change 12 times an
    // hour (a busy desk: one change every 5 minutes).
    const intervals = JSON.parse(readFileSync(new URL('../web/src/poll-intervals.json', import.meta.url), 'utf8'));
    const pollsPerHour = Math.round(3_600_000 / intervals.changeMarkerVisibleMs);
    const CHANGES_PER_HOUR = 12;
    const perHour = pollsPerHour * (poll.reads + actorRead.reads) + CHANGES_PER_HOUR * firstPage.reads;
    // Before issue 8.8 the list re-read itself (with counts) on every poll: the same hour then.
    const perHourBefore = pollsPerHour * (firstPage.reads + actorRead.reads);
    return [
      { name: 'ticketList.openTickets', value: 30, unit: 'count' },
      { name: 'ticketList.closedTickets', value: 300, unit: 'count' },
      { name: 'ticketList.firstPageReads', value: firstPage.reads, unit: 'docs' },
      { name: 'ticketList.nextPageReads', value: nextPage.reads, unit: 'docs' },
      { name: 'ticketList.searchReads', value: search.reads, unit: 'docs' },
      { name: 'liveness.markerPollReads', value: poll.reads, unit: 'docs' },
      { name: 'poll.readsPerUserHour', value: perHour, unit: `docs (list open 1 h, ${pollsPerHour} polls, ${CHANGES_PER_HOUR} changes)`, goal: `≤ ${Math.round(perHourBefore / 10)}` },
      { name: 'poll.readsPerUserHourBefore', value: perHourBefore, unit: 'docs (the list re-read on every poll)' },
    ];
  } finally {
    await deleteApp(app);
    server.stop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const f of await run()) console.log(`${f.name}: ${f.value} ${f.unit}`);
}

import { createHash } from 'node:crypto';
import { HttpsError } from 'firebase-functions/v2/https';
import type { Firestore } from 'firebase-admin/firestore';
import type { Actor } from '../domain/actor';
import type { CreateTicketInput } from '../domain/api';
import { COL, REPORTER_DOC, eventId } from '../domain/collections';
import { Client, Ticket, type TicketEvent } from '../domain/documents';
import { refusal } from '../domain/lifecycle/refusals';
import { branchPathOf, canReadClient } from '../domain/policy';
import { emptyLifecycle } from '../domain/lifecycle/records';
import { shanghaiDay, ticketNumber } from '../domain/numbering';
import { parseDoc } from '../lib/firestore';
import { listFieldsOf, searchTokensOf } from '../domain/tickets/list-fields';
import { writeReporterPhone } from './tickets/reporter-phones';
import { loadOrg } from './org';

/**
 * The ticket id of one submission: derived from the caller and their request id, so a double
 * submit (a second click, a retried request) addresses the same document.
 */
export function ticketIdFor(uid: string, requestId: string): string {
  return createHash('sha256').update(`${uid}\n${requestId}`).digest('base64url').slice(0, 20);
}

/**
 * Files a ticket: the ticket, its first history event ("received") and the private reporter
 * subdocument are written in one transaction. Routing happens in the onTicketCreated trigger.
 *
 * Idempotent per (caller, requestId): the ticket id is derived from both and the ticket is
 * CREATED first in the transaction, so a repeated submission returns the ticket already filed
 * (and a concurrent twin fails with ALREADY_EXISTS before writing anything — the gRPC emulator
 * does not isolate transactions; real Firestore commits atomically anyway). The same request id
 * with different content is refused. The caller must be allowed to see the client.
 * `opts.ticketId` (system callers: survey follow-ups) names the ticket id itself.
 */
/** As the `promise_answer` action: an answer promised at most a year ahead. */
const PROMISE_HORIZON_MS = 366 * 24 * 60 * 60 * 1000;

export async function createTicket(
  db: Firestore,
  actor: Actor,
  input: CreateTicketInput,
  now: Date,
  opts: { ticketId?: string } = {},
): Promise<{ ticketId: string; number: string }> {
  const ref = db.collection(COL.tickets).doc(opts.ticketId ?? ticketIdFor(actor.uid, input.requestId));
  const clientRef = db.collection(COL.clients).doc(input.clientId);
  const day = shanghaiDay(now);
  const counterRef = db.collection(COL.counters).doc(`tickets-${day}`);

  const promised = input.promisedReplyAt;
  if (promised && (promised.getTime() <= now.getTime() || promised.getTime() > now.getTime() + PROMISE_HORIZON_MS)) {
    const why = promised.getTime() <= now.getTime() ? 'must be in the future' : 'at most a year ahead';
    throw new HttpsError('invalid-argument', `Invalid input — promisedReplyAt: ${why}`, {
      reason: 'input.invalid', params: { fields: `promisedReplyAt: ${why}` }, fields: { promisedReplyAt: why },
    });
  }

  const org = await loadOrg(db); // cached: the branch tree for the ticket's branchPath

  const attempt = () => db.runTransaction(async (tx) => {
    const [existingSnap, clientSnap, counterSnap] = await Promise.all([tx.get(ref), tx.get(clientRef), tx.get(counterRef)]);
    if (existingSnap.exists) return sameRequest(parseDoc(Ticket, existingSnap), input);
    if (!clientSnap.exists) {
      throw new HttpsError('invalid-argument', `Invalid input — clientId: no client ${input.clientId}`, {
        reason: 'input.invalid', params: { fields: `clientId: no client ${input.clientId}` },
        fields: { clientId: `no client ${input.clientId}` },
      });
    }
    const client = parseDoc(Client, clientSnap);
    const visible = canReadClient(actor, client);
    if (!visible.allowed) {
      const r = refusal('lifecycle.client_not_visible', { clientId: input.clientId });
      throw new HttpsError('permission-denied', r.message, { reason: r.reason, params: r.params });
    }
    const n = ((counterSnap.get('next') as number | undefined) ?? 0) + 1;
    const number = ticketNumber(day, n);
    const ticket: Ticket = {
      number,
      kind: input.kind,
      subject: input.subject ?? null,
      channel: input.channel,
      clientId: input.clientId,
      clientName: client.name,
      clientTier: client.tier,
      branchId: client.branchId,
      branchPath: branchPathOf(client.branchId, org.branches),
      title: input.title,
      description: input.description,
      claimedAmount: input.claimedAmount ?? null,
      compensation: input.compensation,
      againstOfficeDirector: input.againstOfficeDirector,
      major: input.major,
      hasReporter: input.reporter !== undefined,
      state: 'received',
      ownerDeptId: null,
      assigneeUid: null,
      routing: null,
      receivedAt: now,
      dueAt: null,
      escalationLevel: 0,
      createdBy: actor.uid,
      createdByDeptId: actor.deptId,
      updatedAt: now,
      lastEventSeq: 1,
      ...emptyLifecycle(),
      ...(promised ? { promisedAt: promised } : {}),
    };
    const event: TicketEvent = {
      seq: 1,
      type: 'received',
      at: now,
      actorUid: actor.uid,
      actorName: actor.displayName,
      from: null,
      to: 'received',
      changes: {},
      note: '',
    };
    // The number first, then the ticket: a concurrent request that drew the same number, or a
    // twin of this request, fails here before anything of it is written (see below).
    tx.create(db.collection(COL.ticketNumbers).doc(number), { ticketId: ref.id, at: now });
    // It carries the list fields (queues, scope keys, sort keys) and search tokens from the start.
    tx.create(ref, { ...ticket, ...listFieldsOf(ref.id, ticket), searchTokens: searchTokensOf(ticket, client.code) });
    tx.set(counterRef, { next: n }, { merge: true });
    tx.create(ref.collection(COL.events).doc(eventId(1)), event);
    if (input.reporter) tx.create(ref.collection(COL.private).doc(REPORTER_DOC), input.reporter);
    writeReporterPhone(tx, db, ref.id, input.reporter, now); // web API: phone search for quality/leadership
    return number;
  });
  // Uniqueness of ticket numbers rests on write order, not only on Firestore serialising the
  // counter transaction: the number's reservation document is created before anything else, so a
  // request that drew a number already taken (possible where transactions are not isolated, as
  // in the gRPC emulator) fails before writing and draws again.
  for (let tries = 1; ; tries++) {
    try {
      return { ticketId: ref.id, number: await attempt() };
    } catch (e) {
      const code = (e as { code?: unknown }).code;
      if (code !== 6 && code !== 'already-exists' && code !== 10 && code !== 'aborted') throw e;
      // The twin won the race: answer as the repeated submission it is.
      const snap = await ref.get();
      if (snap.exists) return { ticketId: ref.id, number: sameRequest(parseDoc(Ticket, snap), input) };
      if (tries >= 8) throw e;
      await new Promise((resolve) => setTimeout(resolve, 10 * tries)); // another ticket took the number: draw again
    }
  }
}

/** The number of the ticket a repeated submission filed; refused when the request id was reused for other content. */
function sameRequest(existing: Ticket, input: CreateTicketInput): string {
  if (existing.clientId !== input.clientId || existing.kind !== input.kind || existing.title !== input.title) {
    const r = refusal('lifecycle.request_id_reused', { requestId: input.requestId, number: existing.number });
    throw new HttpsError('failed-precondition', r.message, { reason: r.reason, params: r.params });
  }
  return existing.number;
}

import { HttpsError } from 'firebase-functions/v2/https';
import type { Firestore } from 'firebase-admin/firestore';
import type { Actor } from '../domain/actor';
import type { CreateTicketInput } from '../domain/api';
import { COL, REPORTER_DOC, eventId } from '../domain/collections';
import { Client, type Ticket, type TicketEvent } from '../domain/documents';
import { emptyLifecycle } from '../domain/lifecycle/records';
import { shanghaiDay, ticketNumber } from '../domain/numbering';
import { parseDoc } from '../lib/firestore';

/**
 * Files a ticket: the ticket, its first history event ("received") and the private reporter
 * subdocument are written in one transaction. Routing happens in the onTicketCreated trigger.
 * `opts.ticketId` (system callers: survey follow-ups) makes filing idempotent: when that ticket
 * exists already, nothing is written and its number is returned.
 */
export async function createTicket(
  db: Firestore,
  actor: Actor,
  input: CreateTicketInput,
  now: Date,
  opts: { ticketId?: string } = {},
): Promise<{ ticketId: string; number: string }> {
  const ref = opts.ticketId ? db.collection(COL.tickets).doc(opts.ticketId) : db.collection(COL.tickets).doc();
  const clientRef = db.collection(COL.clients).doc(input.clientId);
  const day = shanghaiDay(now);
  const counterRef = db.collection(COL.counters).doc(`tickets-${day}`);

  const number = await db.runTransaction(async (tx) => {
    const [clientSnap, counterSnap, existing] = await Promise.all([
      tx.get(clientRef), tx.get(counterRef), opts.ticketId ? tx.get(ref) : Promise.resolve(null),
    ]);
    if (existing?.exists) return existing.get('number') as string;
    if (!clientSnap.exists) {
      throw new HttpsError('invalid-argument', `Invalid input — clientId: no client ${input.clientId}`, {
        fields: { clientId: `no client ${input.clientId}` },
      });
    }
    const client = parseDoc(Client, clientSnap);
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
    tx.set(counterRef, { next: n }, { merge: true });
    tx.create(ref, ticket);
    tx.create(ref.collection(COL.events).doc(eventId(1)), event);
    if (input.reporter) tx.create(ref.collection(COL.private).doc(REPORTER_DOC), input.reporter);
    return number;
  });
  return { ticketId: ref.id, number };
}

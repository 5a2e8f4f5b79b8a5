/**
 * The complainant's phone, digits only, in `reporterPhones/{ticketId}` (functions-only; rules
 * deny every client): quality and leadership find a complainant's tickets by phone without the
 * number being on the ticket, which more people may read than may see the complainant.
 */
import type { Firestore, Transaction } from 'firebase-admin/firestore';
import { COL } from '../../domain/collections';
import { ReporterPhone, type Reporter } from '../../domain/documents';
import { phoneKey } from '../../domain/tickets/list-fields';
import { parseDoc } from '../../lib/firestore';

export function writeReporterPhone(tx: Transaction, db: Firestore, ticketId: string, reporter: Pick<Reporter, 'phone'> | undefined, receivedAt: Date): void {
  const phone = reporter?.phone ? phoneKey(reporter.phone) : null;
  if (!phone) return;
  tx.create(db.collection(COL.reporterPhones).doc(ticketId), ReporterPhone.parse({ phone, ticketId, receivedAt }));
}

/** Ids of tickets whose complainant has this phone, newest first (at most `limit`). */
export async function ticketIdsByPhone(db: Firestore, phone: string, limit: number): Promise<string[]> {
  const snap = await db.collection(COL.reporterPhones).where('phone', '==', phone).limit(limit).get();
  return snap.docs
    .map((d) => parseDoc(ReporterPhone, d))
    .sort((a, b) => b.receivedAt.getTime() - a.receivedAt.getTime())
    .map((p) => p.ticketId);
}

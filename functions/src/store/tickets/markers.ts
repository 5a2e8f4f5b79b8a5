/**
 * Per-user change markers (issue 8.8): `changeMarkers/{uid}` holds a counter bumped in the same
 * transaction as anything the user should see (a notification for them, a change to a ticket
 * they took in, handle or own as head). The web polls `getChangeMarker` (one read) and refetches
 * the page only when the marker moved. An increment needs no read, so a bump adds no read to
 * the transaction and two bumps never conflict.
 */
import { FieldValue, type Firestore, type Transaction } from 'firebase-admin/firestore';
import { COL } from '../../domain/collections';
import { ChangeMarker } from '../../domain/documents';
import { parseDoc } from '../../lib/firestore';

/** Bumps each user's marker once (a transaction may not write one document twice). */
export function bumpMarkers(tx: Transaction, db: Firestore, uids: Iterable<string>, at: Date): void {
  for (const uid of new Set(uids)) {
    if (!uid || uid.includes('/')) continue;
    tx.set(db.collection(COL.changeMarkers).doc(uid), { seq: FieldValue.increment(1), changedAt: at }, { merge: true });
  }
}

/** The caller's marker as an opaque string ("0" before anything happened). */
export async function readMarker(db: Firestore, uid: string): Promise<string> {
  const snap = await db.collection(COL.changeMarkers).doc(uid).get();
  return snap.exists ? String(parseDoc(ChangeMarker, snap).seq) : '0';
}

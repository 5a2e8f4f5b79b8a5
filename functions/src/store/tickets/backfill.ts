/**
 * Writes the list fields (domain/tickets/list-fields.ts) on tickets stored before they existed,
 * so the queues see them, and the ticket's `branchPath` (its branch and those above, from the
 * current tree: firestore.rules' quality scope; run it again after moving a branch). Idempotent: it recomputes the same values from the ticket; run it once
 * after deploying the list (scripts/backfill-list-fields.mjs). Pages of 200, one batch each.
 */
import type { Firestore, QueryDocumentSnapshot } from 'firebase-admin/firestore';
import { COL } from '../../domain/collections';
import { Client, Ticket } from '../../domain/documents';
import { branchPathOf } from '../../domain/policy';
import { listFieldsOf, searchTokensOf } from '../../domain/tickets/list-fields';
import { parseDoc } from '../../lib/firestore';
import { loadOrg } from '../org';

export async function backfillListFields(db: Firestore): Promise<{ updated: number }> {
  const clients = await db.collection(COL.clients).get();
  const code = new Map(clients.docs.map((d) => [d.id, parseDoc(Client, d).code]));
  const { branches } = await loadOrg(db);
  let updated = 0;
  let last: QueryDocumentSnapshot | null = null;
  for (;;) {
    let q = db.collection(COL.tickets).orderBy('__name__').limit(200);
    if (last) q = q.startAfter(last);
    const page = await q.get();
    if (page.empty) return { updated };
    const batch = db.batch();
    for (const d of page.docs) {
      const t = parseDoc(Ticket, d);
      batch.update(d.ref, {
        ...listFieldsOf(d.id, t), searchTokens: searchTokensOf(t, code.get(t.clientId) ?? ''), branchPath: branchPathOf(t.branchId, branches),
      });
      updated++;
    }
    await batch.commit();
    last = page.docs[page.docs.length - 1]!;
    if (page.size < 200) return { updated };
  }
}

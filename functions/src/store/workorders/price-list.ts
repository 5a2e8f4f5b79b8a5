/** 《有偿服务收费标准》 in `config/priceList`: zod-validated, default when absent, saved by admins with an audit entry. */
import type { Firestore } from 'firebase-admin/firestore';
import type { Actor } from '../../domain/actor';
import { COL } from '../../domain/collections';
import { PriceList } from '../../domain/workorders/documents';
import { parseDoc } from '../../lib/firestore';
import { auditActor, recordAudit } from '../audit';

export const PRICE_LIST_DOC = 'priceList';

export async function loadPriceList(db: Firestore): Promise<PriceList> {
  const snap = await db.collection(COL.config).doc(PRICE_LIST_DOC).get();
  return snap.exists ? parseDoc(PriceList, snap) : PriceList.parse({});
}

/** Saves the list and records who changed what, in one transaction. */
export async function savePriceList(db: Firestore, actor: Actor, list: PriceList, reason: string, now: Date): Promise<PriceList> {
  const ref = db.collection(COL.config).doc(PRICE_LIST_DOC);
  return db.runTransaction(async (tx) => {
    const snap = await tx.get(ref);
    const before = snap.exists ? parseDoc(PriceList, snap) : null;
    const changes: Record<string, { from: unknown; to: unknown }> = {};
    for (const k of ['items', 'materials', 'warrantyMonths', 'afterHoursMultiplier'] as const) {
      if (JSON.stringify(before?.[k] ?? null) !== JSON.stringify(list[k])) changes[k] = { from: before?.[k] ?? null, to: list[k] };
    }
    recordAudit(tx, db, { action: 'price_list_saved', at: now, ...auditActor(actor), target: { type: 'config', id: PRICE_LIST_DOC }, reason, changes });
    tx.set(ref, list);
    return list;
  });
}

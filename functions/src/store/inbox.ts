import { HttpsError } from 'firebase-functions/v2/https';
import type { Firestore } from 'firebase-admin/firestore';
import type { NotificationView } from '../domain/api';
import { COL } from '../domain/collections';
import { Notification } from '../domain/documents';
import { notificationTarget } from '../domain/notification-target';
import { sameInBoth } from '../domain/tickets/labels';
import { parseDoc } from '../lib/firestore';

/**
 * A user's own inbox, newest first, with the unread count. The inbox is passive (nothing is
 * pushed), so it shows notifications at once; only e-mail waits for working time (`deliverAt`).
 */
export async function readInbox(db: Firestore, uid: string, unreadOnly: boolean, limit: number) {
  const mine = db.collection(COL.notifications).where('uid', '==', uid);
  const [page, unread] = await Promise.all([
    (unreadOnly ? mine.where('read', '==', false) : mine).orderBy('createdAt', 'desc').limit(limit).get(),
    mine.where('read', '==', false).count().get(),
  ]);
  const notifications: NotificationView[] = page.docs.map((d) => {
    const n = parseDoc(Notification, d);
    return {
      id: d.id, ticketId: n.ticketId, type: n.type, title: n.i18n?.title ?? sameInBoth(n.title), body: n.i18n?.body ?? sameInBoth(n.body),
      read: n.read, createdAt: n.createdAt.toISOString(), target: notificationTarget(n.type, n.ticketId),
    };
  });
  return { notifications, unreadCount: unread.data().count };
}

/** Marks the user's own notifications read; someone else's id is refused, nothing written. */
export async function markRead(db: Firestore, uid: string, ids: readonly string[]): Promise<{ marked: number }> {
  return db.runTransaction(async (tx) => {
    const refs = ids.map((id) => db.collection(COL.notifications).doc(id));
    const snaps = await tx.getAll(...refs);
    for (const s of snaps) {
      if (!s.exists) throw new HttpsError('not-found', `notification ${s.id} does not exist`, { fields: { ids: s.id } });
      if (s.get('uid') !== uid) throw new HttpsError('permission-denied', `notification ${s.id} is not yours`);
    }
    const unread = snaps.filter((s) => s.get('read') !== true);
    for (const s of unread) tx.update(s.ref, { read: true });
    return { marked: unread.length };
  });
}

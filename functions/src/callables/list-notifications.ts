import { onCall } from 'firebase-functions/v2/https';
import { ListNotificationsInput } from '../domain/api';
import { can } from '../domain/policy';
import { authorize, requireActor } from '../lib/actor';
import { parseInput } from '../lib/errors';
import { db } from '../lib/firestore';
import { readInbox } from '../store/inbox';

/** The caller's own in-app inbox and unread count. */
export const listNotifications = onCall(async (request) => {
  const actor = await requireActor(db(), request);
  authorize(can(actor, 'notification.readOwn'));
  const { unreadOnly, limit } = parseInput(ListNotificationsInput, request.data);
  return readInbox(db(), actor.uid, unreadOnly, limit);
});

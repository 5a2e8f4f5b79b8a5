import { onCall } from 'firebase-functions/v2/https';
import { MarkNotificationsReadInput } from '../domain/api';
import { can } from '../domain/policy';
import { authorize, requireActor } from '../lib/actor';
import { parseInput } from '../lib/errors';
import { db } from '../lib/firestore';
import { markRead } from '../store/inbox';

/** Marks notifications of the caller's own inbox read. */
export const markNotificationsRead = onCall(async (request) => {
  const actor = await requireActor(db(), request);
  authorize(can(actor, 'notification.markOwn'));
  const { ids } = parseInput(MarkNotificationsReadInput, request.data);
  return markRead(db(), actor.uid, ids);
});

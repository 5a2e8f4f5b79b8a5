import { onCall } from 'firebase-functions/v2/https';
import { ListAuditLogInput, type AuditEntryView } from '../domain/org/api';
import { can } from '../domain/policy';
import { authorize, requireActor } from '../lib/actor';
import { parseInput } from '../lib/errors';
import { db } from '../lib/firestore';
import { listAuditLog as list } from '../store/audit';

/** Admins and auditors: the audit log, newest first. */
export const listAuditLog = onCall(async (request): Promise<{ entries: AuditEntryView[] }> => {
  const actor = await requireActor(db(), request);
  authorize(can(actor, 'audit.read'));
  const input = parseInput(ListAuditLogInput, request.data);
  return { entries: await list(db(), input) };
});

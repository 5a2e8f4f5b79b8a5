import { onCall } from 'firebase-functions/v2/https';
import { ExportClientsInput } from '../../domain/clients/api';
import { exportClients as exportXlsx } from '../../store/clients/query';
import { requireActor } from '../../lib/actor';
import { parseInput } from '../../lib/errors';
import { db } from '../../lib/firestore';

/** The filtered client list as XLSX (base64), Chinese headers, contacts only where allowed. */
export const exportClients = onCall(async (request) => {
  const actor = await requireActor(db(), request);
  const input = parseInput(ExportClientsInput, request.data);
  return exportXlsx(db(), actor, input);
});

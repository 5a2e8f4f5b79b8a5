import { onCall } from 'firebase-functions/v2/https';
import { StartImportInput } from '../../domain/clients/api';
import { startImport } from '../../store/clients/import';
import { requireActor } from '../../lib/actor';
import { clock } from '../../lib/clock';
import { parseInput } from '../../lib/errors';
import { db } from '../../lib/firestore';

/** Dry run (every bad row, nothing written) or the import itself, run by clientImportTask. */
export const startClientImport = onCall(async (request) => {
  const actor = await requireActor(db(), request);
  const input = parseInput(StartImportInput, request.data);
  return startImport(db(), actor, input, clock().now());
});

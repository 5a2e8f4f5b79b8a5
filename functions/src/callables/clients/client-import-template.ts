import { onCall } from 'firebase-functions/v2/https';
import { ImportTemplateInput } from '../../domain/clients/api';
import { templateXlsx } from '../../store/clients/files';
import { requireActor } from '../../lib/actor';
import { parseInput } from '../../lib/errors';
import { db } from '../../lib/firestore';

/** The XLSX template of an import (headers and one example row), base64. */
export const clientImportTemplate = onCall(async (request) => {
  await requireActor(db(), request); // any signed-in staff member
  const input = parseInput(ImportTemplateInput, request.data);
  return templateXlsx(input.kind);
});

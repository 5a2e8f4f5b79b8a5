import { onCall } from 'firebase-functions/v2/https';
import { ClassificationInput } from '../../domain/clients/api';
import { canClassify } from '../../domain/clients/policy';
import { authorizeClients } from '../../store/clients/errors';
import { previewClassification as preview } from '../../store/clients/classification';
import { requireActor } from '../../lib/actor';
import { clock } from '../../lib/clock';
import { parseInput } from '../../lib/errors';
import { db } from '../../lib/firestore';

/** What the quarter's ranking would change, before anything is applied. */
export const previewClassification = onCall(async (request) => {
  const actor = await requireActor(db(), request);
  const input = parseInput(ClassificationInput, request.data);
  authorizeClients(canClassify(actor, 'preview'));
  return preview(db(), input.quarter, clock().now());
});

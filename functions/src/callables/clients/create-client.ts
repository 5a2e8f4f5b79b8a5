import { onCall } from 'firebase-functions/v2/https';
import { CreateClientInput } from '../../domain/clients/api';
import { createClient as create } from '../../store/clients/archive';
import { requireActor } from '../../lib/actor';
import { clock } from '../../lib/clock';
import { parseInput } from '../../lib/errors';
import { db } from '../../lib/firestore';

/** Opens a client's archive (history entry 1: created). */
export const createClient = onCall(async (request) => {
  const actor = await requireActor(db(), request);
  const input = parseInput(CreateClientInput, request.data);
  return create(db(), actor, input, clock().now());
});

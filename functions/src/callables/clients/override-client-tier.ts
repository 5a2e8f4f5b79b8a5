import { onCall } from 'firebase-functions/v2/https';
import { OverrideTierInput } from '../../domain/clients/api';
import { canClassify } from '../../domain/clients/policy';
import { authorizeClients } from '../../store/clients/errors';
import { overrideTier } from '../../store/clients/archive';
import { requireActor } from '../../lib/actor';
import { clock } from '../../lib/clock';
import { parseInput } from '../../lib/errors';
import { db } from '../../lib/firestore';

/** Sets a manual tier with its reason (tier: null returns to the computed one). */
export const overrideClientTier = onCall(async (request) => {
  const actor = await requireActor(db(), request);
  const input = parseInput(OverrideTierInput, request.data);
  authorizeClients(canClassify(actor, 'apply'));
  return overrideTier(db(), actor, input.clientId, input.tier, input.reason, clock().now());
});

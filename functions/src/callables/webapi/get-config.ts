import { onCall } from 'firebase-functions/v2/https';
import { GetConfigInput, type ConfigView } from '../../domain/api';
import { canReadConfig } from '../../domain/config-admin/policy';
import { CONFIG_REFUSALS } from '../../domain/config-admin/refusals';
import { requireActor } from '../../lib/actor';
import { parseInput, refuse } from '../../lib/errors';
import { db } from '../../lib/firestore';
import { getConfig as read } from '../../store/config-admin';

/** A configuration document as the server uses it (defaults when none is stored). */
export const getConfig = onCall(async (request): Promise<ConfigView> => {
  const actor = await requireActor(db(), request);
  const { name } = parseInput(GetConfigInput, request.data);
  if (!canReadConfig(actor).allowed) throw refuse('permission-denied', CONFIG_REFUSALS, 'config.read_not_allowed', { role: actor.role });
  return read(db(), name);
});

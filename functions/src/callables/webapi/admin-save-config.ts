import { onCall } from 'firebase-functions/v2/https';
import { AdminSaveConfigInput, type AdminSaveConfigResult } from '../../domain/api';
import { canSaveConfig } from '../../domain/config-admin/policy';
import { CONFIG_REFUSALS } from '../../domain/config-admin/refusals';
import { requireActor } from '../../lib/actor';
import { clock } from '../../lib/clock';
import { parseInput, refuse } from '../../lib/errors';
import { db } from '../../lib/firestore';
import { saveConfig } from '../../store/config-admin';

/** Admin: saves routing rules, the SLA policy or the authority thresholds, validated by the server's schemas and audited. */
export const adminSaveConfig = onCall(async (request): Promise<AdminSaveConfigResult> => {
  const actor = await requireActor(db(), request);
  // Rights before validation: a non-admin learns nothing about the schema from field errors.
  if (!canSaveConfig(actor).allowed) throw refuse('permission-denied', CONFIG_REFUSALS, 'config.admin_only');
  const input = parseInput(AdminSaveConfigInput, request.data);
  return saveConfig(db(), actor, input, clock().now());
});

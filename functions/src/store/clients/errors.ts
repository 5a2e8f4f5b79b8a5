import { HttpsError, type FunctionsErrorCode } from 'firebase-functions/v2/https';
import type { Decision } from '../../domain/policy';
import { renderTemplate, type RefusalParams } from '../../domain/refusal';
import { CLIENTS_REFUSALS, type ClientsRefusal } from '../../domain/clients/refusals';

/** A refusal of the client area: reason code + params, English text for logs (domain/refusal.ts). */
export function refuse(code: FunctionsErrorCode, reason: ClientsRefusal, params: RefusalParams = {}): HttpsError {
  return new HttpsError(code, renderTemplate(CLIENTS_REFUSALS[reason].en, params), { reason, params });
}

/** `permission-denied` with the policy's code and params unless allowed (its English reason for logs). */
export function authorizeClients(decision: Decision): void {
  if (!decision.allowed) throw new HttpsError('permission-denied', decision.reason, { reason: decision.code, params: decision.params });
}

import { HttpsError, type FunctionsErrorCode } from 'firebase-functions/v2/https';
import { renderTemplate, type RefusalParams } from '../../domain/refusal';
import { CLIENTS_REFUSALS, type ClientsRefusal } from '../../domain/clients/refusals';

/** A refusal of the client area: reason code + params, English text for logs (domain/refusal.ts). */
export function refuse(code: FunctionsErrorCode, reason: ClientsRefusal, params: RefusalParams = {}): HttpsError {
  return new HttpsError(code, renderTemplate(CLIENTS_REFUSALS[reason].en, params), { reason, params });
}

/** `permission-denied` with the policy's reason unless allowed. */
export function authorizeClients(decision: { allowed: true } | { allowed: false; reason: string }): void {
  if (!decision.allowed) throw refuse('permission-denied', 'clients.not_allowed', { why: decision.reason });
}

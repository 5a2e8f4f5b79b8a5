import { HttpsError, type FunctionsErrorCode } from 'firebase-functions/v2/https';
import type { Decision } from '../../domain/policy';
import { renderTemplate } from '../../domain/refusal';
import { WORKORDERS_REFUSALS, type WorkOrderRefusal } from '../../domain/workorders/refusals';

/** Bad input named by the field (signature problems); everything else is a precondition. */
const INVALID_ARGUMENT: ReadonlySet<WorkOrderRefusal> = new Set([
  'workorders.signature_empty', 'workorders.signature_too_large', 'workorders.signature_out_of_bounds', 'workorders.bad_window',
  'workorders.price_item_unknown', 'workorders.materials_client_only', 'workorders.amount_mismatch',
]);

const FIELD: Partial<Record<WorkOrderRefusal, string>> = {
  'workorders.signature_empty': 'signature', 'workorders.signature_too_large': 'signature', 'workorders.signature_out_of_bounds': 'signature',
  'workorders.bad_window': 'appointmentTo', 'workorders.price_item_unknown': 'lines', 'workorders.materials_client_only': 'lines',
  'workorders.amount_mismatch': 'amount',
};

/** An HttpsError carrying the area's reason code and params (English text for logs). */
export function refusal(reason: WorkOrderRefusal, params: Record<string, string | number> = {}, code?: FunctionsErrorCode): HttpsError {
  const chosen = code ?? (INVALID_ARGUMENT.has(reason) ? 'invalid-argument' : 'failed-precondition');
  const text = renderTemplate(WORKORDERS_REFUSALS[reason].en, params);
  const field = FIELD[reason];
  return new HttpsError(chosen, text, { reason, params, ...(field ? { fields: { [field]: text } } : {}) });
}

/** Throws `permission-denied` with the policy's code and params (its English reason for logs). */
export function authorizeWorkOrders(decision: Decision): void {
  if (!decision.allowed) throw new HttpsError('permission-denied', decision.reason, { reason: decision.code, params: decision.params });
}

import { HttpsError, type FunctionsErrorCode } from 'firebase-functions/v2/https';
import { renderTemplate, type Refusal } from '../../domain/refusal';
import { KPIS_REFUSALS, type KpisRefusal } from '../../domain/kpis/refusals';

/** An HttpsError carrying a KPI refusal: `{ reason, params }`, English text for logs. */
export function kpiRefusal(code: FunctionsErrorCode, refusal: Refusal, extra: Record<string, unknown> = {}): HttpsError {
  const label = KPIS_REFUSALS[refusal.reason as KpisRefusal];
  const text = label ? renderTemplate(label.en, refusal.params) : refusal.reason;
  return new HttpsError(code, text, { reason: refusal.reason, params: refusal.params, ...extra });
}

export function refuseIf(code: FunctionsErrorCode, refusal: Refusal | null): void {
  if (refusal) throw kpiRefusal(code, refusal);
}

/**
 * The client's signature as vector strokes, kept in the work-order document.
 *
 * Why strokes and not an image in Cloud Storage: the offline stack has no Storage emulator, so an
 * image could not be tested here; strokes are small (a signature is a few hundred points), are
 * written in the same transaction as the acceptance (no orphan upload, nothing half-written),
 * are read with the order under the same rules, and re-render at any size for printing. The
 * hash binds them to what was accepted (price lines and total, or the work text).
 *
 * Firestore stores no nested arrays, so a stroke is an object holding a flat [x0, y0, x1, y1…]
 * list of canvas pixels. No Firebase import.
 */
import { createHash } from 'node:crypto';

import { SIGNATURE_LIMITS, Signature } from './signature-schema';

export { SIGNATURE_LIMITS, Signature } from './signature-schema';

export type SignatureProblem =
  | { reason: 'workorders.signature_empty'; params: Record<string, never> }
  | { reason: 'workorders.signature_too_large'; params: { what: 'strokes' | 'points' | 'bytes'; value: number; max: number } }
  | { reason: 'workorders.signature_out_of_bounds'; params: Record<string, never> };

/** Points rounded to whole pixels: what is stored and hashed. */
export function normaliseSignature(sig: Signature): Signature {
  return {
    width: sig.width,
    height: sig.height,
    strokes: sig.strokes.filter((s) => s.points.length >= 2).map((s) => ({ points: s.points.map((v) => Math.round(v)) })),
  };
}

/** Null when the signature may be stored; else why not (empty, too large, points off the canvas). */
export function checkSignature(sig: Signature): SignatureProblem | null {
  const n = normaliseSignature(sig);
  const points = n.strokes.reduce((a, s) => a + Math.floor(s.points.length / 2), 0);
  if (n.strokes.length === 0 || points < SIGNATURE_LIMITS.minPoints) return { reason: 'workorders.signature_empty', params: {} };
  if (n.strokes.length > SIGNATURE_LIMITS.strokes) {
    return { reason: 'workorders.signature_too_large', params: { what: 'strokes', value: n.strokes.length, max: SIGNATURE_LIMITS.strokes } };
  }
  if (points > SIGNATURE_LIMITS.points) {
    return { reason: 'workorders.signature_too_large', params: { what: 'points', value: points, max: SIGNATURE_LIMITS.points } };
  }
  const bytes = Buffer.byteLength(JSON.stringify(n));
  if (bytes > SIGNATURE_LIMITS.bytes) {
    return { reason: 'workorders.signature_too_large', params: { what: 'bytes', value: bytes, max: SIGNATURE_LIMITS.bytes } };
  }
  for (const s of n.strokes) {
    if (s.points.length % 2 !== 0) return { reason: 'workorders.signature_out_of_bounds', params: {} };
    for (let i = 0; i < s.points.length; i += 2) {
      const x = s.points[i]!;
      const y = s.points[i + 1]!;
      if (x < 0 || y < 0 || x > n.width || y > n.height) return { reason: 'workorders.signature_out_of_bounds', params: {} };
    }
  }
  return null;
}

/** JSON with object keys sorted, so the same content always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : 1));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * SHA-256 (hex) over the signature and what it accepts (`what`: the price lines and total, or
 * the order number and work text). Any later change to either no longer matches the hash.
 */
export function signatureHash(sig: Signature, what: unknown): string {
  return createHash('sha256').update(canonicalJson({ signature: normaliseSignature(sig), accepted: what })).digest('hex');
}

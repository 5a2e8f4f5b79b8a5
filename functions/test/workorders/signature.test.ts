import { checkSignature, normaliseSignature, signatureHash, SIGNATURE_LIMITS } from '../../src/domain/workorders/signature';
import { signature } from './helpers';

test('a real signature passes; empty or single-dot ones are refused as empty', () => {
  expect(checkSignature(signature())).toBeNull();
  expect(checkSignature({ width: 300, height: 150, strokes: [] })).toMatchObject({ reason: 'workorders.signature_empty' });
  expect(checkSignature({ width: 300, height: 150, strokes: [{ points: [5] }, { points: [] }] })).toMatchObject({ reason: 'workorders.signature_empty' });
});

test('too many strokes, points or bytes are refused with the figure and the limit', () => {
  expect(checkSignature(signature(SIGNATURE_LIMITS.strokes + 1, 2))).toEqual({
    reason: 'workorders.signature_too_large', params: { what: 'strokes', value: 51, max: 50 },
  });
  expect(checkSignature(signature(10, 201))).toMatchObject({ reason: 'workorders.signature_too_large', params: { what: 'points', value: 2010 } });
  const wide = { width: 4000, height: 4000, strokes: Array.from({ length: 4 }, () => ({ points: Array.from({ length: 990 }, (_, i) => 3000 + i) })) };
  expect(checkSignature(wide)).toMatchObject({ reason: 'workorders.signature_too_large', params: { what: 'bytes' } });
});

test('points off the canvas are refused', () => {
  expect(checkSignature({ width: 100, height: 100, strokes: [{ points: [10, 10, 150, 20] }] })).toMatchObject({ reason: 'workorders.signature_out_of_bounds' });
});

test('the hash binds the strokes to what was accepted; rounding to pixels does not change it', () => {
  const sig = signature();
  const h = signatureHash(sig, { total: 3000 });
  expect(h).toMatch(/^[0-9a-f]{64}$/);
  expect(signatureHash(sig, { total: 3001 })).not.toBe(h);
  expect(signatureHash(signature(3, 21), { total: 3000 })).not.toBe(h);
  const jittered = { ...sig, strokes: sig.strokes.map((s) => ({ points: s.points.map((v) => v + 0.2) })) };
  expect(signatureHash(jittered, { total: 3000 })).toBe(h);
  expect(normaliseSignature(jittered)).toEqual(normaliseSignature(sig));
});

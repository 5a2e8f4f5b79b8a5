/**
 * The shape of a client's signature (vector strokes; see signature.ts for why strokes): no Node
 * or Firebase import, so the web client can import the work-order documents that embed it.
 */
import { z } from 'zod';

/** Bounds of one signature: a real one is 3–20 strokes of some dozens of points each. */
export const SIGNATURE_LIMITS = { strokes: 50, points: 2000, bytes: 16 * 1024, canvas: 4000, minPoints: 2 } as const;

/** The shape only, with generous hard caps; {@link checkSignature} applies the product's bounds with reason codes. */
export const Signature = z.object({
  width: z.number().int().min(1).max(SIGNATURE_LIMITS.canvas),
  height: z.number().int().min(1).max(SIGNATURE_LIMITS.canvas),
  strokes: z.array(z.object({ points: z.array(z.number().finite()).max(20_000) }).strict()).max(1000),
}).strict();
export type Signature = z.infer<typeof Signature>;

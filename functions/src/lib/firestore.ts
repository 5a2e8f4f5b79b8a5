import { getFirestore, Timestamp, type Firestore, type DocumentSnapshot } from 'firebase-admin/firestore';
import type { z } from 'zod';

export function db(): Firestore {
  return getFirestore();
}

/** Replaces Firestore Timestamps by Dates, deeply, so domain schemas can parse documents. */
export function fromFirestore(value: unknown): unknown {
  if (value instanceof Timestamp) return value.toDate();
  if (Array.isArray(value)) return value.map(fromFirestore);
  if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fromFirestore(v)]));
  }
  return value;
}

/** Parses a document with its schema; a malformed stored document is a bug, reported with its path. */
export function parseDoc<S extends z.ZodType>(schema: S, snap: DocumentSnapshot): z.infer<S> {
  const result = schema.safeParse(fromFirestore(snap.data()));
  if (!result.success) {
    throw new Error(`Malformed document ${snap.ref.path}: ${result.error.message}`);
  }
  return result.data;
}

export function parseData<S extends z.ZodType>(schema: S, data: unknown, path: string): z.infer<S> {
  const result = schema.safeParse(fromFirestore(data));
  if (!result.success) throw new Error(`Malformed document ${path}: ${result.error.message}`);
  return result.data;
}

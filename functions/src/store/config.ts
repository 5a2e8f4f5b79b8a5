/**
 * Organisation configuration documents (`config/{name}`), zod-validated, with defaults when
 * a document is absent. A malformed document is an error, never silently replaced.
 */
import type { Firestore } from 'firebase-admin/firestore';
import type { z } from 'zod';
import { CalendarConfig, createCalendar, defaultCalendarConfig, type WorkCalendar } from '../domain/calendar';
import { COL } from '../domain/collections';
import { DEFAULT_ROUTING, RoutingConfig } from '../domain/routing';
import { SlaPolicy, defaultSlaPolicy } from '../domain/sla';
import { parseDoc } from '../lib/firestore';
import { cached, invalidateCache } from './cache';

/** `config/{name}`, cached per instance (store/cache.ts: an admin's change applies within the TTL). */
export function loadConfig<S extends z.ZodType>(db: Firestore, name: string, schema: S, fallback: () => z.infer<S>): Promise<z.infer<S>> {
  return cached(configCacheKey(name), async () => {
    const snap = await db.collection(COL.config).doc(name).get();
    return snap.exists ? parseDoc(schema, snap) : fallback();
  });
}

export function configCacheKey(name: string): string {
  return `config/${name}`;
}

/** Call after writing `config/{name}`, so this instance reads the new document at once. */
export function invalidateConfig(name: string): void {
  invalidateCache(configCacheKey(name));
}

export function loadRouting(db: Firestore): Promise<RoutingConfig> {
  return loadConfig(db, 'routing', RoutingConfig, () => DEFAULT_ROUTING);
}

export function loadSla(db: Firestore): Promise<SlaPolicy> {
  return loadConfig(db, 'sla', SlaPolicy, defaultSlaPolicy);
}

/** Default calendar when none is stored: the years the holiday package knows around today. */
export function defaultCalendar(): CalendarConfig {
  const year = new Date().getUTCFullYear();
  return defaultCalendarConfig(year - 5, year + 5);
}

// Building a calendar precomputes a day table; keep the last one while its config is unchanged.
let lastCalendar: { key: string; calendar: WorkCalendar } | null = null;

export async function loadCalendar(db: Firestore): Promise<WorkCalendar> {
  const config = await loadConfig(db, 'calendar', CalendarConfig, defaultCalendar);
  const key = JSON.stringify(config);
  if (lastCalendar?.key !== key) lastCalendar = { key, calendar: createCalendar(config) };
  return lastCalendar.calendar;
}

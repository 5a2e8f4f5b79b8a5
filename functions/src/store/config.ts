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

async function loadConfig<S extends z.ZodType>(db: Firestore, name: string, schema: S, fallback: () => z.infer<S>) {
  const snap = await db.collection(COL.config).doc(name).get();
  return snap.exists ? parseDoc(schema, snap) : fallback();
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
let cached: { key: string; calendar: WorkCalendar } | null = null;

export async function loadCalendar(db: Firestore): Promise<WorkCalendar> {
  const config = await loadConfig(db, 'calendar', CalendarConfig, defaultCalendar);
  const key = JSON.stringify(config);
  if (cached?.key !== key) cached = { key, calendar: createCalendar(config) };
  return cached.calendar;
}

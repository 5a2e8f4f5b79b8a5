/**
 * Organisation configuration documents (`config/{name}`), zod-validated, with defaults when
 * a document is absent. A malformed document is an error, never silently replaced.
 */
import type { Firestore } from 'firebase-admin/firestore';
import type { z } from 'zod';
import {
  CalendarConfig, StoredCalendar, buildCalendarConfig, coverageAround, createCalendar, type WorkCalendar,
} from '../domain/calendar';
import { COL } from '../domain/collections';
import { DEFAULT_ROUTING, RoutingConfig } from '../domain/routing';
import { SlaPolicy, defaultSlaPolicy } from '../domain/sla';
import { clock } from '../lib/clock';
import { parseData, parseDoc } from '../lib/firestore';
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

/** The raw `config/calendar` document (null when absent), cached like the other configuration. */
function storedCalendarData(db: Firestore, fresh = false): Promise<Record<string, unknown> | null> {
  const read = async () => {
    const snap = await db.collection(COL.config).doc('calendar').get();
    return snap.exists ? (snap.data() ?? null) : null;
  };
  return fresh ? read() : cached(configCacheKey('calendar'), read);
}

export function loadRouting(db: Firestore): Promise<RoutingConfig> {
  return loadConfig(db, 'routing', RoutingConfig, () => DEFAULT_ROUTING);
}

export function loadSla(db: Firestore): Promise<SlaPolicy> {
  return loadConfig(db, 'sla', SlaPolicy, defaultSlaPolicy);
}

/**
 * `config/calendar`: business hours and the years admins saved (domain/calendar/years.ts). An
 * older document holding a whole CalendarConfig (top-level `holidays`) is still read as is.
 * `fresh`: past the cache — the calendar screen shows what is stored, not this instance's copy
 * (another instance may have saved it a moment ago; deadlines follow within the cache's TTL).
 */
export async function loadStoredCalendar(db: Firestore, opts: { fresh?: boolean } = {}): Promise<StoredCalendar> {
  const data = await storedCalendarData(db, opts.fresh);
  return data && !Array.isArray(data['holidays']) ? parseData(StoredCalendar, data, 'config/calendar') : StoredCalendar.parse({});
}

/**
 * The calendar for the years around the injected clock's now (five back, ten ahead): published
 * schedules, saved years, and statutory provisional holidays for the rest.
 */
export async function calendarConfig(db: Firestore, now: Date = clock().now()): Promise<CalendarConfig> {
  return (await calendarFor(db, now)).calendar.config;
}

// Building a calendar computes holidays and a day table; keep the last one while the stored
// document and the covered years are unchanged.
let lastCalendar: { key: string; calendar: WorkCalendar } | null = null;

async function calendarFor(db: Firestore, now: Date): Promise<{ calendar: WorkCalendar }> {
  const data = await storedCalendarData(db);
  const { fromYear, toYear } = coverageAround(now);
  const key = `${fromYear}|${JSON.stringify(data)}`;
  if (lastCalendar?.key === key) return lastCalendar;
  const config = data && Array.isArray(data['holidays'])
    ? parseData(CalendarConfig, data, 'config/calendar')
    : buildCalendarConfig(data ? parseData(StoredCalendar, data, 'config/calendar') : StoredCalendar.parse({}), fromYear, toYear);
  lastCalendar = { key, calendar: createCalendar(config) };
  return lastCalendar;
}

export async function loadCalendar(db: Firestore, now: Date = clock().now()): Promise<WorkCalendar> {
  return (await calendarFor(db, now)).calendar;
}

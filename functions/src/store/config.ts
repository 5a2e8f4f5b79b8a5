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

/**
 * `config/calendar`: business hours and the years admins saved (domain/calendar/years.ts). An
 * older document holding a whole CalendarConfig (top-level `holidays`) is still read as is.
 */
export async function loadStoredCalendar(db: Firestore): Promise<StoredCalendar> {
  const snap = await db.collection(COL.config).doc('calendar').get();
  return snap.exists && !Array.isArray(snap.get('holidays')) ? parseDoc(StoredCalendar, snap) : StoredCalendar.parse({});
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
let cached: { key: string; calendar: WorkCalendar } | null = null;

async function calendarFor(db: Firestore, now: Date): Promise<{ calendar: WorkCalendar }> {
  const snap = await db.collection(COL.config).doc('calendar').get();
  const { fromYear, toYear } = coverageAround(now);
  const key = `${fromYear}|${JSON.stringify(snap.exists ? snap.data() : null)}`;
  if (cached?.key === key) return cached;
  const config = snap.exists && Array.isArray(snap.get('holidays'))
    ? parseDoc(CalendarConfig, snap)
    : buildCalendarConfig(snap.exists ? parseDoc(StoredCalendar, snap) : StoredCalendar.parse({}), fromYear, toYear);
  cached = { key, calendar: createCalendar(config) };
  return cached;
}

export async function loadCalendar(db: Firestore, now: Date = clock().now()): Promise<WorkCalendar> {
  return (await calendarFor(db, now)).calendar;
}

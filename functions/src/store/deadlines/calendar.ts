/** The calendar screen: read a year, save a year (audited), and the November reminder to admins. */
import { HttpsError } from 'firebase-functions/v2/https';
import type { Firestore } from 'firebase-admin/firestore';
import type { Actor } from '../../domain/actor';
import { StoredCalendar, calendarYearView, type CalendarYearView } from '../../domain/calendar';
import { COL } from '../../domain/collections';
import { applyCalendarSave, type SaveCalendarInput } from '../../domain/deadlines/calendar-api';
import { Staff } from '../../domain/documents';
import { parseDoc } from '../../lib/firestore';
import { auditActor, recordAudit } from '../audit';
import { invalidateConfig, loadStoredCalendar } from '../config';

export async function getCalendarYear(db: Firestore, year: number): Promise<CalendarYearView> {
  return calendarYearView(await loadStoredCalendar(db, { fresh: true }), year);
}

/** Saves one year's holidays and make-up days (and the business hours), with an audit entry. */
export async function saveCalendarYear(db: Firestore, actor: Actor, input: SaveCalendarInput, now: Date): Promise<CalendarYearView> {
  const ref = db.collection(COL.config).doc('calendar');
  const view = await db.runTransaction(async (tx) => {
    const snap = await tx.get(ref);
    const before = snap.exists && !Array.isArray(snap.get('holidays')) ? parseDoc(StoredCalendar, snap) : StoredCalendar.parse({});
    const result = applyCalendarSave(before, input, actor.uid, now);
    if ('fields' in result) {
      throw new HttpsError('invalid-argument', `Invalid input — ${Object.entries(result.fields).map(([k, v]) => `${k}: ${v}`).join('; ')}`, { fields: result.fields });
    }
    const previous = before.years[String(input.year)];
    recordAudit(tx, db, {
      action: 'calendar_saved', at: now, ...auditActor(actor), target: { type: 'config', id: `calendar/${input.year}` }, reason: input.reason,
      changes: {
        holidays: { from: previous?.holidays ?? null, to: input.holidays },
        makeupDays: { from: previous?.makeupDays ?? null, to: input.makeupDays },
        provisional: { from: previous?.provisional ?? null, to: input.provisional },
        ...(input.businessHours ? { businessHours: { from: before.weeklyHours, to: input.businessHours } } : {}),
      },
    });
    tx.set(ref, result.stored);
    return calendarYearView(result.stored, input.year);
  });
  invalidateConfig('calendar'); // this instance computes deadlines with the saved calendar at once
  return view;
}

/** Notification id of the "next year's calendar is provisional" reminder: once per year per admin. */
export function provisionalNoticeId(year: number, uid: string): string {
  return `calendar-${year}_${uid}`;
}

/**
 * From 1 November (Beijing time) while next year's holidays are still the provisional statutory
 * ones, every active admin is told once (deterministic ids, `create`). Returns how many were told.
 */
export async function remindProvisionalCalendar(db: Firestore, now: Date): Promise<number> {
  const local = new Date(now.getTime() + 8 * 3_600_000);
  if (local.getUTCMonth() < 10) return 0;
  const next = local.getUTCFullYear() + 1;
  const view = calendarYearView(await loadStoredCalendar(db), next);
  if (!view.provisional) return 0;
  const admins = await db.collection(COL.staff).where('role', '==', 'admin').get();
  const told = await Promise.all(admins.docs.map(async (d) => {
    const s = parseDoc(Staff, d);
    if (s.disabled) return 0;
    const zh = s.locale === 'zh-CN';
    try {
      await db.collection(COL.notifications).doc(provisionalNoticeId(next, d.id)).create({
        uid: d.id, ticketId: `calendar-${next}`, eventSeq: 1, type: 'calendar_provisional', read: false, createdAt: now, deliverAt: null,
        title: zh ? `${next} 年节假日安排尚未录入` : `${next} holidays not entered yet`,
        body: zh
          ? `${next} 年的工作日历目前按《全国年节及纪念日放假办法》的法定假日推算（暂定），没有调休。国务院办公厅发布放假通知后，请在"工作日历"中录入。`
          : `The ${next} working calendar holds the statutory holidays only (provisional), without make-up working days. Enter the State Council's schedule on the calendar screen once it is published.`,
      });
      return 1;
    } catch (e) {
      if ((e as { code?: unknown }).code === 6) return 0; // already told
      throw e;
    }
  }));
  return told.reduce<number>((a, b) => a + b, 0);
}

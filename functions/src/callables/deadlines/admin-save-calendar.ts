import { onCall } from 'firebase-functions/v2/https';
import { SaveCalendarInput } from '../../domain/deadlines/calendar-api';
import { can } from '../../domain/policy';
import { authorize, requireActor } from '../../lib/actor';
import { clock } from '../../lib/clock';
import { parseInput } from '../../lib/errors';
import { db } from '../../lib/firestore';
import { saveCalendarYear } from '../../store/deadlines/calendar';

/** Admin: saves one year's holidays and 调休 make-up days (pasted from the official notice) and business hours; audited. */
export const adminSaveCalendar = onCall(async (request) => {
  const actor = await requireActor(db(), request);
  authorize(can(actor, 'org.manage'));
  const input = parseInput(SaveCalendarInput, request.data);
  const view = await saveCalendarYear(db(), actor, input, clock().now());
  return { ...view, saved: view.saved ? { ...view.saved, savedAt: view.saved.savedAt.toISOString() } : null };
});

import { onCall } from 'firebase-functions/v2/https';
import { GetCalendarInput } from '../../domain/deadlines/calendar-api';
import { can } from '../../domain/policy';
import { authorize, requireActor } from '../../lib/actor';
import { parseInput } from '../../lib/errors';
import { db } from '../../lib/firestore';
import { getCalendarYear } from '../../store/deadlines/calendar';

/** One year of the working calendar: every day (holiday, make-up day, working), provisional or not, business hours. */
export const getCalendar = onCall(async (request) => {
  const actor = await requireActor(db(), request);
  authorize(can(actor, 'org.read'));
  const input = parseInput(GetCalendarInput, request.data);
  const view = await getCalendarYear(db(), input.year);
  return { ...view, saved: view.saved ? { ...view.saved, savedAt: view.saved.savedAt.toISOString() } : null };
});

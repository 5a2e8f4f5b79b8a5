/**
 * Time left on a ticket by its state, in working time of the organisation's calendar, the same
 * on every list and on the detail page (issue 8.2). Plain TypeScript, no Firebase import.
 */
import type { WorkCalendar } from '../calendar';
import { DEADLINE_STATES } from '../escalation';
import type { PauseRecord } from '../lifecycle/records';
import type { TicketState } from '../vocabulary';
import type { TimeLeft } from './list-api';

/** Under this much working time left, a running deadline is "due soon" (and in the due_soon queue). */
export const DUE_SOON_WORKING_MS = 4 * 3600_000;
export const TERMINAL_STATES: readonly TicketState[] = ['closed', 'cancelled'];
export const PAUSED_STATE: TicketState = 'waiting_on_client';

export interface TimeLeftFacts {
  state: TicketState;
  dueAt: Date | null;
  /** Last change: for a closed or cancelled ticket, when it closed. */
  updatedAt: Date;
  pauses?: readonly PauseRecord[] | undefined;
}

/**
 * running / due_soon: working ms until due; overdue: minus the working time since due (past due by
 * the clock even when no working time has elapsed yet, e.g. due 17:30, now 18:00); paused: working
 * ms left when the pause began; closed_on_time / closed_late: due minus closing, in working ms.
 */
export function timeLeft(t: TimeLeftFacts, now: Date, cal: WorkCalendar): TimeLeft {
  if (!t.dueAt) return { status: 'no_deadline', workingMs: null };
  // An instant outside the calendar (an imported ticket) shows no time left rather than failing.
  const from = TERMINAL_STATES.includes(t.state) ? t.updatedAt : now;
  if (!cal.covers(from) || !cal.covers(t.dueAt)) return { status: 'no_deadline', workingMs: null };
  if (TERMINAL_STATES.includes(t.state)) {
    const late = t.updatedAt.getTime() > t.dueAt.getTime();
    return { status: late ? 'closed_late' : 'closed_on_time', workingMs: cal.workingTimeBetween(t.updatedAt, t.dueAt) };
  }
  if (t.state === PAUSED_STATE) {
    const open = [...(t.pauses ?? [])].reverse().find((p) => p.end === null);
    const from = open ? open.start : now;
    return { status: 'paused', workingMs: cal.workingTimeBetween(from, t.dueAt) };
  }
  if (!DEADLINE_STATES.includes(t.state)) return { status: 'no_deadline', workingMs: null };
  const ms = cal.workingTimeBetween(now, t.dueAt);
  if (now.getTime() >= t.dueAt.getTime()) return { status: 'overdue', workingMs: Math.min(ms, 0) };
  return { status: ms < DUE_SOON_WORKING_MS ? 'due_soon' : 'running', workingMs: ms };
}

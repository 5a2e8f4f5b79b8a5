/**
 * Repair callback figures for the month's report (the KPI area counts with these). A callback
 * counts in the month its result was recorded. No Firebase.
 */
import type { CallbackResult, CallbackTask } from './documents';

export interface RepairCallbackFigures {
  /** Callback tasks due (sampled orders + re-repair special callbacks). */
  tasks: number;
  done: number;
  reached: number;
  satisfied: number;
  /** reached / tasks; null when there are none. */
  callbackRate: number | null;
  /** satisfied / reached; null when nobody was reached. */
  satisfactionRate: number | null;
  reRepairCallbacks: number;
  /** Re-repair special callbacks done after their 24 h deadline (or not at all). */
  reRepairCallbacksLate: number;
}

/** Counts the callback tasks of one office and month (filter before calling). */
export function repairCallbackFigures(
  tasks: ReadonlyArray<Pick<CallbackTask, 'kind' | 'state' | 'dueAt'> & { result: Pick<CallbackResult, 'reached' | 'satisfied' | 'at'> | null }>,
): RepairCallbackFigures {
  const done = tasks.filter((t) => t.state === 'done' && t.result);
  const reached = done.filter((t) => t.result!.reached);
  const satisfied = reached.filter((t) => t.result!.satisfied === true);
  const re = tasks.filter((t) => t.kind === 're_repair');
  const late = re.filter((t) => !t.result || t.result.at.getTime() > t.dueAt.getTime());
  return {
    tasks: tasks.length,
    done: done.length,
    reached: reached.length,
    satisfied: satisfied.length,
    callbackRate: tasks.length ? reached.length / tasks.length : null,
    satisfactionRate: reached.length ? satisfied.length / reached.length : null,
    reRepairCallbacks: re.length,
    reRepairCallbacksLate: late.length,
  };
}

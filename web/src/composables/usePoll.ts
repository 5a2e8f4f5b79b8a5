/**
 * Polling that costs little: never overlapping, only while signed in, slower while the tab is
 * hidden (and at once when it shows again), stopped with the component. A session that ended
 * stops it for good (sessionLost) instead of failing every few seconds.
 */
import { onBeforeUnmount, onMounted } from 'vue';
import { session, sessionLost } from '../session';
import { isSessionLost } from '../utils/errors';

export interface PollOptions {
  visibleMs: number;
  hiddenMs: number;
  /** Run once right away (default true). */
  immediate?: boolean;
}

export function usePoll(run: () => Promise<void>, opts: PollOptions): { now(): Promise<void>; stop(): void } {
  let stopped = false;
  let busy = false;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const schedule = (): void => {
    if (stopped) return;
    clearTimeout(timer);
    timer = setTimeout(() => void tick(), document.hidden ? opts.hiddenMs : opts.visibleMs);
  };
  const tick = async (): Promise<void> => {
    if (stopped || busy) return;
    if (session.status !== 'signed-in') { schedule(); return; }
    busy = true;
    try {
      await run();
    } catch (err) {
      if (isSessionLost(err)) { stopped = true; sessionLost(); return; }
      console.warn('poll failed', err);
    } finally {
      busy = false;
    }
    schedule();
  };
  const onVisible = (): void => { if (!document.hidden) void tick(); };

  onMounted(() => {
    document.addEventListener('visibilitychange', onVisible);
    if (opts.immediate === false) schedule();
    else void tick();
  });
  const stop = (): void => {
    stopped = true;
    clearTimeout(timer);
    document.removeEventListener('visibilitychange', onVisible);
  };
  onBeforeUnmount(stop);
  return { now: tick, stop };
}

/**
 * Polling: routing and notifications happen asynchronously on the server, so some views
 * re-fetch every few seconds. Calls never overlap; hidden tabs skip a beat.
 */
export function poll(run: () => Promise<void>, intervalMs: number): () => void {
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const tick = async (): Promise<void> => {
    if (stopped) return;
    if (!document.hidden) {
      try {
        await run();
      } catch (err) {
        console.warn('poll failed', err);
      }
    }
    if (!stopped) timer = setTimeout(() => void tick(), intervalMs);
  };
  timer = setTimeout(() => void tick(), intervalMs);
  return () => {
    stopped = true;
    if (timer !== undefined) clearTimeout(timer);
  };
}

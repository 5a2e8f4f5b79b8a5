/**
 * Cheaper liveness (issue 8.8): the shell polls the caller's small change marker
 * (`getChangeMarker`, one read) and bumps `changes.version` only when it differs; pages refetch
 * on that, not on a timer. Until the server offers the marker, the version is bumped on a slow
 * timer instead, so pages still refresh (at a fraction of the old rate).
 */
import { reactive } from 'vue';
import { getChangeMarker } from '../api/session';
import INTERVALS from '../poll-intervals.json';
import { errorCode } from '../utils/errors';
import { usePoll } from './usePoll';

export const changes = reactive({ version: 0, marker: null as string | null, supported: true });

let fallbackAt = 0;

/** Called once by the signed-in shell. */
export function useChangeMarker(): void {
  usePoll(async () => {
    if (!changes.supported) {
      if (Date.now() - fallbackAt >= INTERVALS.fallbackRefetchMs) { fallbackAt = Date.now(); changes.version += 1; }
      return;
    }
    try {
      const { marker } = await getChangeMarker();
      if (marker !== changes.marker) {
        const first = changes.marker === null;
        changes.marker = marker;
        if (!first) changes.version += 1;
      }
    } catch (err) {
      const code = errorCode(err);
      if (code === 'functions/not-found' || code === 'functions/unimplemented' || code === 'functions/internal') {
        changes.supported = false;
        fallbackAt = Date.now();
        return;
      }
      throw err;
    }
  // The first call only records the baseline: made one interval after sign-in, not in the burst of first page loads.
  }, { visibleMs: INTERVALS.changeMarkerVisibleMs, hiddenMs: INTERVALS.changeMarkerHiddenMs, immediate: false });
}

/**
 * Per-instance read-through cache for organisation and configuration data (departments,
 * branches, `config/*`): every callable and trigger needs them, they change a few times a year,
 * and every Firestore read is billed. Entries live CACHE_TTL_MS (default 60 s, environment
 * variable `HX_CACHE_TTL_MS`; 0 disables caching). A change made through this instance
 * invalidates its entry at once; other instances see it within the TTL — that is the documented
 * delay of an admin's change (README "Read cost").
 *
 * Not cached, on purpose: staff records (a disabled account or a changed role must take effect
 * on the next call), tickets, and anything read inside a transaction.
 *
 * The TTL runs on the process's monotonic clock, not the injected business clock: it bounds how
 * stale this instance's copy may be in real time.
 */
interface Entry { at: number; value: Promise<unknown> }

/** A read-through cache whose entries live `ttlMs` (0: no caching). */
export function createCache(ttlMs: number) {
  const entries = new Map<string, Entry>();
  return {
    ttlMs,
    /**
     * The cached value of `key`, loading it when absent or older than the TTL. A failed load is
     * not kept, so the next caller tries again; concurrent first reads share one load.
     */
    cached<T>(key: string, load: () => Promise<T>): Promise<T> {
      if (ttlMs === 0) return load();
      const now = performance.now();
      const hit = entries.get(key);
      if (hit && now - hit.at < ttlMs) return hit.value as Promise<T>;
      const value = load();
      entries.set(key, { at: now, value });
      value.catch(() => { if (entries.get(key)?.value === value) entries.delete(key); });
      return value;
    },
    /** Forgets entries whose key starts with `prefix` (all entries without one). */
    invalidate(prefix = ''): void {
      for (const key of [...entries.keys()]) if (key.startsWith(prefix)) entries.delete(key);
    },
  };
}

function ttlFromEnvironment(): number {
  const raw = Number(process.env['HX_CACHE_TTL_MS'] ?? 60_000);
  return Number.isFinite(raw) && raw >= 0 ? raw : 60_000;
}

/** This instance's cache. */
const instanceCache = createCache(ttlFromEnvironment());
export const cached = instanceCache.cached;
export const invalidateCache = instanceCache.invalidate;

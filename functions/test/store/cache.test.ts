/** The per-instance cache of organisation and configuration data (store/cache.ts). */
import { createCache } from '../../src/store/cache';

const CACHE_TTL_MS = 60_000;
let cached: ReturnType<typeof createCache>['cached'];
let invalidateCache: ReturnType<typeof createCache>['invalidate'];

describe('per-instance cache', () => {
  beforeEach(() => {
    jest.useFakeTimers();
    ({ cached, invalidate: invalidateCache } = createCache(CACHE_TTL_MS));
  });
  afterEach(() => jest.useRealTimers());

  test('a second read within the TTL is served without loading again', async () => {
    const load = jest.fn(async () => ({ departments: 3 }));
    await expect(cached('org', load)).resolves.toEqual({ departments: 3 });
    jest.advanceTimersByTime(CACHE_TTL_MS - 1);
    await expect(cached('org', load)).resolves.toEqual({ departments: 3 });
    expect(load).toHaveBeenCalledTimes(1);
  });

  test('after the TTL the next read loads the current value (an admin change applies within the TTL)', async () => {
    let version = 1;
    const load = jest.fn(async () => version);
    await cached('config/routing', load);
    version = 2;
    jest.advanceTimersByTime(CACHE_TTL_MS);
    await expect(cached('config/routing', load)).resolves.toBe(2);
    expect(load).toHaveBeenCalledTimes(2);
  });

  test('invalidating a prefix reloads those entries at once and keeps the others', async () => {
    const org = jest.fn(async () => 'org');
    const person = jest.fn(async () => 'person');
    await cached('org', org);
    await cached('recipients/person/u-1', person);
    invalidateCache('recipients/');
    await cached('org', org);
    await cached('recipients/person/u-1', person);
    expect(org).toHaveBeenCalledTimes(1);
    expect(person).toHaveBeenCalledTimes(2);
  });

  test('a failed load is not kept: the next caller tries again', async () => {
    const load = jest.fn()
      .mockRejectedValueOnce(new Error('unavailable'))
      .mockResolvedValueOnce('ok');
    await expect(cached('config/sla', load)).rejects.toThrow('unavailable');
    await expect(cached('config/sla', load)).resolves.toBe('ok');
  });

  test('a TTL of 0 turns caching off', async () => {
    const off = createCache(0);
    const load = jest.fn(async () => 'org');
    await off.cached('org', load);
    await off.cached('org', load);
    expect(load).toHaveBeenCalledTimes(2);
  });

  test('concurrent first reads share one load', async () => {
    const load = jest.fn(async () => 'org');
    await Promise.all([cached('org', load), cached('org', load), cached('org', load)]);
    expect(load).toHaveBeenCalledTimes(1);
  });
});

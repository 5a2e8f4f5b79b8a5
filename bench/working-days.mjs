/**
 * Benchmark: working-day arithmetic of the compiled calendar (functions/lib/domain/calendar)
 * against a naive implementation that walks the calendar day by day, interval by interval.
 *
 * Ten-year calendar (2020–2029, default config seeded from chinese-days); ~2000 seeded random
 * instants; for each: addWorkingDays(+n, n random 1..30) and workingTimeBetween(a, a + up to 60 days).
 * Both implementations must agree on every result, otherwise run() throws.
 *
 * Build first: npx tsc -p functions/tsconfig.build.json
 */
const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;
const SAMPLES = 2000;
const MIN_MEASURE_MS = 300;

/** mulberry32: small seeded PRNG, deterministic across runs. */
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const dayNumberOf = (iso) => Date.parse(`${iso}T00:00:00Z`) / DAY_MS;
const hhmm = (s) => Number(s.slice(0, 2)) * 60 + Number(s.slice(3, 5));

/** The naive reference: no precomputation beyond parsing the config, walks days one by one. */
function naiveCalendar(cfg) {
  const offsetMs = cfg.utcOffsetMinutes * MINUTE_MS;
  const holidays = new Set(cfg.holidays.map(dayNumberOf));
  const makeups = new Set(cfg.makeupWorkdays.map(dayNumberOf));
  const weekly = (w) => cfg.weeklyHours[String(w)].map((iv) => [hhmm(iv.start), hhmm(iv.end)]);
  const localDay = (t) => Math.floor((t + offsetMs) / DAY_MS);
  const intervals = (day) => {
    const hours = holidays.has(day)
      ? []
      : makeups.has(day)
        ? weekly(cfg.makeupHoursFrom)
        : weekly((((day + 4) % 7) + 7) % 7);
    const midnight = day * DAY_MS - offsetMs;
    return hours.map(([s, e]) => [midnight + s * MINUTE_MS, midnight + e * MINUTE_MS]);
  };
  const MAX_DAYS = 4000;

  function nextWorking(t) {
    for (let day = localDay(t), i = 0; i < MAX_DAYS; day++, i++) {
      for (const [s, e] of intervals(day)) if (t <= e) return [Math.max(t, s), day];
    }
    throw new Error('naive: no working time ahead');
  }

  function between(a, b) {
    if (b < a) return -between(b, a);
    let total = 0;
    for (let day = localDay(a); day <= localDay(b); day++) {
      for (const [s, e] of intervals(day)) total += Math.max(0, Math.min(e, b) - Math.max(s, a));
    }
    return total;
  }

  function addWorkingDays(from, n) {
    const [s, day] = nextWorking(from);
    if (n === 0) return s;
    let elapsed = 0;
    for (const [is, ie] of intervals(day)) elapsed += Math.max(0, Math.min(ie, s) - is);
    let target = day;
    let previousWorkingDay = day;
    for (let found = 0; found < n; ) {
      target++;
      if (intervals(target).length > 0) {
        found++;
        if (found < n) previousWorkingDay = target;
      }
    }
    const ivs = intervals(target);
    let remaining = Math.min(elapsed, ivs.reduce((sum, [is, ie]) => sum + (ie - is), 0));
    if (remaining === 0) {
      // earliest instant: zero working time into a day = the close of the previous working day
      const prev = intervals(previousWorkingDay);
      return prev[prev.length - 1][1];
    }
    for (const [is, ie] of ivs) {
      if (remaining <= ie - is) return is + remaining;
      remaining -= ie - is;
    }
    throw new Error('naive: unreachable');
  }

  return { between, addWorkingDays };
}

function measure(fn) {
  let ops = 0;
  const start = performance.now();
  let elapsed = 0;
  do {
    ops += fn();
    elapsed = performance.now() - start;
  } while (elapsed < MIN_MEASURE_MS);
  return (ops / elapsed) * 1000;
}

export async function run() {
  const mod = await import(new URL('../functions/lib/domain/calendar/index.js', import.meta.url).href);
  const { createCalendar, defaultCalendarConfig } = mod.createCalendar ? mod : mod.default;

  const buildStart = performance.now();
  const config = defaultCalendarConfig(2020, 2029);
  const cal = createCalendar(config);
  const buildMs = performance.now() - buildStart;
  const naive = naiveCalendar(cal.config);

  const random = prng(20250930);
  const from = Date.parse('2020-01-01T00:00:00+08:00');
  const to = Date.parse('2029-10-01T00:00:00+08:00'); // leave room for +30 working days / +60 days
  const cases = Array.from({ length: SAMPLES }, () => {
    const a = from + Math.floor(random() * (to - from));
    return { a: new Date(a), b: new Date(a + Math.floor(random() * 60 * DAY_MS)), n: 1 + Math.floor(random() * 30) };
  });

  // agreement first
  for (const { a, b, n } of cases) {
    const fast = cal.addWorkingDays(a, n).getTime();
    const slow = naive.addWorkingDays(a.getTime(), n);
    if (fast !== slow) {
      throw new Error(
        `addWorkingDays(${a.toISOString()}, ${n}) disagrees: fast ${new Date(fast).toISOString()}, naive ${new Date(slow).toISOString()}`,
      );
    }
    const fw = cal.workingTimeBetween(a, b);
    const sw = naive.between(a.getTime(), b.getTime());
    if (fw !== sw) throw new Error(`workingTimeBetween(${a.toISOString()}, ${b.toISOString()}) disagrees: fast ${fw}, naive ${sw}`);
  }

  let sink = 0;
  const fastOps = measure(() => {
    for (const { a, b, n } of cases) {
      sink += cal.addWorkingDays(a, n).getTime() & 1;
      sink += cal.workingTimeBetween(a, b) & 1;
    }
    return cases.length * 2;
  });
  const naiveOps = measure(() => {
    for (const { a, b, n } of cases) {
      sink += naive.addWorkingDays(a.getTime(), n) & 1;
      sink += naive.between(a.getTime(), b.getTime()) & 1;
    }
    return cases.length * 2;
  });
  if (sink < 0) console.log(sink); // keep the results alive

  const round = (x, digits = 0) => Math.round(x * 10 ** digits) / 10 ** digits;
  return [
    { name: 'workingDays.fastOpsPerSec', value: round(fastOps), unit: 'ops/s' },
    { name: 'workingDays.naiveOpsPerSec', value: round(naiveOps), unit: 'ops/s' },
    { name: 'workingDays.speedupVsNaive', value: round(fastOps / naiveOps, 1), unit: 'x' },
    { name: 'workingDays.calendarBuildMs', value: round(buildMs, 2), unit: 'ms' },
    { name: 'workingDays.samplesAgreeing', value: cases.length * 2, unit: 'count' },
  ];
}

if (import.meta.url === `file://${process.argv[1]}`) {
  run().then((figures) => console.table(figures), (err) => {
    console.error(err);
    process.exitCode = 1;
  });
}

// Local Cloud Scheduler for `onSchedule` functions.
//
// The Functions emulator loads scheduled functions but never runs them (there is no Pub/Sub
// emulator offline). This scheduler reads each one's schedule from the emulator
// (`GET /backends` → `schedule: { schedule, timeZone }`, i.e. the function's
// `__endpoint.scheduleTrigger`) and POSTs to the emulator's trigger URL on that schedule, with
// the same `X-CloudScheduler-*` headers Cloud Scheduler sends (firebase-functions v2 reads
// `jobName` and `scheduleTime` from them). A failed run is logged; the next tick runs again.
//
// Schedules: unix-cron (5 fields, via cron-parser) or the App Engine syntax Cloud Scheduler
// accepts: `every N minutes|hours` (optionally `from HH:MM to HH:MM`, `synchronized`),
// `every day HH:MM`, `every monday,friday HH:MM`. Time zone: the function's `timeZone`,
// default UTC (the v2 default).

import { CronExpressionParser } from 'cron-parser';
import { httpRequest, listFunctions, makeLogger, triggerKeys, triggerUrl } from './emulator-api.mjs';

const DAYS = { sunday: 0, sun: 0, monday: 1, mon: 1, tuesday: 2, tue: 2, wednesday: 3, wed: 3,
  thursday: 4, thu: 4, friday: 5, fri: 5, saturday: 6, sat: 6 };

/**
 * Translates a Cloud Scheduler schedule to something cron-parser understands.
 * @returns {{ cron: string, window?: [number, number] }} window in minutes of the day (inclusive)
 */
export function toCron(schedule) {
  const s = schedule.trim().toLowerCase().replace(/\s+/g, ' ').replace(/ synchronized$/, '');
  if (/^(\S+ ){4}\S+$/.test(s) && !s.startsWith('every')) return { cron: s };
  let m = /^every (\d+) (minutes?|mins?|hours?|hrs?)(?: from (\d\d?):(\d\d) to (\d\d?):(\d\d))?$/.exec(s);
  if (m) {
    const n = Number(m[1]);
    const hours = m[2].startsWith('h');
    if (n < 1) throw new Error(`bad interval in "${schedule}"`);
    const window = m[3] ? [Number(m[3]) * 60 + Number(m[4]), Number(m[5]) * 60 + Number(m[6])] : undefined;
    if (hours) {
      if (n > 24) throw new Error(`interval over 24 hours in "${schedule}"`);
      return { cron: `0 */${n} * * *`, window };
    }
    if (n >= 60 && n % 60 === 0) return { cron: `0 */${n / 60} * * *`, window };
    if (n > 60) throw new Error(`minute interval ${n} not supported locally in "${schedule}"`);
    return { cron: `*/${n} * * * *`, window };
  }
  m = /^every (day|[a-z, ]+?) (\d\d?):(\d\d)$/.exec(s);
  if (m) {
    const dow = m[1] === 'day' ? '*' : m[1].split(/[, ]+/).filter(Boolean).map((d) => {
      if (!(d in DAYS)) throw new Error(`unknown day "${d}" in "${schedule}"`);
      return DAYS[d];
    }).join(',');
    return { cron: `${Number(m[3])} ${Number(m[2])} * * ${dow}` };
  }
  throw new Error(`schedule "${schedule}" is not supported by the local scheduler (run it with npm run schedule)`);
}

/**
 * Next run strictly after `after`.
 * @param {string} schedule
 * @param {string|null|undefined} timeZone
 * @param {Date} [after]
 */
export function nextRunTime(schedule, timeZone, after = new Date()) {
  const { cron, window } = toCron(schedule);
  const it = CronExpressionParser.parse(cron, { tz: timeZone || 'UTC', currentDate: after });
  for (let i = 0; i < 10_000; i++) {
    const d = it.next().toDate();
    if (!window) return d;
    const local = new Intl.DateTimeFormat('en-GB', { timeZone: timeZone || 'UTC', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .format(d).split(':').map(Number);
    const mins = local[0] * 60 + local[1];
    const [from, to] = window;
    if (from <= to ? mins >= from && mins <= to : mins >= from || mins <= to) return d;
  }
  throw new Error(`no run time found for "${schedule}"`);
}

/** Scheduled functions loaded in the emulator. */
export async function listScheduled(functionsUrl) {
  return (await listFunctions(functionsUrl)).filter((d) => d.schedule?.schedule);
}

/**
 * Runs one scheduled function now (or as if at `scheduleTime`). Throws on failure.
 * @param {{ functionsUrl: string, projectId: string, name: string, scheduleTime?: Date,
 *           timeoutMs?: number }} o  name: function name (`sweepDeadlines`) or id (`asia-east2-sweepDeadlines`)
 * @returns {Promise<{ id: string, status: number, ms: number }>}
 */
export async function runScheduledFunction(o) {
  const fns = await listScheduled(o.functionsUrl);
  const fn = fns.find((d) => d.name === o.name || d.id === o.name || d.entryPoint === o.name);
  if (!fn) {
    throw new Error(`no scheduled function "${o.name}" in the emulator; scheduled functions: ${
      fns.map((d) => d.name).join(', ') || '(none)'}`);
  }
  for (let attempt = 0; attempt < 2; attempt++) {
    const key = (await triggerKeys(o.functionsUrl, o.projectId)).get(fn.id);
    if (!key) throw new Error(`emulator has no trigger key for ${fn.id}`);
    const started = Date.now();
    const res = await httpRequest(triggerUrl(o.functionsUrl, o.projectId, key), {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'X-CloudScheduler-JobName': `firebase-schedule-${fn.name}-${fn.region}`,
        'X-CloudScheduler-ScheduleTime': (o.scheduleTime ?? new Date()).toISOString(),
      },
      body: '{}',
      timeoutMs: o.timeoutMs ?? 600_000,
    });
    if (res.status === 404 && attempt === 0) continue; // reloaded between lookups
    if (!res.ok) throw new Error(`${fn.id} failed: HTTP ${res.status} ${res.text.slice(0, 300)}`);
    return { id: fn.id, status: res.status, ms: Date.now() - started };
  }
  throw new Error(`${fn.id}: trigger key kept changing`);
}

/**
 * Starts the scheduler.
 * @param {{ projectId: string, functionsUrl: string, quiet?: boolean, pollMs?: number, log?: any }} o
 */
export async function startScheduler(o) {
  const log = o.log ?? makeLogger('scheduler', o);
  const pollMs = o.pollMs ?? 5000;
  /** @type {Map<string, { def: any, next: Date|null, running: boolean, sig: string }>} */
  const jobs = new Map();
  let stopped = false;
  let unreachable = false;

  async function refresh() {
    let defs;
    try {
      defs = await listScheduled(o.functionsUrl);
      unreachable = false;
    } catch (e) {
      if (!unreachable) log.warn(`cannot read the loaded functions (${e.cause?.code ?? e.message}); will keep trying`);
      unreachable = true;
      return;
    }
    const seen = new Set();
    for (const def of defs) {
      seen.add(def.id);
      const sig = `${def.schedule.schedule}|${def.schedule.timeZone ?? ''}`;
      const job = jobs.get(def.id);
      if (job && job.sig === sig) { job.def = def; continue; }
      let next = null;
      try { next = nextRunTime(def.schedule.schedule, def.schedule.timeZone); } catch (e) { log.warn(`${def.name}: ${e.message}`); }
      jobs.set(def.id, { def, next, running: job?.running ?? false, sig });
      if (next) log.info(`${def.name}: "${def.schedule.schedule}" (${def.schedule.timeZone || 'UTC'}), next run ${next.toISOString()}`);
    }
    for (const id of [...jobs.keys()]) if (!seen.has(id)) jobs.delete(id);
  }

  async function run(job, at) {
    job.running = true;
    try {
      const r = await runScheduledFunction({ functionsUrl: o.functionsUrl, projectId: o.projectId, name: job.def.id, scheduleTime: at });
      log.info(`${job.def.name} ran for ${at.toISOString()} ✓ ${r.ms} ms`);
    } catch (e) {
      log.error(`${job.def.name} run for ${at.toISOString()} failed (will run again at the next tick): ${e.message}`);
    } finally {
      job.running = false;
    }
  }

  function tick() {
    if (stopped) return;
    const now = new Date();
    for (const job of jobs.values()) {
      if (!job.next || job.next > now) continue;
      const at = job.next;
      job.next = nextRunTime(job.def.schedule.schedule, job.def.schedule.timeZone, now);
      if (job.running) { log.warn(`${job.def.name}: previous run still going, skipping ${at.toISOString()}`); continue; }
      void run(job, at);
    }
  }

  await refresh();
  const ticker = setInterval(tick, 1000);
  const poller = setInterval(() => { void refresh(); }, pollMs);
  return {
    get jobs() { return [...jobs.values()].map((j) => ({ id: j.def.id, name: j.def.name, schedule: j.def.schedule, next: j.next })); },
    async stop() { stopped = true; clearInterval(ticker); clearInterval(poller); },
  };
}

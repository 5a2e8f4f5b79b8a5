// Talking to a running Functions emulator (firebase-tools 15.x) from the local-stack tools:
// which functions it has loaded, their current trigger keys, and how to invoke a
// background trigger. Plain Node ESM, no dependencies.

/**
 * @typedef {object} FunctionDef  one entry of the emulator's `GET /backends` answer
 * @property {string} id          `<region>-<name>`, e.g. `asia-east2-onTicketCreated`
 * @property {string} name
 * @property {string} region
 * @property {string} entryPoint
 * @property {{ eventType: string, eventFilters?: Record<string,string>,
 *              eventFilterPathPatterns?: Record<string,string>, retry?: boolean }} [eventTrigger]
 * @property {{ schedule: string, timeZone?: string|null, retryConfig?: object }} [schedule]
 * @property {object} [httpsTrigger]
 * @property {object} [taskQueueTrigger]
 */

/** Small fetch with a timeout that never throws on HTTP status. */
export async function httpRequest(url, { method = 'GET', headers = {}, body, timeoutMs = 10_000 } = {}) {
  const res = await fetch(url, { method, headers, body, signal: AbortSignal.timeout(timeoutMs) });
  const text = await res.text();
  return { status: res.status, ok: res.ok, text };
}

/**
 * Every function the emulator has loaded (all codebases).
 * @param {string} functionsUrl e.g. http://127.0.0.1:5001
 * @returns {Promise<FunctionDef[]>}
 */
export async function listFunctions(functionsUrl) {
  const res = await httpRequest(`${functionsUrl}/backends`, { timeoutMs: 30_000 });
  if (!res.ok) throw new Error(`GET ${functionsUrl}/backends → ${res.status} ${res.text.slice(0, 200)}`);
  const { backends = [] } = JSON.parse(res.text);
  return backends.flatMap((b) => b.functionTriggers ?? []);
}

/**
 * The emulator's current trigger keys, from the 404 answer to a key that cannot exist
 * ("Function X does not exist, valid functions are: a, b-0, c-0"). Event and scheduled
 * functions are registered as `<id>-<generation>`; the generation grows on each hot reload.
 * @returns {Promise<Map<string,string>>} function id → trigger key (event/scheduled ones only)
 */
export async function triggerKeys(functionsUrl, projectId) {
  const res = await httpRequest(`${functionsUrl}/functions/projects/${projectId}/triggers/__huixiang_probe__`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}', timeoutMs: 30_000,
  });
  const m = /valid functions are:(.*)$/s.exec(res.text);
  if (res.status !== 404 || !m) throw new Error(`cannot list trigger keys: ${res.status} ${res.text.slice(0, 200)}`);
  const keys = new Map();
  for (const key of m[1].split(',').map((s) => s.trim()).filter(Boolean)) {
    const g = /^(.*)-(\d+)$/.exec(key);
    if (!g) continue; // https/callable functions are keyed by id only
    const prev = keys.get(g[1]);
    if (!prev || Number(/-(\d+)$/.exec(prev)[1]) < Number(g[2])) keys.set(g[1], key);
  }
  return keys;
}

/** URL that invokes a background (event or scheduled) function by trigger key. */
export function triggerUrl(functionsUrl, projectId, key) {
  return `${functionsUrl}/functions/projects/${projectId}/triggers/${key}`;
}

/** Resolves after `ms`, or early (false) when `signal` aborts. */
export function sleep(ms, signal) {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve(false);
    const t = setTimeout(() => { signal?.removeEventListener('abort', onAbort); resolve(true); }, ms);
    const onAbort = () => { clearTimeout(t); resolve(false); };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * A logger that prefixes a tag. `quiet` drops info/debug, keeps warnings and errors.
 * @param {string} tag
 * @param {{ quiet?: boolean, debug?: boolean }} [opts]
 */
export function makeLogger(tag, { quiet = false, debug = false } = {}) {
  const p = `[${tag}]`;
  return {
    debug: (...a) => { if (debug && !quiet) console.log(p, ...a); },
    info: (...a) => { if (!quiet) console.log(p, ...a); },
    warn: (...a) => console.warn(p, 'WARN', ...a),
    error: (...a) => console.error(p, 'ERROR', ...a),
  };
}

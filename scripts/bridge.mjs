// Firestore → Functions-emulator bridge.
//
// Google's Firestore emulator (which normally fires Firestore triggers) cannot run offline, so
// the local stack uses the npm gRPC emulator and this bridge: it listens to the collections
// that the loaded Firestore triggers watch (firebase-admin onSnapshot; collectionGroup queries
// do not work in that emulator) and POSTs each change to the Functions emulator as a
// structured CloudEvent, exactly what firebase-functions v2 `onDocument*` decodes for
// `datacontenttype: application/json` (REST-encoded `data.value` / `data.oldValue`).
//
// Triggers are discovered from the running Functions emulator (`GET /backends`), re-read every
// few seconds (hot reload), and the trigger key's generation is re-read on a 404.
// Supported document patterns: literal or `{wildcard}` segments at any depth
// (`tickets/{ticketId}`, `tickets/{ticketId}/events/{eventId}`, `config/settings`);
// not supported (warned about): `{x=**}` and wildcard collection ids.
//
// Needs FIRESTORE_EMULATOR_HOST in the environment of the process that owns `db`.

import { randomUUID } from 'node:crypto';
import os from 'node:os';
import { DocumentReference, GeoPoint, Timestamp } from 'firebase-admin/firestore';
import { httpRequest, listFunctions, makeLogger, sleep, triggerKeys, triggerUrl } from './emulator-api.mjs';

const FS_EVENT = 'google.cloud.firestore.document.v1.';
/** onSnapshot change type → CloudEvent kinds it produces */
const KINDS = { added: ['created', 'written'], modified: ['updated', 'written'], removed: ['deleted', 'written'] };

// ---------------------------------------------------------------------------------------------
// Firestore REST (proto3 JSON) encoding of a document read through firebase-admin.

function timestampString(seconds, nanos) {
  const base = new Date(Number(seconds) * 1000).toISOString().slice(0, 19);
  return `${base}.${String(nanos ?? 0).padStart(9, '0')}Z`;
}

/** @returns {object} a Firestore REST `Value` */
export function toRestValue(v, projectId, database = '(default)') {
  if (v === null || v === undefined) return { nullValue: null };
  switch (typeof v) {
    case 'boolean': return { booleanValue: v };
    case 'string': return { stringValue: v };
    case 'bigint': return { integerValue: v.toString() };
    case 'number':
      if (Number.isNaN(v)) return { doubleValue: 'NaN' };
      if (!Number.isFinite(v)) return { doubleValue: v > 0 ? 'Infinity' : '-Infinity' };
      return Number.isSafeInteger(v) && !Object.is(v, -0) ? { integerValue: String(v) } : { doubleValue: v };
    default: break;
  }
  if (v instanceof Timestamp) return { timestampValue: timestampString(v.seconds, v.nanoseconds) };
  if (v instanceof Date) return { timestampValue: v.toISOString() };
  if (v instanceof GeoPoint) return { geoPointValue: { latitude: v.latitude, longitude: v.longitude } };
  if (v instanceof DocumentReference) {
    return { referenceValue: `projects/${projectId}/databases/${database}/documents/${v.path}` };
  }
  if (v instanceof Uint8Array) return { bytesValue: Buffer.from(v).toString('base64') };
  if (Array.isArray(v)) return { arrayValue: { values: v.map((x) => toRestValue(x, projectId, database)) } };
  if (typeof v.toArray === 'function' && v.constructor?.name === 'VectorValue') {
    return {
      mapValue: {
        fields: {
          __type__: { stringValue: '__vector__' },
          value: { arrayValue: { values: v.toArray().map((d) => ({ doubleValue: d })) } },
        },
      },
    };
  }
  return { mapValue: { fields: toRestFields(v, projectId, database) } };
}

export function toRestFields(obj, projectId, database = '(default)') {
  const fields = {};
  for (const [k, x] of Object.entries(obj)) fields[k] = toRestValue(x, projectId, database);
  return fields;
}

/**
 * @param {import('firebase-admin/firestore').DocumentSnapshot} snap an existing document
 * @returns {{ name: string, fields: object, createTime: string, updateTime: string }}
 */
export function toRestDocument(snap, projectId, database = '(default)') {
  const now = Timestamp.now();
  const ct = snap.createTime ?? snap.updateTime ?? now;
  const ut = snap.updateTime ?? ct;
  return {
    name: `projects/${projectId}/databases/${database}/documents/${snap.ref.path}`,
    fields: toRestFields(snap.data() ?? {}, projectId, database),
    createTime: timestampString(ct.seconds, ct.nanoseconds),
    updateTime: timestampString(ut.seconds, ut.nanoseconds),
  };
}

// ---------------------------------------------------------------------------------------------
// Trigger discovery and the pattern trie.

/**
 * @typedef {object} FsTrigger
 * @property {string} id `<region>-<name>`
 * @property {string} name
 * @property {string} region
 * @property {string} eventType full CloudEvent type, maybe with `.withAuthContext`
 * @property {'created'|'updated'|'deleted'|'written'} kind
 * @property {string} document path pattern
 * @property {boolean} retry
 */

/** @returns {FsTrigger[]} */
export function firestoreTriggers(defs, log) {
  const out = [];
  for (const d of defs) {
    const et = d.eventTrigger?.eventType ?? '';
    if (!et.startsWith(FS_EVENT)) continue;
    const kind = et.slice(FS_EVENT.length).split('.')[0];
    const document = d.eventTrigger.eventFilterPathPatterns?.document ?? d.eventTrigger.eventFilters?.document;
    const database = d.eventTrigger.eventFilters?.database ?? '(default)';
    if (!document || !['created', 'updated', 'deleted', 'written'].includes(kind)) {
      log?.warn(`skipping ${d.id}: unsupported Firestore trigger ${et} ${document ?? ''}`);
      continue;
    }
    if (database !== '(default)') {
      log?.warn(`skipping ${d.id}: database ${database} is not emulated (only "(default)")`);
      continue;
    }
    const segs = document.split('/').filter(Boolean);
    if (segs.length % 2 !== 0 || segs.some((s) => s.includes('=**')) || segs.some((s, i) => i % 2 === 0 && s.startsWith('{'))) {
      log?.warn(`skipping ${d.id}: document pattern "${document}" not supported by the bridge`);
      continue;
    }
    out.push({ id: d.id, name: d.name, region: d.region, eventType: et, kind, document: segs.join('/'),
      retry: Boolean(d.eventTrigger.retry) });
  }
  return out;
}

/**
 * Trie over collection / document segments; wildcard document segments share the key '*'.
 * CollNode: { docs: Map<key, DocNode> }; DocNode: { triggers: FsTrigger[], colls: Map<name, CollNode> }
 */
function buildTrie(triggers) {
  const root = new Map(); // collection id → CollNode
  for (const t of triggers) {
    const segs = t.document.split('/');
    let colls = root;
    let doc;
    for (let i = 0; i < segs.length; i += 2) {
      let coll = colls.get(segs[i]);
      if (!coll) colls.set(segs[i], (coll = { docs: new Map() }));
      const dk = segs[i + 1].startsWith('{') ? '*' : segs[i + 1];
      doc = coll.docs.get(dk);
      if (!doc) coll.docs.set(dk, (doc = { triggers: [], colls: new Map() }));
      colls = doc.colls;
    }
    doc.triggers.push(t);
  }
  return root;
}

// ---------------------------------------------------------------------------------------------

/**
 * Starts the bridge. Resolves once the first set of listeners is attached.
 * @param {object} o
 * @param {string} o.projectId
 * @param {string} o.functionsUrl e.g. http://127.0.0.1:5001
 * @param {import('firebase-admin/firestore').Firestore} o.db
 * @param {boolean} [o.quiet]
 * @param {boolean} [o.debug]
 * @param {number} [o.pollMs] how often to re-read the loaded triggers (hot reload), default 3000
 * @param {number} [o.maxAttempts] delivery attempts for transport failures, default 6
 * @param {boolean} [o.retryFunctionErrors] also redeliver when the function itself fails (HTTP 500);
 *   default: only for triggers declared with `retry: true`, like production
 * @param {number} [o.timeoutMs] per-delivery timeout, default 70000 (function timeout is 60 s)
 * @param {number} [o.concurrency] deliveries in flight at once, default max(2, CPUs): the emulator
 *   starts a cold worker per concurrent request, so a burst of N events would start N workers
 */
export async function startBridge(o) {
  const { projectId, functionsUrl, db } = o;
  const log = o.log ?? makeLogger('bridge', o);
  const pollMs = o.pollMs ?? 3000;
  const maxAttempts = o.maxAttempts ?? 6;
  const timeoutMs = o.timeoutMs ?? 70_000;
  const stopCtl = new AbortController();
  const concurrency = o.concurrency ?? Math.max(2, os.availableParallelism?.() ?? os.cpus().length);
  let active = 0;
  const waiting = [];
  const acquire = () => (active < concurrency ? (active++, Promise.resolve()) : new Promise((r) => waiting.push(r)));
  const release = () => { const next = waiting.shift(); if (next) next(); else active--; };

  /** @type {FsTrigger[]} */ let triggers = [];
  let signature = '';
  let unreachable = false;
  /** @type {Map<string,string>} */ let keys = new Map();
  /** @type {Map<string, () => void>} path → unsubscribe */ const listeners = new Map();
  /** @type {Map<string, object>} doc path → last REST document seen */ const cache = new Map();
  /** @type {Map<string, Promise<void>>} per trigger+document delivery chain (keeps order) */
  const chains = new Map();
  const stats = { delivered: 0, failed: 0, pending: 0 };
  let idleWaiters = [];

  async function refreshKeys() {
    try { keys = await triggerKeys(functionsUrl, projectId); } catch (e) { log.warn(`trigger keys: ${e.message}`); }
  }

  function detachAll() {
    for (const unsub of listeners.values()) unsub();
    listeners.clear();
    cache.clear();
  }

  /**
   * Listen to one concrete collection.
   * @param {string} colPath
   * @param {{docs: Map<string, any>}} node
   * @param {boolean} emitInitial whether docs in the first snapshot are new (parent just created)
   */
  function watch(colPath, node, emitInitial) {
    if (listeners.has(colPath)) return Promise.resolve();
    let first = true;
    let markReady;
    const ready = new Promise((r) => { markReady = r; });
    // Documents in the first snapshot that were created after we started listening are new.
    const since = Timestamp.now();
    const unsub = db.collection(colPath).onSnapshot(
      (snap) => {
        const initial = first;
        first = false;
        markReady();
        for (const ch of snap.docChanges()) {
          const path = ch.doc.ref.path;
          const docNodes = [node.docs.get('*'), node.docs.get(ch.doc.id)].filter(Boolean);
          const prev = cache.get(path);
          const cur = ch.type === 'removed' ? undefined : toRestDocument(ch.doc, projectId);
          if (cur) cache.set(path, cur); else cache.delete(path);
          const emit = !initial || emitInitial || (ch.doc.createTime && ch.doc.createTime >= since);
          for (const dn of docNodes) {
            if (emit) for (const t of dn.triggers) if (KINDS[ch.type].includes(t.kind)) enqueue(t, ch.type, path, prev, cur);
            for (const [sub, subNode] of dn.colls) {
              const subPath = `${path}/${sub}`;
              if (ch.type === 'added') watch(subPath, subNode, emit);
              else if (ch.type === 'removed') unwatch(subPath);
            }
          }
        }
      },
      (err) => {
        log.error(`listener on ${colPath} failed: ${err.message}; re-attaching in 2 s`);
        listeners.delete(colPath);
        markReady();
        sleep(2000, stopCtl.signal).then((ok) => { if (ok) watch(colPath, node, false); });
      },
    );
    listeners.set(colPath, unsub);
    return ready;
  }

  function unwatch(prefix) {
    for (const [p, unsub] of listeners) {
      if (p === prefix || p.startsWith(`${prefix}/`)) { unsub(); listeners.delete(p); }
    }
  }

  /** Re-attaches all listeners; resolves when the top-level ones have their first snapshot. */
  async function attach() {
    detachAll();
    const trie = buildTrie(triggers);
    await Promise.all([...trie].map(([coll, node]) => watch(coll, node, false)));
  }

  function buildEvent(t, changeType, path, prev, cur) {
    const data = {};
    if (cur && t.kind !== 'deleted') data.value = cur;
    if (prev && t.kind !== 'created') data.oldValue = prev;
    const event = {
      specversion: '1.0',
      id: randomUUID(),
      source: `//firestore.googleapis.com/projects/${projectId}/databases/(default)`,
      type: t.eventType,
      time: new Date().toISOString(),
      datacontenttype: 'application/json',
      subject: `documents/${path}`,
      project: projectId,
      database: '(default)',
      namespace: '(default)',
      location: t.region,
      document: path,
      data,
    };
    if (t.eventType.endsWith('.withAuthContext')) Object.assign(event, { authtype: 'unknown', authid: '' });
    return event;
  }

  function enqueue(t, changeType, path, prev, cur) {
    const event = buildEvent(t, changeType, path, prev, cur);
    const chainKey = `${t.id}|${path}`;
    stats.pending++;
    const p = (chains.get(chainKey) ?? Promise.resolve())
      .then(() => deliver(t, event))
      .catch((e) => log.error(`bridge bug delivering ${event.id}: ${e.stack ?? e}`))
      .finally(() => {
        stats.pending--;
        if (chains.get(chainKey) === p) chains.delete(chainKey);
        if (stats.pending === 0) { const w = idleWaiters; idleWaiters = []; w.forEach((r) => r()); }
      });
    chains.set(chainKey, p);
  }

  function describe(t, event) {
    return `${event.type.slice(FS_EVENT.length)} ${event.document} → ${t.name} (event ${event.id})`;
  }

  async function deliver(t, event) {
    const body = JSON.stringify(event);
    let delay = 500;
    for (let attempt = 1; attempt <= maxAttempts; attempt++) {
      if (stopCtl.signal.aborted) {
        log.warn(`not delivered (bridge stopped): ${describe(t, event)}`);
        return;
      }
      let key = keys.get(t.id);
      if (!key) { await refreshKeys(); key = keys.get(t.id); }
      let problem;
      if (!key) {
        problem = `function ${t.id} is not loaded in the emulator`;
      } else {
        await acquire();
        const started = Date.now();
        try {
          const res = await httpRequest(triggerUrl(functionsUrl, projectId, key), {
            method: 'POST',
            headers: { 'content-type': 'application/cloudevents+json; charset=utf-8' },
            body,
            timeoutMs,
          }).finally(release);
          if (res.ok) {
            stats.delivered++;
            log.info(`${describe(t, event)} ✓ ${Date.now() - started} ms`);
            return;
          }
          if (res.status === 404) {
            problem = `404 for key ${key} (hot reload?): ${res.text.slice(0, 120)}`;
            await refreshKeys();
            if (keys.get(t.id) && keys.get(t.id) !== key) { attempt--; continue; } // new generation: retry now
          } else if (res.status === 500 && !(t.retry || o.retryFunctionErrors)) {
            stats.failed++;
            log.error(`function failed, not redelivered (retry: false): ${describe(t, event)}: ${res.text.slice(0, 500)}\n  event: ${body.slice(0, 2000)}`);
            return;
          } else {
            problem = `HTTP ${res.status}: ${res.text.slice(0, 300)}`;
          }
        } catch (e) {
          problem = e.name === 'TimeoutError' ? `no answer within ${timeoutMs} ms` : (e.cause?.code ?? e.message);
        }
      }
      if (attempt < maxAttempts) {
        log.warn(`delivery attempt ${attempt}/${maxAttempts} failed: ${describe(t, event)}: ${problem}; retrying in ${delay} ms`);
        await sleep(delay, stopCtl.signal);
        delay = Math.min(delay * 2, 16_000);
      } else {
        stats.failed++;
        log.error(`GAVE UP after ${maxAttempts} attempts: ${describe(t, event)}: ${problem}\n  event: ${body.slice(0, 4000)}`);
      }
    }
  }

  async function refreshTriggers() {
    let defs;
    try {
      defs = await listFunctions(functionsUrl);
      if (unreachable) log.info('functions emulator reachable again');
      unreachable = false;
    } catch (e) {
      if (!unreachable) log.warn(`cannot read the loaded functions (${e.cause?.code ?? e.message}); will keep trying`);
      unreachable = true;
      return false;
    }
    const next = firestoreTriggers(defs, signature ? undefined : log);
    const sig = JSON.stringify(next.map((t) => [t.id, t.eventType, t.document, t.retry]).sort());
    if (sig === signature) return true;
    const first = !signature;
    signature = sig;
    triggers = next;
    await refreshKeys();
    await attach();
    log.info(`${first ? 'watching' : 'triggers changed; now watching'}: ${
      triggers.map((t) => `${t.name} (${t.kind} ${t.document})`).join(', ') || 'no Firestore triggers'}`);
    return true;
  }

  await refreshTriggers();
  const poller = setInterval(() => { void refreshTriggers(); }, pollMs);
  poller.unref?.();

  return {
    /** Firestore triggers currently served. */
    get triggers() { return triggers.slice(); },
    stats,
    /** Resolves when no delivery is pending (waits at most `ms`). */
    idle(ms = 30_000) {
      if (stats.pending === 0) return Promise.resolve(true);
      return new Promise((resolve) => {
        const t = setTimeout(() => resolve(false), ms);
        idleWaiters.push(() => { clearTimeout(t); resolve(true); });
      });
    },
    async stop() {
      clearInterval(poller);
      stopCtl.abort();
      detachAll();
      if (stats.pending > 0) log.warn(`${stats.pending} deliveries still in flight at stop`);
    },
  };
}

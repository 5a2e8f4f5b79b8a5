/**
 * Reading and saving the configuration documents admins edit (issue 8.9): routing rules, SLA
 * policy, and the settlement-authority thresholds (a part of `config/routing`). Saved documents
 * are the parsed output of the same zod schemas the server loads them with; each save records who,
 * why and what changed (before/after by field) in the audit log, in the same transaction.
 */
import type { Firestore } from 'firebase-admin/firestore';
import type { Actor } from '../domain/actor';
import { COL } from '../domain/collections';
import type { AdminSaveConfigInput, AdminSaveConfigResult, ConfigName, ConfigView } from '../domain/config-admin/api';
import { deepDiff } from '../domain/config-admin/diff';
import { CONFIG_REFUSALS } from '../domain/config-admin/refusals';
import { DEFAULT_ROUTING, RoutingConfig } from '../domain/routing';
import { SlaPolicy, defaultSlaPolicy } from '../domain/sla';
import { refuse } from '../lib/errors';
import { fromFirestore } from '../lib/firestore';
import { auditActor, recordAudit } from './audit';
import { invalidateConfig } from './config';

/** The document each configuration lives in. */
const DOC: Record<ConfigName, 'routing' | 'sla'> = { routing: 'routing', sla: 'sla', authority: 'routing' };

interface Meta { updatedAt?: unknown; updatedByName?: unknown }

function parseStored(name: ConfigName, data: Record<string, unknown> | undefined): { routing?: RoutingConfig; sla?: SlaPolicy } {
  if (!data) return DOC[name] === 'sla' ? { sla: defaultSlaPolicy() } : { routing: DEFAULT_ROUTING };
  const plain = fromFirestore(data);
  const parsed = DOC[name] === 'sla' ? SlaPolicy.safeParse(plain) : RoutingConfig.safeParse(plain);
  if (!parsed.success) throw refuse('failed-precondition', CONFIG_REFUSALS, 'config.stored_invalid', { name: DOC[name] });
  return DOC[name] === 'sla' ? { sla: parsed.data as SlaPolicy } : { routing: parsed.data as RoutingConfig };
}

function pick(name: ConfigName, stored: { routing?: RoutingConfig; sla?: SlaPolicy }): unknown {
  if (name === 'sla') return stored.sla;
  if (name === 'authority') return stored.routing!.authority;
  return stored.routing;
}

export async function getConfig(db: Firestore, name: ConfigName): Promise<ConfigView> {
  const snap = await db.collection(COL.config).doc(DOC[name]).get();
  const data = snap.exists ? (snap.data() as Record<string, unknown> & Meta) : undefined;
  const at = data?.updatedAt ? fromFirestore(data.updatedAt) : null;
  return {
    name,
    doc: pick(name, parseStored(name, data)) as ConfigView['doc'],
    isDefault: !snap.exists,
    updatedAt: at instanceof Date ? at.toISOString() : null,
    updatedByName: typeof data?.updatedByName === 'string' ? data.updatedByName : null,
  };
}

/** Saves a configuration (already validated by AdminSaveConfigInput) and audits the change. */
export async function saveConfig(db: Firestore, actor: Actor, input: AdminSaveConfigInput, now: Date): Promise<AdminSaveConfigResult> {
  const ref = db.collection(COL.config).doc(DOC[input.name]);
  const result = await db.runTransaction(async (tx) => {
    const snap = await tx.get(ref);
    const stored = parseStored(input.name, snap.exists ? (snap.data() as Record<string, unknown>) : undefined);
    const before = pick(input.name, stored);
    // authority lives inside config/routing: replace that part, re-validate the whole document
    const next = input.name === 'authority'
      ? RoutingConfig.parse({ ...stored.routing!, authority: input.doc })
      : input.doc;
    const changes = deepDiff(before, input.doc);
    if (Object.keys(changes).length === 0 && snap.exists) return { name: input.name, changed: [], auditId: null };
    // JSON round trip: the parsed document is plain data; Firestore refuses undefined fields.
    const plain = JSON.parse(JSON.stringify(next)) as Record<string, unknown>;
    tx.set(ref, { ...plain, updatedAt: now, updatedByUid: actor.uid, updatedByName: actor.displayName });
    const audit = recordAudit(tx, db, {
      action: 'config_saved', at: now, ...auditActor(actor), target: { type: 'config', id: input.name }, reason: input.reason, changes,
    });
    return { name: input.name, changed: Object.keys(changes), auditId: audit.id };
  });
  // This instance reads the saved document at once (others within the cache's time to live).
  invalidateConfig(DOC[input.name]);
  return result;
}

/**
 * The client archive: create, edit, deactivate, tier override — each a transaction that first
 * creates the next history entry (`clients/{id}/history/{version}`) and then updates the client,
 * so a concurrent writer loses with ALREADY_EXISTS before it writes anything (the gRPC emulator
 * does not isolate transactions; see NOTES.md). Contacts of a client who is a person live in
 * `clients/{id}/private/contacts`, readable only through callables that apply the policy.
 */
import type { DocumentReference, Firestore, Transaction } from 'firebase-admin/firestore';
import type { Actor } from '../../domain/actor';
import { CLIENTS_COL, CLIENT_CONTACTS_DOC, COL, eventId } from '../../domain/collections';
import type { CreateClientInput, UpdateClientInput } from '../../domain/clients/api';
import { combinedCode, tierOf } from '../../domain/clients/classification';
import { importedClientId } from '../../domain/clients/import';
import { canEditClient, canManageClients, canReadClient, canSeeClientContacts } from '../../domain/clients/policy';
import { ClientHistoryEntry, ClientRecord, CONTACT_FIELDS, type ClientRulesConfig } from '../../domain/clients/schemas';
import { Staff } from '../../domain/documents';
import { notFound } from '../../lib/errors';
import { parseData } from '../../lib/firestore';
import { authorizeClients, refuse } from './errors';
import { loadClientRules, loadFormats } from './config';

export type Contacts = Pick<ClientRecord, (typeof CONTACT_FIELDS)[number]>;
const NO_CONTACTS: Contacts = { contactName: '', contactPhone: '', contacts: [], emergencyContact: null };

export function clientRef(db: Firestore, id: string): DocumentReference {
  return db.collection(COL.clients).doc(id);
}
const privateRef = (db: Firestore, id: string) => clientRef(db, id).collection(CLIENTS_COL.clientPrivate).doc(CLIENT_CONTACTS_DOC);

type Getter = (ref: DocumentReference) => Promise<FirebaseFirestore.DocumentSnapshot>;

/** The client with its contacts (from the private subdocument for persons), or null. */
export async function readClient(db: Firestore, id: string, get: Getter = (r) => r.get()): Promise<ClientRecord | null> {
  const snap = await get(clientRef(db, id));
  if (!snap.exists) return null;
  const client = parseData(ClientRecord, snap.data(), snap.ref.path);
  if (!client.personal) return client;
  const priv = await get(privateRef(db, id));
  return priv.exists ? { ...client, ...(parseData(ClientRecord.pick({ contactName: true, contactPhone: true, contacts: true, emergencyContact: true }), priv.data(), priv.ref.path)) } : client;
}

/** Writes a client: a person's contacts go to the private subdocument, never on the readable document. */
export function writeClient(tx: Transaction, db: Firestore, id: string, client: ClientRecord): void {
  const contacts: Contacts = { contactName: client.contactName, contactPhone: client.contactPhone, contacts: client.contacts, emergencyContact: client.emergencyContact };
  if (client.personal) {
    tx.set(clientRef(db, id), { ...client, ...NO_CONTACTS });
    tx.set(privateRef(db, id), contacts);
  } else {
    tx.set(clientRef(db, id), client);
    tx.delete(privateRef(db, id));
  }
}

export function diff(before: Record<string, unknown> | null, after: Record<string, unknown>): Record<string, { from: unknown; to: unknown }> {
  const out: Record<string, { from: unknown; to: unknown }> = {};
  for (const [k, to] of Object.entries(after)) {
    if (k === 'version' || k === 'updatedAt') continue;
    const from = before ? before[k] ?? null : null;
    if (JSON.stringify(from) !== JSON.stringify(to ?? null)) out[k] = { from, to: to ?? null };
  }
  return out;
}

/** Appends history entry `version` (created first: a second writer of the same version fails). */
export function appendHistory(tx: Transaction, db: Firestore, clientId: string, version: number, entry: ClientHistoryEntry): void {
  tx.create(clientRef(db, clientId).collection(CLIENTS_COL.clientHistory).doc(eventId(version)), ClientHistoryEntry.parse(entry));
}

async function checkRefs(db: Firestore, input: { format?: string | undefined; accountManagerUid?: string | null | undefined }, branchId: string): Promise<void> {
  if (input.format !== undefined) {
    const formats = await loadFormats(db);
    if (!formats.formats.some((f) => f.code === input.format && f.active)) throw refuse('invalid-argument', 'clients.unknown_format', { format: input.format });
  }
  if (input.accountManagerUid) {
    const snap = await db.collection(COL.staff).doc(input.accountManagerUid).get();
    const staff = snap.exists ? parseData(Staff, snap.data(), snap.ref.path) : null;
    if (!staff || staff.branchId !== branchId || staff.disabled) throw refuse('invalid-argument', 'clients.unknown_manager', { uid: input.accountManagerUid });
  }
}

export async function createClient(db: Firestore, actor: Actor, input: CreateClientInput, now: Date): Promise<{ clientId: string }> {
  authorizeClients(canManageClients(actor, input.branchId));
  await checkRefs(db, input, input.branchId);
  const rules = await loadClientRules(db);
  const id = importedClientId(input.code);
  const { code, branchId, scale, ...fields } = input;
  const tier = tierOf(scale, rules);
  const record: ClientRecord = ClientRecord.parse({
    ...fields, code, branchId, scale, tier, computedTier: tier, combinedCode: combinedCode(input.marketType, input.format, scale),
    active: true, tierOverride: null, version: 1, updatedAt: now,
  });
  // Codes of clients written before the archive may sit under other ids: checked first; two
  // creations of one code meet on the id derived from it (the history entry is created first).
  const same = await db.collection(COL.clients).where('code', '==', code).limit(1).get();
  if (!same.empty) throw refuse('already-exists', 'clients.code_taken', { code });
  await db.runTransaction(async (tx) => {
    appendHistory(tx, db, id, 1, { type: 'created', at: now, actorUid: actor.uid, actorName: actor.displayName, changes: diff(null, record), reason: '', quarter: null });
    writeClient(tx, db, id, record);
  });
  return { clientId: id };
}

export async function updateClient(db: Firestore, actor: Actor, input: UpdateClientInput, now: Date): Promise<{ version: number }> {
  const current = await readClient(db, input.clientId);
  if (!current) throw notFound('client', input.clientId);
  authorizeClients(canEditClient(actor, current));
  if ('accountManagerUid' in input.patch && input.patch.accountManagerUid !== current.accountManagerUid) {
    authorizeClients(canManageClients(actor, current.branchId));
  }
  await checkRefs(db, input.patch, current.branchId);
  return db.runTransaction(async (tx) => {
    const before = await readClient(db, input.clientId, (r) => tx.get(r));
    if (!before) throw notFound('client', input.clientId);
    if (before.version !== input.expectedVersion) throw refuse('failed-precondition', 'clients.stale', { current: before.version });
    if (!before.active) throw refuse('failed-precondition', 'clients.inactive', { id: input.clientId });
    const merged = { ...before, ...input.patch };
    const after: ClientRecord = ClientRecord.parse({
      ...merged,
      combinedCode: combinedCode(merged.marketType, merged.format, merged.scale),
      version: before.version + 1,
      updatedAt: now,
    });
    const changes = diff(before, after);
    if (Object.keys(changes).length === 0) return { version: before.version };
    appendHistory(tx, db, input.clientId, after.version, { type: 'updated', at: now, actorUid: actor.uid, actorName: actor.displayName, changes, reason: input.reason, quarter: null });
    writeClient(tx, db, input.clientId, after);
    return { version: after.version };
  });
}

export async function setClientActive(db: Firestore, actor: Actor, clientId: string, active: boolean, reason: string, now: Date): Promise<{ version: number }> {
  return db.runTransaction(async (tx) => {
    const before = await readClient(db, clientId, (r) => tx.get(r));
    if (!before) throw notFound('client', clientId);
    authorizeClients(canManageClients(actor, before.branchId));
    if (before.active === active) throw refuse('failed-precondition', active ? 'clients.stale' : 'clients.already_inactive', { id: clientId, current: before.version });
    const after = { ...before, active, version: before.version + 1, updatedAt: now };
    appendHistory(tx, db, clientId, after.version, {
      type: active ? 'reactivated' : 'deactivated', at: now, actorUid: actor.uid, actorName: actor.displayName,
      changes: { active: { from: before.active, to: active } }, reason, quarter: null,
    });
    writeClient(tx, db, clientId, after);
    return { version: after.version };
  });
}

/** Manual tier (or back to the computed one with `tier: null`), with the reason, as history. */
export async function overrideTier(
  db: Firestore, actor: Actor, clientId: string, tier: ClientRecord['tier'] | null, reason: string, now: Date, rules?: ClientRulesConfig,
): Promise<{ tier: string }> {
  const r = rules ?? (await loadClientRules(db));
  return db.runTransaction(async (tx) => {
    const before = await readClient(db, clientId, (ref) => tx.get(ref));
    if (!before) throw notFound('client', clientId);
    authorizeClients(canManageClients(actor, before.branchId)); // with canClassify: a business head of the client's branch, or admin
    const computed = before.computedTier ?? tierOf(before.scale, r);
    const nextTier = tier ?? computed;
    const after: ClientRecord = {
      ...before, tier: nextTier, computedTier: computed,
      tierOverride: tier === null ? null : { tier, reason, byUid: actor.uid, at: now },
      version: before.version + 1, updatedAt: now,
    };
    appendHistory(tx, db, clientId, after.version, {
      type: 'tier_override', at: now, actorUid: actor.uid, actorName: actor.displayName,
      changes: { tier: { from: before.tier, to: nextTier } }, reason, quarter: null,
    });
    writeClient(tx, db, clientId, after);
    return { tier: nextTier };
  });
}

/** A client as a reader sees it: contacts blanked (and flagged) when the policy hides them. */
export function clientView(id: string, c: ClientRecord, actor: Actor) {
  const showContacts = canSeeClientContacts(actor, c).allowed;
  const contacts = showContacts ? { contactName: c.contactName, contactPhone: c.contactPhone, contacts: c.contacts, emergencyContact: c.emergencyContact } : NO_CONTACTS;
  return {
    id, code: c.code, name: c.name, branchId: c.branchId, active: c.active,
    licenceNo: c.licenceNo, licenceExpiry: c.licenceExpiry, personal: c.personal,
    marketType: c.marketType, format: c.format, scale: c.scale, zone: c.zone, tier: c.tier, computedTier: c.computedTier,
    tierOverride: c.tierOverride ? { ...c.tierOverride, at: c.tierOverride.at.toISOString() } : null,
    combinedCode: c.combinedCode, address: c.address, accountManagerUid: c.accountManagerUid, routeId: c.routeId,
    fees: c.fees, notes: c.notes, version: c.version, updatedAt: c.updatedAt?.toISOString() ?? null,
    ...contacts, contactsRedacted: !showContacts,
  };
}
export type ClientArchiveView = ReturnType<typeof clientView>;

export { canReadClient };

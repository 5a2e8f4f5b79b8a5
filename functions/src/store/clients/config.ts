import type { Firestore } from 'firebase-admin/firestore';
import { COL } from '../../domain/collections';
import { ClientFormatsConfig, ClientRulesConfig, DEFAULT_CLIENT_RULES, DEFAULT_FORMATS } from '../../domain/clients/schemas';
import { parseDoc } from '../../lib/firestore';

/** `config/clientFormats` (default: the seven formats of [001 §6]). */
export async function loadFormats(db: Firestore): Promise<ClientFormatsConfig> {
  const snap = await db.collection(COL.config).doc('clientFormats').get();
  return snap.exists ? parseDoc(ClientFormatsConfig, snap) : DEFAULT_FORMATS;
}

/** `config/clientRules`: tier rule, visit frequency, score deadline. */
export async function loadClientRules(db: Firestore): Promise<ClientRulesConfig> {
  const snap = await db.collection(COL.config).doc('clientRules').get();
  return snap.exists ? parseDoc(ClientRulesConfig, snap) : DEFAULT_CLIENT_RULES;
}

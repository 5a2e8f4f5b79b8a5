/**
 * Fields kept on every ticket only so lists can be queried (issue 9.1): the open/running state
 * classes, who the ticket is visible to (scope keys), unique sort keys that double as cursors,
 * and search tokens. Derived from the ticket alone, written in one place
 * (store/tickets.ts applyChange and store/create-ticket.ts), never edited by hand.
 * Plain TypeScript, no Firebase import.
 */
import type { Actor } from '../actor';
import { DEADLINE_STATES } from '../escalation';
import { CALLBACK_STATES, canReadTicket, type TicketScope } from '../policy';
import type { TicketState } from '../vocabulary';
import { TERMINAL_STATES } from './time-left';

export { listFields } from './list-fields-schema';

export interface ListFields {
  open: boolean;
  deadlineRunning: boolean;
  awaitingSignoff: boolean;
  scopeKeys: string[];
  sortReceived: string;
  sortDue: string;
}

/** The facts list fields derive from. */
export interface ListFieldFacts {
  state: TicketState;
  kind: string;
  branchId: string;
  ownerDeptId: string | null;
  assigneeUid: string | null;
  createdBy: string;
  createdByDeptId: string;
  receivedAt: Date;
  dueAt: Date | null;
  resolution?: { signedOffAt: Date | null } | null | undefined;
}

export const NO_DUE_KEY = '~';

/**
 * Scope keys of a ticket: owner dept, creator, creator's dept, assignee, its branch when a
 * complaint (`qb:`, quality), and its branch while it waits for its callback (`cb:`, the
 * callback desk: policy.ts CALLBACK_STATES).
 */
export function scopeKeysOf(t: Pick<ListFieldFacts, 'kind' | 'branchId' | 'ownerDeptId' | 'assigneeUid' | 'createdBy' | 'createdByDeptId'> & { state?: TicketState }): string[] {
  const keys = [`u:${t.createdBy}`, `cd:${t.createdByDeptId}`];
  if (t.ownerDeptId) keys.push(`d:${t.ownerDeptId}`);
  if (t.assigneeUid) keys.push(`a:${t.assigneeUid}`);
  if (t.kind === 'complaint') keys.push(`qb:${t.branchId}`);
  if (t.state !== undefined && CALLBACK_STATES.includes(t.state)) keys.push(`cb:${t.branchId}`);
  return keys;
}

export function listFieldsOf(id: string, t: ListFieldFacts): ListFields {
  const open = !TERMINAL_STATES.includes(t.state);
  return {
    open,
    deadlineRunning: DEADLINE_STATES.includes(t.state) && t.dueAt !== null,
    // The lifecycle's notion: a submitted resolution, not yet signed off, on a ticket being worked
    // (submit_resolution sets it; resolve signs it; return, transfer and reopen drop it).
    awaitingSignoff: t.state === 'in_progress' && !!t.resolution && t.resolution.signedOffAt === null,
    scopeKeys: scopeKeysOf(t),
    sortReceived: `${t.receivedAt.toISOString()}|${id}`,
    sortDue: `${t.dueAt ? t.dueAt.toISOString() : NO_DUE_KEY}|${id}`,
  };
}

/**
 * The scope keys whose tickets the actor may read (null = every ticket). Each key is kept only
 * when the policy (canReadTicket) allows a ticket that has just that fact, so the keys follow the
 * policy as it changes (e.g. quality reading the branches below theirs); a unit test walks
 * random tickets and checks every readable one shares a key. canReadTicket still filters each
 * row. At most 30 keys (Firestore's array-contains-any limit).
 */
export function readerKeys(actor: Actor, branchIds: readonly string[] = actor.branchScope ?? [actor.branchId]): string[] | null {
  const nobody = '\u0000nobody';
  const probe = (t: Partial<ListFieldFacts>): boolean =>
    canReadTicket(actor, {
      kind: 'inquiry', branchId: nobody, ownerDeptId: null, createdBy: nobody, createdByDeptId: nobody, assigneeUid: null, state: 'in_progress', ...t,
    } as TicketScope).allowed;
  if (probe({})) return null; // reads tickets that share no fact with them: everything
  const keys: string[] = [];
  if (probe({ ownerDeptId: actor.deptId })) keys.push(`d:${actor.deptId}`);
  if (probe({ createdBy: actor.uid })) keys.push(`u:${actor.uid}`);
  if (probe({ assigneeUid: actor.uid })) keys.push(`a:${actor.uid}`);
  if (probe({ createdByDeptId: actor.deptId })) keys.push(`cd:${actor.deptId}`);
  for (const b of branchIds) if (probe({ kind: 'complaint', branchId: b })) keys.push(`qb:${b}`);
  // The callback desk: tickets of the branch tree waiting for their callback (every callback state must be readable).
  for (const b of branchIds) {
    if (CALLBACK_STATES.every((state) => state !== undefined && probe({ branchId: b, state }))) keys.push(`cb:${b}`);
  }
  return keys.slice(0, 30);
}

/** Branch ids below `branchId` in the tree (children, grandchildren…), cycles ignored. */
export function branchesBelow(branchId: string, branches: readonly { id: string; parentId: string | null }[]): string[] {
  const out: string[] = [];
  const queue = [branchId];
  const seen = new Set(queue);
  while (queue.length) {
    const parent = queue.shift()!;
    for (const b of branches) {
      if (b.parentId === parent && !seen.has(b.id)) {
        seen.add(b.id);
        out.push(b.id);
        queue.push(b.id);
      }
    }
  }
  return out;
}

// ── search ─────────────────────────────────────────────────────────────────────────────────

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/u;
const MAX_TOKENS = 600;

/** Full-width to ASCII (NFKC), lower case. */
export function normalise(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

/** Words (ASCII letters/digits, also with dashes: ticket numbers, client codes), Chinese characters and bigrams. */
export function tokensOf(text: string): string[] {
  const out = new Set<string>();
  const s = normalise(text);
  for (const word of s.match(/[a-z0-9]+(?:-[a-z0-9]+)*/g) ?? []) {
    out.add(word);
    for (const part of word.split('-')) if (part) out.add(part);
  }
  let run = '';
  const flush = () => {
    for (let i = 0; i < run.length; i++) {
      out.add(run[i]!);
      if (i + 1 < run.length) out.add(run.slice(i, i + 2));
    }
    run = '';
  };
  for (const ch of s) {
    if (CJK.test(ch)) run += ch;
    else flush();
  }
  flush();
  return [...out];
}

/** Tokens of a ticket for search: its number, client name and code, and title. */
export function searchTokensOf(t: { number: string; clientName: string; title: string }, clientCode: string): string[] {
  const tokens = new Set([...tokensOf(t.number), ...tokensOf(t.clientName), ...tokensOf(clientCode), ...tokensOf(t.title)]);
  return [...tokens].slice(0, MAX_TOKENS);
}

/**
 * A search string as tokens: the one to query on (the most selective guess: the longest) and all
 * of them, each of which a match must contain. Null when the string has no searchable token.
 */
export function searchQuery(text: string): { queryToken: string; all: string[] } | null {
  const all = tokensOf(text);
  if (!all.length) return null;
  const queryToken = [...all].sort((a, b) => b.length - a.length || a.localeCompare(b))[0]!;
  return { queryToken, all };
}

/** A phone number as digits only, without the +86 / 0086 country prefix; null when it is not one. */
export function phoneKey(text: string): string | null {
  let digits = normalise(text).replace(/[\s\-().]/g, '');
  if (!/^\+?\d+$/.test(digits)) return null;
  digits = digits.replace(/^\+/, '').replace(/^0086/, '').replace(/^86(?=1\d{10}$)/, '');
  return digits.length >= 7 && digits.length <= 15 ? digits : null;
}

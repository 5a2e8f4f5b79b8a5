/**
 * Audiences (domain/lifecycle/types.ts Audience) resolved to people, for the lifecycle engine
 * and the deadline warnings alike. Each person appears once, with every audience kind that
 * named them: delivery is decided per kind (escalation.ts deliverAtFor) and the earliest wins.
 */
import type { Firestore } from 'firebase-admin/firestore';
import type { Audience } from '../domain/lifecycle/types';
import type { Recipient } from '../domain/notify';
import { departmentRecipients, leadershipRecipients, personRecipient } from './org';

export interface AudienceMember {
  recipient: Recipient;
  /** The audience kinds the person was named by, in order of first mention. */
  kinds: Audience['kind'][];
}

/** People behind the audiences: active ones only, each once, never those in `exclude` (the actor). */
export async function resolveAudience(
  db: Firestore,
  audience: readonly Audience[],
  departments: readonly { id: string; headUid: string | null }[],
  exclude: readonly string[] = [],
): Promise<AudienceMember[]> {
  const lists = await Promise.all(audience.map(async (a): Promise<[Audience['kind'], Recipient[]]> => {
    switch (a.kind) {
      case 'dept':
        return [a.kind, await departmentRecipients(db, a.deptId)];
      case 'head': {
        // No head, or a disabled one: the whole department hears of it (never nobody).
        const headUid = departments.find((d) => d.id === a.deptId)?.headUid ?? null;
        const head = headUid ? await userRecipient(db, headUid) : [];
        return [a.kind, head.length ? head : await departmentRecipients(db, a.deptId)];
      }
      case 'user':
        return [a.kind, await userRecipient(db, a.uid)];
      case 'leadership':
        return [a.kind, await leadershipRecipients(db)];
    }
  }));
  const excluded = new Set(exclude);
  const byUid = new Map<string, AudienceMember>();
  for (const [kind, people] of lists) {
    for (const recipient of people) {
      if (excluded.has(recipient.uid)) continue;
      const member = byUid.get(recipient.uid);
      if (!member) byUid.set(recipient.uid, { recipient, kinds: [kind] });
      else if (!member.kinds.includes(kind)) member.kinds.push(kind);
    }
  }
  return [...byUid.values()];
}

function userRecipient(db: Firestore, uid: string): Promise<Recipient[]> {
  return personRecipient(db, uid);
}


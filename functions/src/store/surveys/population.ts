/**
 * The clients a sample is drawn from, with their strata, reachability and (for the complainers
 * rule) their complaints in the lookback window. Reads every client once; complaint counts come
 * from one query on complaint tickets received in the window.
 */
import type { Firestore } from 'firebase-admin/firestore';
import { COL } from '../../domain/collections';
import { DAY_MS } from '../../domain/calendar';
import type { SampleClient, SamplingRule } from '../../domain/surveys/sampling';
import { reachable, readContact, readStrata } from '../../domain/surveys/strata';

/** The placeholder client of web feedback from people who gave no client code: never sampled. */
export const PUBLIC_CLIENT_ID = 'web-public';

export interface PopulationClient extends SampleClient {
  name: string;
}

export async function loadPopulation(db: Firestore, rule: SamplingRule, now: Date): Promise<PopulationClient[]> {
  const clients = await db.collection(COL.clients).get();
  const complaints = new Map<string, number>();
  if (rule.kind === 'complainers') {
    const since = new Date(now.getTime() - rule.lookbackDays * DAY_MS);
    const tickets = await db.collection(COL.tickets).where('kind', '==', 'complaint').where('receivedAt', '>=', since).get();
    for (const t of tickets.docs) {
      const id = t.get('clientId') as string;
      complaints.set(id, (complaints.get(id) ?? 0) + 1);
    }
  }
  return clients.docs
    .filter((d) => d.id !== PUBLIC_CLIENT_ID && d.get('excludeFromSurveys') !== true)
    .map((d) => {
      const raw = d.data();
      return {
        id: d.id,
        name: typeof raw.name === 'string' ? raw.name : '',
        strata: readStrata(raw),
        complaints: complaints.get(d.id) ?? 0,
        reachable: reachable(readContact(raw)),
      };
    });
}

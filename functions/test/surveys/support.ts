/** Helpers of the survey emulator suites: a client population across strata, refusals, links. */
import type { Firestore } from 'firebase-admin/firestore';

export async function rejection(p: unknown): Promise<{ code: string; message: string; details: Record<string, unknown> }> {
  try {
    await p;
  } catch (e) {
    return e as { code: string; message: string; details: Record<string, unknown> };
  }
  throw new Error('expected a rejection');
}

const FORMATS = ['grocery', 'convenience', 'supermarket'];
const ZONES = ['city_a', 'rural'];

/**
 * `n` clients over format × zone × market type; every 4th without consent (survey by phone),
 * every 3rd with an e-mail. Ids `s-000`…; branch by zone (rural → county).
 */
export async function seedPopulation(db: Firestore, n: number): Promise<string[]> {
  const batch = db.batch();
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const id = `s-${String(i).padStart(3, '0')}`;
    ids.push(id);
    const zone = ZONES[i % 2]!;
    batch.set(db.collection('clients').doc(id), {
      name: `客户${i}`, code: `S${i}`, branchId: zone === 'rural' ? 'br-county' : 'br-city', tier: ['A', 'B', 'C'][i % 3],
      marketType: zone === 'rural' ? 'X' : 'C', format: FORMATS[i % 3], scale: 2, zone, address: '', contactName: `联系人${i}`,
      contactPhone: `1390000${String(i).padStart(4, '0')}`, accountManagerUid: null,
      consentToContact: i % 4 !== 3, ...(i % 3 === 0 ? { contactEmail: `client${i}@example.com` } : {}),
    });
  }
  await batch.commit();
  return ids;
}

/** The token in a survey message's link. */
export function tokenIn(body: string): string {
  const m = /#\/s\/([A-Za-z0-9_-]{22})/.exec(body);
  if (!m) throw new Error(`no survey link in: ${body}`);
  return m[1]!;
}

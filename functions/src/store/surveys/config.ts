import type { Firestore } from 'firebase-admin/firestore';
import { COL } from '../../domain/collections';
import { resolveSurveyConfig, type SurveyConfig } from '../../domain/surveys/campaign';
import { fromFirestore } from '../../lib/firestore';

/** `config/surveys`, defaults for the organisation type when absent. */
export async function loadSurveyConfig(db: Firestore): Promise<SurveyConfig> {
  const snap = await db.collection(COL.config).doc('surveys').get();
  try {
    return resolveSurveyConfig(snap.exists ? fromFirestore(snap.data()) : {});
  } catch (e) {
    throw new Error(`Malformed document config/surveys: ${(e as Error).message}`);
  }
}

/**
 * Questionnaires in Firestore: `surveyQuestionnaires/{id}` and its immutable-once-used versions
 * `versions/{n}`. Saving over a locked version (a campaign opened with it) creates version n+1.
 */
import type { Firestore, Transaction } from 'firebase-admin/firestore';
import { COL } from '../../domain/collections';
import type { SaveQuestionnaireInput } from '../../domain/surveys/api';
import { defaultQuestionnaire } from '../../domain/surveys/defaults';
import { editCreatesVersion, QuestionnaireDoc, QuestionnaireVersion } from '../../domain/surveys/questionnaire';
import type { OrgType } from '../../domain/surveys/vocabulary';
import { parseDoc } from '../../lib/firestore';
import { refuse } from './refuse';

const qRef = (db: Firestore, id: string) => db.collection(COL.surveyQuestionnaires).doc(id);
export const versionRef = (db: Firestore, id: string, version: number) => qRef(db, id).collection('versions').doc(String(version));

export interface SaveResult {
  questionnaireId: string;
  version: number;
  /** true when a new version was created (the first, or because the previous one is in use). */
  newVersion: boolean;
}

/** Saves a questionnaire: replaces its current version while unused, else adds a new version. */
export async function saveQuestionnaire(db: Firestore, by: string, input: SaveQuestionnaireInput, now: Date): Promise<SaveResult> {
  const ref = qRef(db, input.questionnaireId);
  return db.runTransaction(async (tx) => {
    const snap = await tx.get(ref);
    const doc = snap.exists ? parseDoc(QuestionnaireDoc, snap) : null;
    const currentSnap = doc ? await tx.get(versionRef(db, input.questionnaireId, doc.currentVersion)) : null;
    const current = currentSnap?.exists ? parseDoc(QuestionnaireVersion, currentSnap) : null;
    const newVersion = !doc || editCreatesVersion(current);
    const version = doc ? (newVersion ? doc.currentVersion + 1 : doc.currentVersion) : 1;
    const data = QuestionnaireVersion.parse({
      version, title: input.title, intro: input.intro, questions: input.questions, locked: false, createdAt: now, createdBy: by,
    });
    // New versions are created (a concurrent save of the same number fails); an unused one is replaced.
    if (newVersion) tx.create(versionRef(db, input.questionnaireId, version), data);
    else tx.set(versionRef(db, input.questionnaireId, version), data);
    tx.set(ref, QuestionnaireDoc.parse({ title: input.title, orgType: input.orgType, currentVersion: version, updatedAt: now, updatedBy: by }));
    return { questionnaireId: input.questionnaireId, version, newVersion };
  });
}

/** The default questionnaire of an organisation type, created (version 1) when absent. Idempotent. */
export async function ensureDefaultQuestionnaire(db: Firestore, orgType: OrgType, now: Date): Promise<string> {
  const def = defaultQuestionnaire(orgType);
  const ref = qRef(db, def.id);
  await db.runTransaction(async (tx) => {
    if ((await tx.get(ref)).exists) return;
    tx.create(versionRef(db, def.id, 1), QuestionnaireVersion.parse({
      version: 1, title: def.title, intro: def.intro, questions: def.questions, locked: false, createdAt: now, createdBy: 'system',
    }));
    tx.create(ref, QuestionnaireDoc.parse({ title: def.title, orgType, currentVersion: 1, updatedAt: now, updatedBy: 'system' }));
  });
  return def.id;
}

export async function loadQuestionnaire(db: Firestore, id: string): Promise<QuestionnaireDoc | null> {
  const snap = await qRef(db, id).get();
  return snap.exists ? parseDoc(QuestionnaireDoc, snap) : null;
}

/** A version (the current one when `version` is omitted); refuses an unknown questionnaire. */
export async function loadVersion(db: Firestore, id: string, version?: number): Promise<QuestionnaireVersion> {
  let n = version;
  if (n === undefined) {
    const doc = await loadQuestionnaire(db, id);
    if (!doc) throw refuse('not-found', 'survey.questionnaire_unknown', { id });
    n = doc.currentVersion;
  }
  const snap = await versionRef(db, id, n).get();
  if (!snap.exists) throw refuse('not-found', 'survey.questionnaire_unknown', { id: `${id} v${n}` });
  return parseDoc(QuestionnaireVersion, snap);
}

/** Locks a version in the transaction that opens a campaign with it. */
export function lockVersion(tx: Transaction, db: Firestore, id: string, version: number): void {
  tx.update(versionRef(db, id, version), { locked: true });
}

export async function listQuestionnaires(db: Firestore): Promise<Array<QuestionnaireDoc & { id: string }>> {
  const snap = await db.collection(COL.surveyQuestionnaires).get();
  return snap.docs.map((d) => ({ id: d.id, ...parseDoc(QuestionnaireDoc, d) }));
}

/**
 * Per-file isolation against the gRPC Firestore emulator started by the global setup:
 * every test file gets its own project id, hence its own database.
 */
import { randomUUID } from 'node:crypto';
import functionsTest from 'firebase-functions-test';
import { deleteApp, getApps, initializeApp } from 'firebase-admin/app';
import { getFirestore, type Firestore } from 'firebase-admin/firestore';

export interface EmulatorProject {
  projectId: string;
  db: Firestore;
  fft: ReturnType<typeof functionsTest>;
  /** Stops the test SDK and the admin app so jest exits cleanly. */
  cleanup: () => Promise<void>;
}

export function emulatorProject(name: string): EmulatorProject {
  if (!process.env.FIRESTORE_EMULATOR_HOST) {
    throw new Error('FIRESTORE_EMULATOR_HOST is not set: run emulator suites through jest (global setup)');
  }
  const projectId = `demo-${name}-${randomUUID().slice(0, 8)}`;
  process.env.GCLOUD_PROJECT = projectId;
  if (!getApps().length) initializeApp({ projectId });
  const fft = functionsTest({ projectId });
  const cleanup = async () => {
    fft.cleanup();
    await Promise.all(getApps().map((app) => deleteApp(app)));
  };
  return { projectId, db: getFirestore(), fft, cleanup };
}

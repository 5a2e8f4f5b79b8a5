// Writes the ticket-list fields (open, scope keys, sort keys, search tokens) on tickets stored
// before the list existed (issue 8/9.1). Idempotent; run once after deploying.
//
//   Any emulators (env set):  FIRESTORE_EMULATOR_HOST=127.0.0.1:8080 node scripts/backfill-list-fields.mjs --project demo-huixiang
//   Real project:             gcloud auth application-default login && node scripts/backfill-list-fields.mjs --project my-prod-id
//
// Needs the functions build (npm run build -w functions).
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { initializeApp } from 'firebase-admin/app';
import { getFirestore } from 'firebase-admin/firestore';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const argv = process.argv.slice(2);
const project = argv[argv.indexOf('--project') + 1];
if (!argv.includes('--project') || !project) {
  console.error('backfill-list-fields: --project <id> is required');
  process.exit(1);
}
const lib = path.join(ROOT, 'functions/lib/store/tickets/backfill.js');
if (!existsSync(lib)) {
  console.error('backfill-list-fields: functions are not built: run npm run build -w functions');
  process.exit(1);
}
const { backfillListFields } = await import(pathToFileURL(lib).href);
initializeApp({ projectId: project });
const { updated } = await backfillListFields(getFirestore());
console.log(`backfill-list-fields: ${updated} tickets updated`);

/** The clients area's callables, covered by functions/test/clients/permission-matrix.emulator.test.ts. */
import { createClient } from '../../src/callables/clients/create-client';
import { updateClient } from '../../src/callables/clients/update-client';
import { deactivateClient } from '../../src/callables/clients/deactivate-client';
import { getClient } from '../../src/callables/clients/get-client';
import { findClients } from '../../src/callables/clients/find-clients';
import { exportClients } from '../../src/callables/clients/export-clients';
import { clientImportTemplate } from '../../src/callables/clients/client-import-template';
import { startClientImport } from '../../src/callables/clients/start-client-import';
import { getClientImport } from '../../src/callables/clients/get-client-import';
import { previewClassification } from '../../src/callables/clients/preview-classification';
import { applyClassification } from '../../src/callables/clients/apply-classification';
import { overrideClientTier } from '../../src/callables/clients/override-client-tier';
import { saveMonthlyScore } from '../../src/callables/clients/save-monthly-score';
import { getVisitPlan } from '../../src/callables/clients/get-visit-plan';
import { recordVisit } from '../../src/callables/clients/record-visit';
import { visitCoverage } from '../../src/callables/clients/visit-coverage';
import { listSpotChecks } from '../../src/callables/clients/list-spot-checks';
import { recordSpotCheck } from '../../src/callables/clients/record-spot-check';
import { spotCheckRollup } from '../../src/callables/clients/spot-check-rollup';
import { publishSpotCheckResults } from '../../src/callables/clients/publish-spot-check-results';

export const CLIENT_CALLABLES = {
  createClient, updateClient, deactivateClient, getClient, findClients, exportClients, clientImportTemplate, startClientImport,
  getClientImport, previewClassification, applyClassification, overrideClientTier, saveMonthlyScore, getVisitPlan, recordVisit,
  visitCoverage, listSpotChecks, recordSpotCheck, spotCheckRollup, publishSpotCheckResults,
};

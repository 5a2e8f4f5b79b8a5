/** Huixiang functions manifest: initialise, set options, re-export entry points. Nothing else. */
import { initializeApp } from 'firebase-admin/app';
import { setGlobalOptions } from 'firebase-functions/v2';
import { REGION } from './lib/options';

initializeApp();
setGlobalOptions({ region: REGION, maxInstances: 10 });

export { createTicket } from './callables/create-ticket';
export { getTicket } from './callables/get-ticket';
export { listTickets } from './callables/list-tickets';
export { listClients } from './callables/list-clients';
export { listNotifications } from './callables/list-notifications';
export { markNotificationsRead } from './callables/mark-notifications-read';
export { whoAmI } from './callables/who-am-i';
export { onTicketCreated } from './triggers/ticket-created';
export { listOrg } from './callables/list-org';
export { listStaff } from './callables/list-staff';
export { listAuditLog } from './callables/list-audit-log';
export { adminCreateStaff } from './callables/admin-create-staff';
export { adminUpdateStaff } from './callables/admin-update-staff';
export { adminSetStaffDisabled } from './callables/admin-set-staff-disabled';
export { adminSaveDepartment } from './callables/admin-save-department';
export { adminSaveBranch } from './callables/admin-save-branch';
export { onTicketDeadlineChanged } from './triggers/ticket-deadline-changed';
export { deadlineTask } from './tasks/deadline-task';
export { sweepDeadlines } from './schedules/sweep-deadlines';
export { transitionTicket } from './callables/transition-ticket';

// ── Clients area: archive, import, classification, visits, spot checks ──
export { createClient } from './callables/clients/create-client';
export { updateClient } from './callables/clients/update-client';
export { deactivateClient } from './callables/clients/deactivate-client';
export { getClient } from './callables/clients/get-client';
export { findClients } from './callables/clients/find-clients';
export { exportClients } from './callables/clients/export-clients';
export { clientImportTemplate } from './callables/clients/client-import-template';
export { startClientImport } from './callables/clients/start-client-import';
export { getClientImport } from './callables/clients/get-client-import';
export { clientImportTask } from './tasks/client-import-task';
export { previewClassification } from './callables/clients/preview-classification';
export { applyClassification } from './callables/clients/apply-classification';
export { overrideClientTier } from './callables/clients/override-client-tier';
export { saveMonthlyScore } from './callables/clients/save-monthly-score';
export { getVisitPlan } from './callables/clients/get-visit-plan';
export { recordVisit } from './callables/clients/record-visit';
export { visitCoverage } from './callables/clients/visit-coverage';
export { listSpotChecks } from './callables/clients/list-spot-checks';
export { recordSpotCheck } from './callables/clients/record-spot-check';
export { spotCheckRollup } from './callables/clients/spot-check-rollup';
export { publishSpotCheckResults } from './callables/clients/publish-spot-check-results';
export { reclassifyClients } from './schedules/reclassify-clients';
export { clientMonthly } from './schedules/client-monthly';

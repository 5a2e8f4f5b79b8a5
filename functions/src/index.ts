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

// ── deadlines area (calendar screen, provisional-calendar reminder) ─────────────────────────
export { getCalendar } from './callables/deadlines/get-calendar';
export { adminSaveCalendar } from './callables/deadlines/admin-save-calendar';
export { remindCalendar } from './schedules/remind-provisional-calendar';

// ── web API (issue 8): ticket list helpers, change marker, configuration screens ──
export { listAssignableStaff } from './callables/webapi/list-assignable-staff';
export { searchClients } from './callables/webapi/search-clients';
export { listClientTickets } from './callables/webapi/list-client-tickets';
export { findTicketByNumber } from './callables/webapi/find-ticket-by-number';
export { getChangeMarker } from './callables/webapi/get-change-marker';
export { getConfig } from './callables/webapi/get-config';
export { adminSaveConfig } from './callables/webapi/admin-save-config';

// ── Surveys and public feedback (issue 11) ──
export { surveySaveQuestionnaire } from './callables/surveys/survey-save-questionnaire';
export { surveyListQuestionnaires } from './callables/surveys/survey-list-questionnaires';
export { surveyGetQuestionnaire } from './callables/surveys/survey-get-questionnaire';
export { surveyCreateCampaign } from './callables/surveys/survey-create-campaign';
export { surveyPreviewCampaign } from './callables/surveys/survey-preview-campaign';
export { surveyOpenCampaign } from './callables/surveys/survey-open-campaign';
export { surveyCloseCampaign } from './callables/surveys/survey-close-campaign';
export { surveyListCampaigns } from './callables/surveys/survey-list-campaigns';
export { surveyProgress } from './callables/surveys/survey-progress';
export { surveyReport } from './callables/surveys/survey-report';
export { surveyExportReport } from './callables/surveys/survey-export-report';
export { surveyListResponses } from './callables/surveys/survey-list-responses';
export { surveyRecordResponse } from './callables/surveys/survey-record-response';
export { surveyOpen } from './callables/surveys/survey-open';
export { surveySaveDraft } from './callables/surveys/survey-save-draft';
export { surveySubmit } from './callables/surveys/survey-submit';
export { publicFileFeedback } from './callables/surveys/public-file-feedback';
export { publicTicketStatus } from './callables/surveys/public-ticket-status';
export { surveyOpenDue } from './schedules/survey-open-due';
export { surveyDispatch } from './schedules/survey-dispatch';
export { surveyCloseDue } from './schedules/survey-close-due';

// ── work orders: repairs, re-repairs, weekly callback sample, paid services (domain/workorders) ──
export { dispatchWorkOrder } from './callables/workorders/dispatch-work-order';
export { dispatchReRepair } from './callables/workorders/dispatch-re-repair';
export { workOrderAction } from './callables/workorders/work-order-action';
export { getWorkOrder } from './callables/workorders/get-work-order';
export { listWorkOrders } from './callables/workorders/list-work-orders';
export { recordRepairCallback } from './callables/workorders/record-callback';
export { listRepairCallbackTasks } from './callables/workorders/list-callback-tasks';
export { getPriceList, adminSavePriceList } from './callables/workorders/price-list';
export {
  generatePaidServiceStatement, getPaidServiceStatement, approvePaidServiceStatement, exportPaidServiceStatement,
} from './callables/workorders/statements';
export { drawRepairCallbackSample } from './schedules/draw-repair-callback-sample';
export { sweepWorkOrderCallbacks } from './schedules/sweep-work-order-callbacks';
export { workOrderCallbackTask } from './tasks/work-order-callback-task';

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

// ── KPIs (issue 12): dashboards' reads, the monthly run, targets, rebuilds ──
export { getKpiMonth } from './callables/kpis/get-kpi-month';
export { getKpiTrend } from './callables/kpis/get-kpi-trend';
export { listKpiTickets } from './callables/kpis/list-kpi-tickets';
export { getMyKpis } from './callables/kpis/get-my-kpis';
export { exportKpiReport } from './callables/kpis/export-kpi-report';
export { listKpiSnapshots } from './callables/kpis/list-kpi-snapshots';
export { approveKpiSnapshot } from './callables/kpis/approve-kpi-snapshot';
export { commentKpiSnapshot } from './callables/kpis/comment-kpi-snapshot';
export { buildKpiMonth } from './callables/kpis/build-kpi-month';
export { getKpiTargets } from './callables/kpis/get-kpi-targets';
export { setKpiTargets } from './callables/kpis/set-kpi-targets';
export { requestKpiRebuild } from './callables/kpis/request-kpi-rebuild';
export { decideKpiRebuild } from './callables/kpis/decide-kpi-rebuild';
export { kpiBuildMonth } from './schedules/kpi-build-month';
export { kpiChaseMonth } from './schedules/kpi-chase-month';

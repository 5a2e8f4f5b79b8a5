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

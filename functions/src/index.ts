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
export { getKpiMonth, getKpiTrend, listKpiTickets, getMyKpis, exportKpiReport } from './callables/kpis/dashboard';
export {
  listKpiSnapshots, approveKpiSnapshot, commentKpiSnapshot, buildKpiMonth, getKpiTargets, setKpiTargets, requestKpiRebuild, decideKpiRebuild,
} from './callables/kpis/monthly';
export { kpiBuildMonth, kpiChaseMonth } from './schedules/kpi-monthly';

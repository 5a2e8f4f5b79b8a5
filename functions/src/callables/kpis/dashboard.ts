/** KPI dashboards' callables: a month (live or published), trends, drill-down, own figures, reports. */
import { onCall } from 'firebase-functions/v2/https';
import { ExportReportInput, KpiMonthInput, KpiTicketsInput, KpiTrendInput, MyKpisInput } from '../../domain/kpis/api';
import { roleRefusal } from '../../domain/kpis/policy';
import { ticketView } from '../../domain/views';
import { requireActor } from '../../lib/actor';
import { parseInput } from '../../lib/errors';
import { db } from '../../lib/firestore';
import { drillDown, readMonth, readMyFigures, readTrend } from '../../store/kpis/read';
import { clientBrief, quarterlyReport } from '../../store/kpis/reports';
import { refuseIf } from '../../store/kpis/refuse';
import { loadOrg } from '../../store/org';

/** A month's figures for the organisation, a branch or a department: published snapshot, else live. */
export const getKpiMonth = onCall(async (request) => {
  const actor = await requireActor(db(), request);
  const input = parseInput(KpiMonthInput, request.data);
  return readMonth(db(), actor, input.month, input);
});

/** Month by month up to `endMonth` (12 by default). */
export const getKpiTrend = onCall(async (request) => {
  const actor = await requireActor(db(), request);
  const input = parseInput(KpiTrendInput, request.data);
  return { months: await readTrend(db(), actor, input.endMonth, input.months, input) };
});

/** The tickets behind a figure (received in the month, in scope), each checked with canReadTicket. */
export const listKpiTickets = onCall(async (request) => {
  const actor = await requireActor(db(), request);
  const input = parseInput(KpiTicketsInput, request.data);
  const [{ tickets, hidden }, org] = await Promise.all([drillDown(db(), actor, input), loadOrg(db())]);
  const names = new Map(org.departments.map((d) => [d.id, d.name]));
  return { tickets: tickets.map(({ id, ticket }) => ticketView(id, ticket, names.get(ticket.ownerDeptId ?? '') ?? null)), hidden };
});

/** The caller's own figures for a month. */
export const getMyKpis = onCall(async (request) => {
  const actor = await requireActor(db(), request);
  const { month } = parseInput(MyKpisInput, request.data);
  return readMyFigures(db(), actor, month);
});

/** Quarterly management report or a single client's monthly brief, as XLSX (base64). */
export const exportKpiReport = onCall(async (request) => {
  const actor = await requireActor(db(), request);
  const input = parseInput(ExportReportInput, request.data);
  refuseIf('permission-denied', roleRefusal(actor, 'report'));
  return input.type === 'quarterly'
    ? quarterlyReport(db(), actor, input.quarter, input.branchId)
    : clientBrief(db(), actor, input.month, input.clientId);
});

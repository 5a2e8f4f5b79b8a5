/**
 * Printable reports as XLSX (base64 for the callable): the quarterly management report of a
 * branch (or the whole organisation) and the monthly brief for a single large client (due by the
 * 3rd [002]). Figures come from the same reads as the dashboards (published snapshots first).
 * exceljs is loaded on first use: every function instance loads index.js, few export reports.
 */
import type ExcelJS from 'exceljs';
import type { Firestore } from 'firebase-admin/firestore';
import type { Actor } from '../../domain/actor';
import { COL } from '../../domain/collections';
import { Client, Ticket } from '../../domain/documents';
import { KPIS } from '../../domain/kpis/definitions';
import { addMonths, monthOf, quarterMonths } from '../../domain/kpis/month';
import type { KpiMonthView } from '../../domain/kpis/views';
import { canReadClient, canReadTicket } from '../../domain/policy';
import { CHANNEL_LABELS, COMPLAINT_SUBJECT_LABELS, TICKET_KIND_LABELS, TICKET_STATE_LABELS } from '../../domain/vocabulary';
import { parseDoc } from '../../lib/firestore';
import { readMonth } from './read';
import { kpiRefusal } from './refuse';

export interface ReportFile { filename: string; mimeType: string; base64: string }

const MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function pct(v: number | null): string {
  return v === null ? '—' : `${(v * 100).toFixed(1)}%`;
}

function figureRows(ws: ExcelJS.Worksheet, views: KpiMonthView[]): void {
  ws.addRow(['指标 KPI', ...views.map((v) => `${v.month}${v.source === 'published' ? '（已发布）' : '（实时）'}`), '目标 Target']);
  for (const kpi of Object.keys(KPIS) as Array<keyof typeof KPIS>) {
    const def = KPIS[kpi];
    const cells = views.map((v) => {
      const f = v.figures.find((x) => x.kpi === kpi)!;
      return def.type === 'rate' ? pct(f.value) : f.value === null ? '—' : Number(f.value.toFixed(2));
    });
    const target = views[views.length - 1]?.figures.find((x) => x.kpi === kpi)?.target ?? null;
    ws.addRow([`${def.label['zh-CN']} ${def.label.en}`, ...cells, target === null ? '' : `≥ ${target}%`]);
  }
  ws.getRow(1).font = { bold: true };
  ws.columns.forEach((c, i) => { c.width = i === 0 ? 34 : 16; });
}

async function workbook(): Promise<ExcelJS.Workbook> {
  const { default: Excel } = await import('exceljs');
  return new Excel.Workbook();
}

async function file(wb: ExcelJS.Workbook, filename: string): Promise<ReportFile> {
  const buf = await wb.xlsx.writeBuffer();
  return { filename, mimeType: MIME, base64: Buffer.from(buf as ArrayBuffer).toString('base64') };
}

/** Quarterly management report: the quarter's months side by side, breakdowns, flags, commentary. */
export async function quarterlyReport(db: Firestore, actor: Actor, quarter: string, branchId: string | undefined): Promise<ReportFile> {
  const months = quarterMonths(quarter);
  const views = await Promise.all(months.map((m) => readMonth(db, actor, m, { branchId })));
  const wb = await workbook();
  wb.creator = 'Huixiang 回响';
  figureRows(wb.addWorksheet('指标 KPIs'), views);
  const bd = wb.addWorksheet('分类 Breakdowns');
  bd.addRow(['月份 Month', '维度 By', '类别 Key', '数量 Count']);
  const labels = { kind: TICKET_KIND_LABELS, subject: COMPLAINT_SUBJECT_LABELS, channel: CHANNEL_LABELS } as const;
  for (const v of views) {
    for (const by of ['kind', 'subject', 'channel'] as const) {
      for (const r of v.breakdowns[by]) bd.addRow([v.month, by, (labels[by] as Record<string, { 'zh-CN': string }>)[r.key]?.['zh-CN'] ?? r.key, r.count]);
    }
  }
  const notes = wb.addWorksheet('说明 Notes');
  notes.addRow(['月份 Month', '状态 Status', '审核人 Approved by', '说明 Commentary', '预警员工 Flagged staff', '更正 Corrections']);
  for (const v of views) {
    notes.addRow([v.month, v.source, v.approvedByName ?? '', v.commentary, v.flags.map((f) => `${f.uid}×${f.confirmedComplaints}`).join(', '),
      v.corrections.map((c) => `${c.month}: ${JSON.stringify(c.c)}`).join('; ')]);
  }
  return file(wb, `huixiang-${quarter}${branchId ? `-${branchId}` : ''}.xlsx`);
}

/**
 * Monthly brief for one client: every ticket of the client received in the month, its state and
 * outcome. Tickets are read by client (single-field index) and filtered to the month in memory.
 */
export async function clientBrief(db: Firestore, actor: Actor, month: string, clientId: string): Promise<ReportFile> {
  const clientSnap = await db.collection(COL.clients).doc(clientId).get();
  if (!clientSnap.exists) throw kpiRefusal('not-found', { reason: 'kpis.scope_denied', params: { scope: clientId } });
  const client = parseDoc(Client, clientSnap);
  if (!canReadClient(actor, client).allowed) throw kpiRefusal('permission-denied', { reason: 'kpis.scope_denied', params: { scope: client.name } });
  const snap = await db.collection(COL.tickets).where('clientId', '==', clientId).get();
  const rows = snap.docs.map((d) => parseDoc(Ticket, d))
    .filter((t) => monthOf(t.receivedAt) === month && canReadTicket(actor, t).allowed)
    .sort((a, b) => a.receivedAt.getTime() - b.receivedAt.getTime());
  const wb = await workbook();
  const ws = wb.addWorksheet('月度简报 Brief');
  ws.addRow([`${client.name} — ${month} 月度简报 / monthly brief（${addMonths(month, 1)}-03 前报送）`]);
  ws.addRow(['编号 No.', '受理 Received', '类型 Kind', '事项 Title', '状态 State', '处理措施 Measures', '回访 Callback']);
  for (const t of rows) {
    ws.addRow([
      t.number, t.receivedAt.toISOString().slice(0, 10), TICKET_KIND_LABELS[t.kind]['zh-CN'], t.title, TICKET_STATE_LABELS[t.state]['zh-CN'],
      t.resolution?.measures ?? '', t.callbackResult ? (t.callbackResult.satisfied ? '满意' : '不满意') : '',
    ]);
  }
  ws.addRow([]);
  ws.addRow(['合计 Total', rows.length, '已关闭 Closed', rows.filter((t) => t.state === 'closed').length]);
  ws.columns.forEach((c, i) => { c.width = i === 3 || i === 5 ? 40 : 16; });
  return file(wb, `huixiang-brief-${client.code}-${month}.xlsx`);
}

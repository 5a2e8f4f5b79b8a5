/**
 * Monthly statements of paid services to finance (`statements/{office}_{YYYY-MM}`): drawn up
 * for a month that is over, regenerated freely while a draft, frozen once the office manager
 * approves (audited). Exported as XLSX with Chinese headers.
 */
import ExcelJS from 'exceljs';
import type { Firestore } from 'firebase-admin/firestore';
import type { Actor } from '../../domain/actor';
import { COL } from '../../domain/collections';
import { Branch } from '../../domain/documents';
import type { StatementInput } from '../../domain/workorders/api';
import { PAYMENT_METHOD_LABELS, Statement, WorkOrder } from '../../domain/workorders/documents';
import { endOfMonth, monthIsOver, shanghaiDate } from '../../domain/workorders/periods';
import { yuan } from '../../domain/workorders/pricing';
import { buildStatement } from '../../domain/workorders/statement';
import { parseDoc } from '../../lib/firestore';
import { auditActor, recordAudit } from '../audit';
import { refusal } from './refuse';

export function statementId(branchId: string, month: string): string {
  return `${branchId}_${month}`;
}

/** Draws up (or redraws, while a draft) the office's statement of a month that is over. */
export async function generateStatement(db: Firestore, actor: Actor, input: StatementInput, now: Date): Promise<Statement> {
  if (!monthIsOver(input.month, now)) {
    throw refusal('workorders.month_not_over', { month: input.month, end: shanghaiDate(endOfMonth(input.month)) });
  }
  const ref = db.collection(COL.statements).doc(statementId(input.branchId, input.month));
  return db.runTransaction(async (tx) => {
    const snap = await tx.get(ref);
    if (snap.exists) {
      const old = parseDoc(Statement, snap);
      if (old.state === 'approved') throw refusal('workorders.statement_approved', { month: input.month, by: old.approvedByName ?? '—' });
    }
    const orders = await tx.get(db.collection(COL.workOrders)
      .where('branchId', '==', input.branchId).where('completedMonth', '==', input.month).where('kind', '==', 'paid_service'));
    const built = buildStatement(orders.docs.map((d) => ({ id: d.id, order: parseDoc(WorkOrder, d) })));
    const statement = Statement.parse({
      branchId: input.branchId, month: input.month, ...built, state: 'draft', generatedAt: now, generatedBy: actor.uid,
      approvedAt: null, approvedBy: null, approvedByName: null,
    });
    tx.set(ref, statement);
    return statement;
  });
}

export async function loadStatement(db: Firestore, input: StatementInput): Promise<Statement | null> {
  const snap = await db.collection(COL.statements).doc(statementId(input.branchId, input.month)).get();
  return snap.exists ? parseDoc(Statement, snap) : null;
}

/** The office manager approves; approving twice changes nothing. */
export async function approveStatement(db: Firestore, actor: Actor, input: StatementInput, now: Date): Promise<Statement> {
  const ref = db.collection(COL.statements).doc(statementId(input.branchId, input.month));
  return db.runTransaction(async (tx) => {
    const snap = await tx.get(ref);
    if (!snap.exists) throw refusal('workorders.statement_missing', { month: input.month });
    const statement = parseDoc(Statement, snap);
    if (statement.state === 'approved') return statement;
    const approved = { ...statement, state: 'approved' as const, approvedAt: now, approvedBy: actor.uid, approvedByName: actor.displayName };
    recordAudit(tx, db, {
      action: 'statement_approved', at: now, ...auditActor(actor), target: { type: 'statement', id: ref.id },
      reason: `有偿服务月度对账单 ${input.month}：${statement.totals.orders} 单，合计 ${yuan(statement.totals.amount)} 元，未收 ${yuan(statement.totals.unpaidAmount)} 元`,
      changes: { state: { from: 'draft', to: 'approved' } },
    });
    tx.update(ref, { state: 'approved', approvedAt: now, approvedBy: actor.uid, approvedByName: actor.displayName });
    return approved;
  });
}

const when = (d: Date | null) => (d ? new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ') : '');

/** The statement as an XLSX workbook (Chinese headers, amounts in yuan), base64. */
export async function statementXlsx(db: Firestore, statement: Statement): Promise<{ fileName: string; base64: string }> {
  const branchSnap = await db.collection(COL.branches).doc(statement.branchId).get();
  const office = branchSnap.exists ? parseDoc(Branch, branchSnap).name : statement.branchId;
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Huixiang 回响';
  const ws = wb.addWorksheet(`${statement.month} 有偿服务`);
  ws.addRow([`${office} 有偿服务月度对账单 ${statement.month}`]);
  ws.addRow([`状态：${statement.state === 'approved' ? `已审批（${statement.approvedByName ?? ''} ${when(statement.approvedAt)}）` : '草稿（待管理处主任审批）'}`]);
  ws.addRow([]);
  const header = ws.addRow(['派工单号', '客户', '服务项目', '完工验收时间', '金额（元）', '保修免费', '收款状态', '收款方式', '收据/流水号', '收款时间']);
  header.font = { bold: true };
  for (const l of statement.lines) {
    ws.addRow([
      l.number, l.clientName, l.item, when(l.completedAt), Number(yuan(l.total)), l.warrantyFree ? '是' : '否',
      l.total === 0 ? '无需收费' : l.paid ? '已收' : '未收',
      l.paymentMethod ? PAYMENT_METHOD_LABELS[l.paymentMethod]['zh-CN'] : '', l.paymentReference ?? '', when(l.paidAt),
    ]);
  }
  ws.addRow([]);
  const t = statement.totals;
  ws.addRow(['合计', `${t.orders} 单`, '', '', Number(yuan(t.amount))]).font = { bold: true };
  ws.addRow(['已收', '', '', '', Number(yuan(t.paidAmount))]);
  ws.addRow(['未收', `${t.unpaidOrders} 单`, '', '', Number(yuan(t.unpaidAmount))]);
  ws.getColumn(5).numFmt = '0.00';
  [20, 18, 18, 18, 12, 10, 10, 14, 20, 18].forEach((w, i) => { ws.getColumn(i + 1).width = w; });
  const buffer = await wb.xlsx.writeBuffer();
  return { fileName: `有偿服务对账单-${statement.branchId}-${statement.month}.xlsx`, base64: Buffer.from(buffer as ArrayBuffer).toString('base64') };
}

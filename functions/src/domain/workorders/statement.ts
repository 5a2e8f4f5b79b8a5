/** The monthly statement of paid services to finance [001 有偿服务管理规定 4.2.3; 物业部 二.6]. No Firebase. */
import type { Statement, StatementLine, WorkOrder } from './documents';

/** Lines and totals from the office's paid orders completed (accepted) in the month, oldest first. */
export function buildStatement(orders: ReadonlyArray<{ id: string; order: WorkOrder }>): Pick<Statement, 'lines' | 'totals'> {
  const lines: StatementLine[] = orders
    .filter(({ order }) => order.kind === 'paid_service' && order.state === 'accepted' && order.completedAt)
    .map(({ id, order }) => ({
      orderId: id,
      number: order.number,
      clientName: order.clientName,
      item: order.item,
      completedAt: order.completedAt!,
      total: order.price?.total ?? 0,
      warrantyFree: order.warranty !== null || (order.price?.warrantyFree ?? false),
      paid: order.payment !== null,
      paymentMethod: order.payment?.method ?? null,
      paymentReference: order.payment?.reference ?? null,
      paidAt: order.payment?.at ?? null,
    }))
    .sort((a, b) => a.completedAt.getTime() - b.completedAt.getTime() || (a.number < b.number ? -1 : 1));
  const amount = lines.reduce((s, l) => s + l.total, 0);
  const unpaid = lines.filter((l) => !l.paid && l.total > 0);
  const unpaidAmount = unpaid.reduce((s, l) => s + l.total, 0);
  return { lines, totals: { orders: lines.length, amount, paidAmount: amount - unpaidAmount, unpaidAmount, unpaidOrders: unpaid.length } };
}

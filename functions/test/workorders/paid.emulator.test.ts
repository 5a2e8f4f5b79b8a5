import ExcelJS from 'exceljs';
import { emulatorProject } from '../../../test/support/emulator';
import { ManualClock } from '../../src/domain/clock';
import { useClock } from '../../src/lib/clock';
import { adminSavePriceList, getPriceList } from '../../src/callables/workorders/price-list';
import { dispatchWorkOrder } from '../../src/callables/workorders/dispatch-work-order';
import { workOrderAction } from '../../src/callables/workorders/work-order-action';
import {
  approvePaidServiceStatement, exportPaidServiceStatement, generatePaidServiceStatement,
} from '../../src/callables/workorders/statements';
import { signature } from './helpers';
import { at, auth, eventTypes, refusalOf, seedWorkOrderOrg, ticket } from './setup';

const { db, fft, cleanup } = emulatorProject('wo-paid');
const savePrices = fft.wrap(adminSavePriceList);
const readPrices = fft.wrap(getPriceList);
const dispatch = fft.wrap(dispatchWorkOrder);
const act = fft.wrap(workOrderAction);
const generate = fft.wrap(generatePaidServiceStatement);
const approve = fft.wrap(approvePaidServiceStatement);
const exportXlsx = fft.wrap(exportPaidServiceStatement);
jest.setTimeout(60_000);
const clk = new ManualClock(at('2025-10-13 09:00'));

const PRICE_LIST = {
  items: [
    { code: 'L-TAP', name: '更换水龙头', unit: '个', category: 'labour', unitPrice: 3000 },
    { code: 'L-PIPE', name: '疏通下水管', unit: '次', category: 'labour', unitPrice: 5000 },
    { code: 'M-TAP', name: '水龙头（普通）', unit: '个', category: 'material', unitPrice: 4500 },
  ],
  materials: 'client_supplies', warrantyMonths: 3, afterHoursMultiplier: 2,
};

const step = (uid: string, data: Record<string, unknown>) => act({ data, auth: auth(uid) } as never) as Promise<{ seq: number; state: string }>;

/** A paid-service ticket with one dispatched order for `item` at `location`. */
async function paidOrder(when: string, item: string, location = '1楼商铺', title = '有偿维修'): Promise<string> {
  clk.set(at(when));
  const ticketId = await ticket(db, 'paid_service', clk.now(), title);
  const { orderId } = await dispatch({ data: {
    ticketId, deptId: 'dept-engineering', technicianUid: 'u-engineer', appointmentFrom: clk.now().toISOString(),
    appointmentTo: new Date(clk.now().getTime() + 7200_000).toISOString(), location, item, requestId: `paid-${ticketId}`,
  }, auth: auth('u-intake') } as never) as { orderId: string };
  return orderId;
}

/** Quote, accept, arrive, finish, sign: returns the order's seq after signing (5… the accepted order). */
async function doneWithPrice(orderId: string, lines: Array<{ code: string; quantity: number }>): Promise<number> {
  await step('u-engineer', { action: 'arrive', orderId, expectedSeq: 1 });
  await step('u-engineer', { action: 'quote', orderId, expectedSeq: 2, lines });
  await step('u-engineer', { action: 'accept_price', orderId, expectedSeq: 3, signerName: '张店长', signature: signature() });
  await step('u-engineer', { action: 'finish', orderId, expectedSeq: 4, workDone: '已完成', minutesSpent: 30 });
  return (await step('u-engineer', { action: 'sign', orderId, expectedSeq: 5, signerName: '张店长', signature: signature(2) })).seq;
}

beforeAll(async () => {
  useClock(clk);
  await seedWorkOrderOrg(db);
});
afterAll(cleanup);

test('the price list: admins save it (validated, audited), everyone reads it', async () => {
  expect(await refusalOf(savePrices({ data: { priceList: PRICE_LIST, reason: '2025 标准' }, auth: auth('u-intake') } as never))).toMatchObject({ code: 'permission-denied' });
  const dup = { ...PRICE_LIST, items: [...PRICE_LIST.items, PRICE_LIST.items[0]] };
  expect(await refusalOf(savePrices({ data: { priceList: dup, reason: 'x' }, auth: auth('u-admin') } as never))).toMatchObject({ code: 'invalid-argument' });
  await savePrices({ data: { priceList: PRICE_LIST, reason: '2025 年有偿服务收费标准' }, auth: auth('u-admin') } as never);
  expect(await readPrices({ data: {}, auth: auth('u-engineer') } as never)).toMatchObject({ warrantyMonths: 3, items: PRICE_LIST.items });
  const audit = await db.collection('auditLog').where('action', '==', 'price_list_saved').get();
  expect(audit.docs.map((d) => d.data())).toEqual([expect.objectContaining({ actorUid: 'u-admin', reason: '2025 年有偿服务收费标准', target: { type: 'config', id: 'priceList' } })]);
});

test('paid flow: price shown and signed before work, locked after; payment once per order and per receipt; warranty found for the same item', async () => {
  const id = await paidOrder('2025-10-13 09:00', '水龙头');
  await step('u-engineer', { action: 'arrive', orderId: id, expectedSeq: 1 });
  expect(await refusalOf(step('u-engineer', { action: 'finish', orderId: id, expectedSeq: 2, workDone: 'x', minutesSpent: 5 })))
    .toMatchObject({ code: 'failed-precondition', reason: 'workorders.price_not_accepted' });
  expect(await refusalOf(step('u-engineer', { action: 'quote', orderId: id, expectedSeq: 2, lines: [{ code: 'M-TAP', quantity: 1 }] })))
    .toMatchObject({ code: 'invalid-argument', reason: 'workorders.materials_client_only', params: { code: 'M-TAP' } });
  await step('u-engineer', { action: 'quote', orderId: id, expectedSeq: 2, lines: [{ code: 'L-TAP', quantity: 1 }, { code: 'L-PIPE', quantity: 1 }] });
  await step('u-engineer', { action: 'accept_price', orderId: id, expectedSeq: 3, signerName: '张店长', signature: signature() });
  // The price cannot change once accepted; nothing is written.
  expect(await refusalOf(step('u-engineer', { action: 'quote', orderId: id, expectedSeq: 4, lines: [{ code: 'L-TAP', quantity: 3 }] })))
    .toMatchObject({ code: 'failed-precondition', reason: 'workorders.price_locked' });
  const price = (await db.doc(`workOrders/${id}`).get()).get('price');
  expect(price).toMatchObject({ total: 8000, signerName: '张店长' });
  expect(price.hash).toMatch(/^[0-9a-f]{64}$/);
  await step('u-engineer', { action: 'finish', orderId: id, expectedSeq: 4, workDone: '换水龙头，疏通下水', minutesSpent: 50,
    materials: [{ name: '水龙头', quantity: 1, unit: '个', suppliedBy: 'client' }] });
  await step('u-engineer', { action: 'sign', orderId: id, expectedSeq: 5, signerName: '张店长', signature: signature(2) });

  expect(await refusalOf(step('u-finance', { action: 'record_payment', orderId: id, expectedSeq: 6, method: 'cash', reference: 'SJ-001', amount: 5000 })))
    .toMatchObject({ code: 'invalid-argument', reason: 'workorders.amount_mismatch' });
  expect(await refusalOf(step('u-engineer-2', { action: 'record_payment', orderId: id, expectedSeq: 6, method: 'cash', reference: 'SJ-001', amount: 8000 })))
    .toMatchObject({ code: 'permission-denied' });
  await step('u-finance', { action: 'record_payment', orderId: id, expectedSeq: 6, method: 'cash', reference: 'SJ-001', amount: 8000 });
  expect(await refusalOf(step('u-intake', { action: 'record_payment', orderId: id, expectedSeq: 7, method: 'bank', reference: 'B-77', amount: 8000 })))
    .toMatchObject({ code: 'failed-precondition', reason: 'workorders.payment_recorded' });
  expect(await eventTypes(db, id)).toEqual(['dispatched', 'arrived', 'quoted', 'price_accepted', 'finished', 'accepted', 'payment_recorded']);

  // Another order cannot use the same receipt; nothing half-written.
  const second = await paidOrder('2025-10-20 09:00', '下水管', '2楼商铺');
  await doneWithPrice(second, [{ code: 'L-PIPE', quantity: 1 }]);
  expect(await refusalOf(step('u-finance', { action: 'record_payment', orderId: second, expectedSeq: 6, method: 'cash', reference: ' sj-001 ', amount: 5000 })))
    .toMatchObject({ code: 'failed-precondition', reason: 'workorders.receipt_used' });
  expect((await db.doc(`workOrders/${second}`).get()).get('payment')).toBeNull();
  expect(await eventTypes(db, second)).toHaveLength(6);

  // The same tap again within 3 months: the warranty is found, the work is free.
  const again = await paidOrder('2025-11-20 09:00', ' 水龙头 ', '1楼 商铺');
  const warranty = (await db.doc(`workOrders/${again}`).get()).get('warranty');
  expect(warranty.orderId).toBe(id);
  await doneWithPrice(again, [{ code: 'L-TAP', quantity: 1 }]);
  expect((await db.doc(`workOrders/${again}`).get()).get('price')).toMatchObject({ total: 0, warrantyFree: true });
});

test('the monthly statement: refused before the month is over, lists paid and unpaid orders, approved by the office manager, exported as XLSX', async () => {
  const month = { branchId: 'br-city', month: '2025-10' };
  clk.set(at('2025-10-31 23:59'));
  expect(await refusalOf(generate({ data: month, auth: auth('u-finance') } as never)))
    .toMatchObject({ code: 'failed-precondition', reason: 'workorders.month_not_over', params: { month: '2025-10', end: '2025-11-01' } });
  expect(await refusalOf(approve({ data: month, auth: auth('u-leader') } as never))).toMatchObject({ reason: 'workorders.statement_missing' });

  clk.set(at('2025-11-01 08:00'));
  expect(await refusalOf(generate({ data: month, auth: auth('u-business-1') } as never))).toMatchObject({ code: 'permission-denied' });
  const s = await generate({ data: month, auth: auth('u-finance') } as never) as { lines: Array<{ paid: boolean; total: number }>; totals: Record<string, number>; state: string };
  expect(s.state).toBe('draft');
  expect(s.lines.map((l) => [l.total, l.paid])).toEqual([[8000, true], [5000, false]]);
  expect(s.totals).toEqual({ orders: 2, amount: 13000, paidAmount: 8000, unpaidAmount: 5000, unpaidOrders: 1 });

  expect(await refusalOf(approve({ data: month, auth: auth('u-finance') } as never))).toMatchObject({ code: 'permission-denied' });
  expect(await approve({ data: month, auth: auth('u-leader') } as never)).toMatchObject({ state: 'approved', approvedBy: 'u-leader' });
  expect(await approve({ data: month, auth: auth('u-leader') } as never)).toMatchObject({ state: 'approved' }); // twice: unchanged
  expect((await db.collection('auditLog').where('action', '==', 'statement_approved').get()).size).toBe(1);
  expect(await refusalOf(generate({ data: month, auth: auth('u-finance') } as never)))
    .toMatchObject({ code: 'failed-precondition', reason: 'workorders.statement_approved' });

  const file = await exportXlsx({ data: month, auth: auth('u-finance') } as never) as { fileName: string; base64: string };
  expect(file.fileName).toBe('有偿服务对账单-br-city-2025-10.xlsx');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ArrayBuffer);
  const ws = wb.worksheets[0]!;
  expect(String(ws.getCell('A1').value)).toContain('有偿服务月度对账单 2025-10');
  expect(ws.getRow(4).values).toEqual([undefined, '派工单号', '客户', '服务项目', '完工验收时间', '金额（元）', '保修免费', '收款状态', '收款方式', '收据/流水号', '收款时间']);
  expect(ws.getCell('E5').value).toBe(80);
  expect(ws.getCell('G5').value).toBe('已收');
  expect(ws.getCell('I5').value).toBe('SJ-001');
  expect(ws.getCell('G6').value).toBe('未收');
  expect(await refusalOf(exportXlsx({ data: month, auth: auth('u-engineer') } as never))).toMatchObject({ code: 'permission-denied' });
});

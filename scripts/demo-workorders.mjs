// Demo work orders for the local stack (issue 13): a repair with the client's signature, a paid
// service with its price accepted and paid, a re-repair with its open 24 h special callback, and
// last week's callback sample. Written through the compiled store functions (functions/lib) with
// past instants, so last week really has finished orders; called by one line from seed.mjs.
// Idempotent: `_dev/demoWorkOrders` records that it ran (delete it to create another set).

import { createRequire } from 'node:module';
import * as demo from './demo-data.mjs';

const require = createRequire(new URL('../functions/package.json', import.meta.url));
const HOUR = 3600_000;
const DAY = 24 * HOUR;

/** A signature-like scribble of three strokes on a 320×160 pad. */
function scribble(seed) {
  return {
    width: 320, height: 160,
    strokes: [0, 1, 2].map((s) => ({
      points: Array.from({ length: 30 }, (_, i) => [20 + i * 9 + s * 4, 40 + Math.round(30 * Math.sin((i + seed + s * 3) / 3)) + s * 25]).flat(),
    })),
  };
}

/**
 * @param {{ db: import('firebase-admin/firestore').Firestore, log: { info: (m: string) => void, warn: (m: string) => void }, now?: Date }} o
 */
export async function seedWorkOrders({ db, log, now = new Date() }) {
  const marker = db.collection('_dev').doc('demoWorkOrders');
  if ((await marker.get()).exists) {
    log.info('demo work orders already created (_dev/demoWorkOrders); skipping');
    return;
  }
  const lib = (p) => require(`./lib/${p}`);
  const { CreateTicketInput } = lib('domain/api.js');
  const { createTicket } = lib('store/create-ticket.js');
  const { routeNewTicket } = lib('store/route-ticket.js');
  const { dispatchWorkOrder, stepWorkOrder } = lib('store/workorders/orders.js');
  const { dispatchReRepair } = lib('store/workorders/re-repair.js');
  const { drawWeeklySample } = lib('store/workorders/callbacks.js');
  const { loadPriceList, savePriceList } = lib('store/workorders/price-list.js');
  const { canDispatch } = lib('domain/workorders/policy.js');
  const { PriceList } = lib('domain/workorders/documents.js');
  const { previousWeek, startOfShanghaiDate } = lib('domain/workorders/periods.js');

  const actor = (uid) => {
    const s = demo.staff.find((x) => x.uid === uid);
    return { uid, role: s.role, deptId: s.deptId, deptKind: demo.departments[s.deptId].kind, branchId: s.branchId, displayName: s.displayName, locale: 'zh-CN' };
  };
  const [admin, intake, engineer, quality] = ['u-admin', 'u-intake', 'u-engineer', 'u-quality-1'].map(actor);

  if ((await loadPriceList(db)).items.length === 0) {
    await savePriceList(db, admin, PriceList.parse({
      items: [
        { code: 'L-TAP', name: '更换/维修水龙头', unit: '个', category: 'labour', unitPrice: 3000 },
        { code: 'L-DRAIN', name: '疏通下水管道', unit: '次', category: 'labour', unitPrice: 5000 },
        { code: 'L-SOCKET', name: '更换插座/开关', unit: '个', category: 'labour', unitPrice: 2000 },
        { code: 'L-LAMP', name: '更换灯具', unit: '套', category: 'labour', unitPrice: 2500 },
        { code: 'L-LOCK', name: '更换门锁', unit: '把', category: 'labour', unitPrice: 4000 },
      ],
      materials: 'client_supplies', warrantyMonths: 3, afterHoursMultiplier: 2,
    }), '演示：有偿服务收费标准（材料由客户自备，工作时间外加倍）', now);
  }

  const lastMonday = startOfShanghaiDate(previousWeek(now)).getTime();
  const atLastWeek = (day, hour) => new Date(lastMonday + day * DAY + hour * HOUR);
  const ticketFor = async (kind, clientId, title, when) => {
    // One request id per demo ticket: a re-run files nothing twice.
    const requestId = `demo-wo-${kind}-${clientId}-${when.getTime()}`;
    const input = CreateTicketInput.parse({ requestId, clientId, kind, channel: 'hotline', title, ...(kind === 'complaint' ? { subject: 'service_improper' } : {}) });
    const { ticketId } = await createTicket(db, intake, input, when);
    await routeNewTicket(db, ticketId, when);
    return ticketId;
  };
  const dispatch = async (ticketId, when, location, item, n) => (await dispatchWorkOrder(db, intake, {
    ticketId, deptId: 'dept-engineering', technicianUid: 'u-engineer', appointmentFrom: new Date(when.getTime() + HOUR),
    appointmentTo: new Date(when.getTime() + 3 * HOUR), location, item, description: '', requestId: `demo-wo-${n}`,
  }, when, { authorize: canDispatch })).orderId;
  const steps = async (orderId, when, list) => {
    let seq = 1;
    for (const [i, { as, ...input }] of list.entries()) {
      await stepWorkOrder(db, as ?? engineer, { orderId, expectedSeq: seq, ...input }, new Date(when.getTime() + (i + 1) * 0.5 * HOUR));
      seq++;
    }
  };
  const repairDone = (workDone, sig) => [
    { action: 'arrive' },
    { action: 'finish', workDone, materials: [{ name: '阀芯', quantity: 1, unit: '个', suppliedBy: 'client' }], minutesSpent: 40 },
    { action: 'sign', signerName: '客户', signature: scribble(sig) },
  ];

  // Three repairs finished last week (one refused by the client): the sample's population.
  const t1 = await ticketFor('repair', 'client-002', '超市卫生间水龙头漏水', atLastWeek(1, 1));
  const o1 = await dispatch(t1, atLastWeek(1, 1), '商业街1层员工卫生间', '水龙头', 1);
  await steps(o1, atLastWeek(1, 2), repairDone('更换阀芯，试水无渗漏', 1));
  const t2 = await ticketFor('repair', 'client-003', '门口照明灯不亮', atLastWeek(2, 2));
  const o2 = await dispatch(t2, atLastWeek(2, 2), '南门店招下', '照明灯', 2);
  await steps(o2, atLastWeek(2, 3), repairDone('更换镇流器', 2));
  const t3 = await ticketFor('repair', 'client-005', '店内插座冒火花', atLastWeek(3, 1));
  const o3 = await dispatch(t3, atLastWeek(3, 1), '收银台后', '插座', 3);
  await steps(o3, atLastWeek(3, 2), [{ action: 'arrive' }, { action: 'finish', workDone: '更换插座', materials: [], minutesSpent: 20 },
    { action: 'refuse', reason: '插座面板颜色与原来不一致，要求更换同款' }]);

  // A paid service: price shown and accepted before work, signed, paid in cash.
  const t4 = await ticketFor('paid_service', 'client-004', '商铺下水管堵塞（有偿）', atLastWeek(2, 1));
  const o4 = await dispatch(t4, atLastWeek(2, 1), '金鼎商厦2层207铺', '下水管道', 4);
  await steps(o4, atLastWeek(2, 2), [
    { action: 'arrive' },
    { action: 'quote', lines: [{ code: 'L-DRAIN', quantity: 1 }], afterHours: false },
    { action: 'accept_price', signerName: '蒋振华', signature: scribble(4) },
    { action: 'finish', workDone: '疏通下水管道，清理存水弯', materials: [], minutesSpent: 60 },
    { action: 'sign', signerName: '蒋振华', signature: scribble(5) },
    { action: 'record_payment', method: 'cash', reference: `DEMO-SJ-${previousWeek(now).replaceAll('-', '')}-01`, amount: 5000, as: intake },
  ]);

  // A complaint that the tap leaks again: re-repair dispatched at once, special callback open (due in 24 h).
  const complaintAt = new Date(now.getTime() - 2 * HOUR);
  const t5 = await ticketFor('complaint', 'client-002', '水龙头修过后又漏水', complaintAt);
  const re = await dispatchReRepair(db, quality, {
    originalOrderId: o1, complaintTicketId: t5, technicianUid: 'u-engineer', appointmentFrom: new Date(complaintAt.getTime() + HOUR),
    appointmentTo: new Date(complaintAt.getTime() + 2 * HOUR), description: '返修：客户反映水龙头仍渗漏', requestId: 'demo-wo-rerepair',
  }, complaintAt, { schedule: async () => 'scheduled' }); // the sweeper watches the deadline in the local stack

  // Monday's draw for last week (what the schedule does every Monday).
  const sample = await drawWeeklySample(db, 'br-city', previousWeek(now), now);
  await marker.set({ createdAt: now, orders: [o1, o2, o3, o4, re.orderId], sample: sample.sampleId });
  log.info(`demo work orders: 4 last week (1 paid), re-repair ${re.orderId} (callback due ${re.callbackDueAt.toISOString()}), sample ${sample.sampleId} ${sample.sampled}/${sample.population}`);
}

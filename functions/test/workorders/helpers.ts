/** Builders shared by the work-order unit tests. */
import { WorkOrder, PriceList, type WorkOrderInput } from '../../src/domain/workorders/documents';
import type { Signature } from '../../src/domain/workorders/signature';

export const at = (s: string): Date => new Date(`${s.replace(' ', 'T')}:00+08:00`);

export function order(over: Partial<WorkOrderInput> = {}): WorkOrder {
  const now = at('2025-10-13 09:00');
  return WorkOrder.parse({
    number: 'HX-20251013-0001-1', ticketId: 't1', ticketNumber: 'HX-20251013-0001', ticketKind: 'repair', kind: 'repair',
    branchId: 'br-city', clientId: 'c-1', clientName: '万家便利店', deptId: 'dept-engineering', dispatchedByDeptId: 'dept-cs',
    dispatchedByUid: 'u-intake', technicianUid: 'u-engineer', technicianName: 'Engineer Wu', appointmentFrom: now,
    appointmentTo: new Date(now.getTime() + 3600_000), location: '3楼卫生间', item: '水龙头', itemKey: 'c-1|3楼卫生间|水龙头',
    description: '漏水', state: 'dispatched', dispatchedAt: now, requestId: 'req-00000001', createdAt: now, updatedAt: now,
    lastEventSeq: 1, lastEventType: 'dispatched', lastActorUid: 'u-intake', ...over,
  });
}

export const PRICES = PriceList.parse({
  items: [
    { code: 'L-TAP', name: '更换水龙头', unit: '个', category: 'labour', unitPrice: 3000 },
    { code: 'L-PIPE', name: '疏通下水管', unit: '次', category: 'labour', unitPrice: 5000 },
    { code: 'M-TAP', name: '水龙头（普通）', unit: '个', category: 'material', unitPrice: 4500 },
  ],
});

/** A plausible signature: `strokes` strokes of `points` points each inside a 300×150 canvas. */
export function signature(strokes = 3, points = 20): Signature {
  return {
    width: 300, height: 150,
    strokes: Array.from({ length: strokes }, (_, s) => ({
      points: Array.from({ length: points }, (_, i) => [10 + i * 5 + s, 20 + ((i * 7 + s * 13) % 100)]).flat(),
    })),
  };
}

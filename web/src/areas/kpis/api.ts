/** The KPI callables (functions/src/callables/kpis/): a month's figures, the trend, snapshots, approval, drill-down, own figures. */
import type { z } from 'zod';
import type { TicketView } from '../../../../functions/src/domain/api';
import type { StaffCounter } from '../../../../functions/src/domain/kpis/definitions';
import type { KpiMonthView } from '../../../../functions/src/domain/kpis/views';
import type {
  ApproveSnapshotInput, KpiMonthInput, KpiTicketsInput, KpiTrendInput, ListSnapshotsInput, MyKpisInput,
} from '../../../../functions/src/domain/kpis/api';
import { callable } from '../../api/call';

export interface SnapshotRow {
  id: string;
  month: string;
  scope: 'branch' | 'dept';
  scopeId: string;
  status: 'draft' | 'approved';
  commentary: string;
  flags: unknown[];
  builtAt: string;
  approvedAt: string | null;
  approvedByName: string | null;
}

export const getKpiMonth = callable<z.input<typeof KpiMonthInput>, KpiMonthView>('getKpiMonth');
export const getKpiTrend = callable<z.input<typeof KpiTrendInput>, { months: KpiMonthView[] }>('getKpiTrend');
export const listKpiSnapshots = callable<z.input<typeof ListSnapshotsInput>, { snapshots: SnapshotRow[] }>('listKpiSnapshots');
export const approveKpiSnapshot = callable<z.input<typeof ApproveSnapshotInput>, { id: string; status: string; approvedAt: string | null }>('approveKpiSnapshot');
export const listKpiTickets = callable<z.input<typeof KpiTicketsInput>, { tickets: TicketView[]; hidden: number }>('listKpiTickets');
export const getMyKpis = callable<z.input<typeof MyKpisInput>, { month: string; uid: string } & Record<StaffCounter, number>>('getMyKpis');

/** The client-archive callables (functions/src/callables/clients/): search, one client, visit plans, coverage. */
import type { z } from 'zod';
import type { FindClientsInput, GetClientInput, RecordVisitInput, VisitCoverageInput, VisitPlanInput } from '../../../../functions/src/domain/clients/api';
import type { CoverageLine, MissedVisit, Period } from '../../../../functions/src/domain/clients/visits';
import type { ServiceCode } from '../../../../functions/src/domain/clients/vocabulary';
import type { ClientTier } from '../../../../functions/src/domain/vocabulary';
import { callable } from '../../api/call';

/** A client as the server shows it to this reader (store/clients/archive.ts clientView; contacts redacted by rights). */
export interface ClientView {
  id: string;
  code: string;
  name: string;
  branchId: string;
  active: boolean;
  licenceNo: string;
  licenceExpiry: string | null;
  personal: boolean;
  marketType: string | null;
  format: string | null;
  scale: number | null;
  zone: string | null;
  tier: ClientTier;
  computedTier: ClientTier | null;
  tierOverride: { tier: ClientTier; reason: string; byUid: string; at: string } | null;
  combinedCode: string;
  address: string;
  accountManagerUid: string | null;
  routeId: string;
  notes: string;
  contactName: string;
  contactPhone: string;
  contacts: Array<{ name: string; phone: string; role: string }>;
  contactsRedacted: boolean;
  updatedAt: string | null;
}

export interface TimelineItem {
  at: string;
  type: 'history' | 'ticket' | 'callback' | 'visit' | 'survey' | 'spot_check' | 'score';
  title: string;
  detail: Record<string, unknown>;
}

export interface PlanItem {
  clientId: string;
  clientName: string;
  tier: ClientTier;
  routeId: string;
  periods: Period[];
  services: ServiceCode[];
  visits: string[];
}

export const findClients = callable<z.input<typeof FindClientsInput>, { clients: ClientView[]; total: number }>('findClients');
export const getClient = callable<z.input<typeof GetClientInput>, { client: ClientView; timeline: TimelineItem[] }>('getClient');
export const getVisitPlan = callable<z.input<typeof VisitPlanInput>, { month: string; managerUid: string; items: PlanItem[]; coverage: CoverageLine | null; missed: MissedVisit[] }>('getVisitPlan');
export const recordVisit = callable<z.input<typeof RecordVisitInput>, { visitId: string; created: boolean }>('recordVisit');
export const visitCoverage = callable<z.input<typeof VisitCoverageInput>, {
  month: string; branchId: string; byManager: CoverageLine[]; byRoute: CoverageLine[]; byBranch: CoverageLine[]; missed: MissedVisit[];
  managerNames: Record<string, string>;
}>('visitCoverage');

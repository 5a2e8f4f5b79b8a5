/**
 * Contracts the back end (branch `webapi`, issue 8) is adding to functions/src/domain; mirrored
 * here until they are merged into main, then this file re-exports them from the domain instead.
 * Types only: nothing here decides anything.
 */
import type { Channel, ClientTier, ComplaintSubject, Label, Role, TicketKind, TicketState } from '../../../functions/src/domain/vocabulary';

export const TICKET_QUEUES = [
  'all', 'mine', 'department', 'overdue', 'due_soon', 'awaiting_callback', 'awaiting_verification', 'awaiting_signoff',
] as const;
export type TicketQueue = (typeof TICKET_QUEUES)[number];

export interface TicketListFilters {
  state?: TicketState;
  kind?: TicketKind;
  subject?: ComplaintSubject;
  channel?: Channel;
  deptId?: string;
  branchId?: string;
  receivedFrom?: string;
  receivedTo?: string;
  escalated?: boolean;
  major?: boolean;
}
export type TicketSort = 'dueAt' | 'receivedAt';

export interface ListTicketsRequest {
  queue?: TicketQueue;
  filters?: TicketListFilters;
  search?: string;
  sort?: TicketSort;
  order?: 'asc' | 'desc';
  cursor?: string;
  limit?: number;
  withCounts?: boolean;
}

export type TimeLeftStatus = 'running' | 'due_soon' | 'overdue' | 'paused' | 'closed_on_time' | 'closed_late' | 'no_deadline';
export interface TimeLeft {
  status: TimeLeftStatus;
  workingMs: number | null;
}

export interface TicketRowView {
  id: string;
  number: string;
  kind: TicketKind;
  subject: ComplaintSubject | null;
  channel: Channel;
  clientId: string;
  clientName: string;
  branchId: string;
  branchName: Label | null;
  title: string;
  state: TicketState;
  paused: boolean;
  ownerDeptId: string | null;
  ownerDeptName: Label | null;
  assigneeUid: string | null;
  assigneeName: string | null;
  receivedAt: string;
  dueAt: string | null;
  escalationLevel: number;
  major: boolean;
  timeLeft: TimeLeft | null;
}

export interface ListTicketsResult {
  rows: TicketRowView[];
  nextCursor: string | null;
  counts: Partial<Record<TicketQueue, number>> | null;
}

export interface StaffOption {
  uid: string;
  displayName: string;
  role: Role;
  roleLabel: Label;
  isHead: boolean;
}
export interface ListAssignableStaffResult {
  deptId: string;
  deptName: Label;
  staff: StaffOption[];
}

export interface ClientOptionView {
  id: string;
  name: string;
  code: string;
  tier: ClientTier;
  branchId: string;
  branchName: Label | null;
  contactName: string;
  contactPhone: string;
  address: string;
}

export type ClientTicketView =
  | { redacted: false; id: string; number: string; kind: TicketKind; state: TicketState; title: string; receivedAt: string; ownerDeptName: Label | null }
  | { redacted: true; kind: TicketKind; state: TicketState; receivedAt: string; ownerDeptName: Label | null };
export interface ListClientTicketsResult {
  clientId: string;
  open: ClientTicketView[];
  recent: ClientTicketView[];
}

export interface FindTicketByNumberResult {
  id: string;
  number: string;
  title: string;
}

export interface ChangeMarkerView {
  marker: string;
}

export type ConfigName = 'routing' | 'sla' | 'authority';
export interface ConfigView {
  name: ConfigName;
  doc: unknown;
  isDefault: boolean;
  updatedAt: string | null;
  updatedByName: string | null;
}
export interface AdminSaveConfigResult {
  name: ConfigName;
  changed: string[];
  auditId: string | null;
}

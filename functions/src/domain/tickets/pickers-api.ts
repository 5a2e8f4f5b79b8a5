/**
 * Contracts of the pickers (issue 8.3): staff a ticket can be assigned to, clients by type-ahead,
 * a client's open and recent tickets beside the intake form, a ticket found by its visible
 * number; and the per-user change marker the web polls (issue 8.8). No Firebase import.
 */
import { z } from 'zod';
import type { ClientTier, Label, Role, TicketKind, TicketState } from '../vocabulary';

const id = z.string().trim().min(1, 'required').max(128).regex(/^[^/]+$/, 'an id has no "/"');

export const ListAssignableStaffInput = z.object({ deptId: id }).strict();
export type ListAssignableStaffInput = z.infer<typeof ListAssignableStaffInput>;

/** A person a ticket of the department can be assigned to (active staff of that department). */
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

export const SearchClientsInput = z
  .object({
    /** Part of the name, the code (or its start), or the contact phone (digits). */
    query: z.string().trim().min(1, 'required').max(50),
    limit: z.number().int().min(1).max(50).default(10),
  })
  .strict();
export type SearchClientsInput = z.infer<typeof SearchClientsInput>;

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
export interface SearchClientsResult {
  clients: ClientOptionView[];
}

export const ListClientTicketsInput = z.object({ clientId: id }).strict();
export type ListClientTicketsInput = z.infer<typeof ListClientTicketsInput>;

/**
 * A ticket of the client. A ticket the caller may not read is shown redacted (kind, state, day
 * and owning department only), so a hotline agent still sees "an open complaint already exists".
 */
export type ClientTicketView =
  | {
      redacted: false;
      id: string;
      number: string;
      kind: TicketKind;
      state: TicketState;
      title: string;
      receivedAt: string;
      ownerDeptName: Label | null;
    }
  | {
      redacted: true;
      kind: TicketKind;
      state: TicketState;
      receivedAt: string;
      ownerDeptName: Label | null;
    };
export interface ListClientTicketsResult {
  clientId: string;
  /** Open tickets, newest first (up to 20). */
  open: ClientTicketView[];
  /** Closed or cancelled within the last 90 days, newest first (up to 10). */
  recent: ClientTicketView[];
}

export const FindTicketByNumberInput = z
  .object({ number: z.string().trim().toUpperCase().regex(/^HX-\d{8}-\d{4,}$/, 'a ticket number like HX-20261123-0001') })
  .strict();
export type FindTicketByNumberInput = z.infer<typeof FindTicketByNumberInput>;
/** Found and readable by the caller; otherwise the callable answers `not-found` (tickets.number_not_found). */
export interface FindTicketByNumberResult {
  id: string;
  number: string;
  title: string;
}

/**
 * The caller's change marker: changes whenever something the user should see changed (a
 * notification for them, a ticket they are involved in). The web polls this (1 read) and
 * refetches the open page only when `marker` differs from the last one it saw.
 */
export interface ChangeMarkerView {
  marker: string;
}

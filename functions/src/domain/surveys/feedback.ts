/**
 * Client-facing feedback (channel `web`): what a client may file without an account, and the
 * public status they may follow — never internal notes, names or departments. No Firebase.
 */
import type { TicketState } from '../vocabulary';
import type { PublicStatus } from './vocabulary';

/** Ticket states as the public sees them. */
export function publicStatusOf(state: TicketState): PublicStatus {
  switch (state) {
    case 'received':
      return 'received';
    case 'assigned':
    case 'in_progress':
    case 'waiting_on_client':
      return 'being_handled';
    case 'resolved':
    case 'callback':
    case 'verification':
      return 'resolved';
    case 'closed':
    case 'cancelled':
      return 'closed';
  }
}

/** Wrong follow codes allowed per ticket before it locks (ask the hotline). */
export const MAX_FOLLOW_ATTEMPTS = 5;

/** The organisation's day (UTC+8) as YYYYMMDD, for per-day abuse counters. */
export function limitDay(at: Date): string {
  return new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 10).replaceAll('-', '');
}

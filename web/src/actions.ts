/**
 * Actions offered on the ticket detail page, as data. Adding a transition (accept, resolve,
 * callback, verify, close, reopen, escalate, transfer) means adding an entry here: the detail
 * view renders one button per entry whose `available` says yes, runs it, then re-fetches.
 */
import type { MeView, TicketDetailView } from '../../functions/src/domain/api';
import type { Api } from './api';
import type { MessageKey } from './i18n';

export interface TicketAction {
  /** Stable id; the button gets `data-testid="action-<id>"`. */
  id: string;
  label: MessageKey;
  /** Visual weight of the button. */
  tone?: 'primary' | 'secondary' | 'danger';
  available(detail: TicketDetailView, me: MeView): boolean;
  /** Runs the action (typically one callable); may ask the user for input first. */
  run(api: Api, detail: TicketDetailView): Promise<void>;
}

/** Empty for the walking skeleton; transitions will be added here. */
export const TICKET_ACTIONS: readonly TicketAction[] = [];

/** What every signed-in view gets. */
import type { Auth } from 'firebase/auth';
import type { MeView } from '../../functions/src/domain/api';
import type { Api } from './api';

export interface Ctx {
  readonly api: Api;
  readonly auth: Auth;
  readonly me: MeView;
  navigate(hash: string): void;
  /** Re-fetch the unread-notification count now (e.g. after marking notifications read). */
  refreshUnread(): Promise<void>;
}

/** Renders into `root`; returns a cleanup (stop polling) called when the route changes. */
export type View = (ctx: Ctx, root: HTMLElement) => (() => void) | void;

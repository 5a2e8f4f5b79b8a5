/**
 * How an area of the web client (clients, surveys, KPIs, work orders, calendar…) plugs into the
 * app: its routes, its navigation entries and its UI messages, in one object per area. The router,
 * the header and vue-i18n read `AREAS` (./index.ts), so an area never edits the shared files.
 */
import type { RouteRecordRaw } from 'vue-router';
import type { Label, Role } from '../../../functions/src/domain/vocabulary';

export interface NavItem {
  /** Where the link goes. */
  to: string;
  /** data-testid of the link (`nav-<something>`). */
  testid: string;
  /** The link's text in both languages. */
  label: Label;
  /** Route names under which the link shows as active. */
  active: readonly string[];
  /** Roles that see the link (all signed-in staff when absent). Navigation only: the server decides. */
  roles?: readonly Role[];
}

/** UI messages of an area, nested under the area's id: `t('<id>.<key>')`. */
export interface AreaMessages {
  'zh-CN': Record<string, unknown>;
  en: Record<string, unknown>;
}

export interface WebArea {
  /** Short id, also the namespace of its messages. */
  id: string;
  /** Pages inside the signed-in frame (header and navigation). Paths without a leading '/'. */
  routes?: RouteRecordRaw[];
  /** Signed-in pages without the frame (print forms). Full paths; `meta.bare` is set for you. */
  bareRoutes?: RouteRecordRaw[];
  /** Public pages (no staff sign-in: survey answers, client feedback). Full paths; open to all. */
  openRoutes?: RouteRecordRaw[];
  nav?: NavItem[];
  messages?: AreaMessages;
}

export function defineArea(area: WebArea): WebArea {
  return area;
}

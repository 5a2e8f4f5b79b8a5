import type { DeptKind, Locale, Role } from './vocabulary';

/** Who is acting: rights come only from the verified token's claims, the name from the staff record. */
export interface Actor {
  uid: string;
  role: Role;
  deptId: string;
  /** Kind of the actor's department (quality, business…), from the department record. */
  deptKind: DeptKind | null;
  branchId: string;
  displayName: string;
  locale: Locale;
}

/** The system itself (triggers, timers). */
export const SYSTEM_ACTOR_NAME = '系统';

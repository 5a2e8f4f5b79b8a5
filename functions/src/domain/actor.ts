import type { Authority, DeptKind, Locale, Role } from './vocabulary';

/** Who is acting: rights come only from the verified token's claims, the name from the staff record. */
export interface Actor extends ActorScope {
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

/** Facts about an actor beyond the token, loaded with the staff record (lib/actor.ts requireActor). */
export interface ActorScope {
  /**
   * The actor's branch and every branch below it (city → counties → offices): quality and the
   * customer-service centre act across this tree. Absent = the actor's own branch only.
   */
  branchScope?: readonly string[];
  /** Settlement authority configured on the staff record (mall rules); absent/null = none. */
  authorityLevel?: Authority | null;
}

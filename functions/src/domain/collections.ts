/** Firestore collection names: one place, used by functions, tooling and tests. */
export const COL = {
  branches: 'branches',
  departments: 'departments',
  staff: 'staff',
  clients: 'clients',
  tickets: 'tickets',
  events: 'events', // subcollection of tickets
  private: 'private', // subcollection of tickets; doc id `reporter`
  notifications: 'notifications',
  mail: 'mail',
  deferredMail: 'deferredMail', // mail held back until its deliverAt (outside working hours)
  messages: 'messages',
  deferredMessages: 'deferredMessages', // SMS held back until its deliverAt (no texts at night)
  config: 'config',
  counters: 'counters',
  auditLog: 'auditLog',
  // KPIs (issue 12): read through callables only (no client rule grants them)
  kpiAggregates: 'kpiAggregates', // {month}_{branchId}_{deptId}: live counters, c_… fields
  kpiSnapshots: 'kpiSnapshots', // {month}_{branch|dept}_{id}: monthly snapshot, frozen when approved; subcollection marks
  kpiTargets: 'kpiTargets', // {year}: targets in percent
  kpiRebuilds: 'kpiRebuilds', // recomputations pending an admin's decision
} as const;

export const REPORTER_DOC = 'reporter';

/** History events are numbered; the id sorts in order. */
export function eventId(seq: number): string {
  return String(seq).padStart(6, '0');
}

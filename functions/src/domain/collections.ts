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
  ticketNumbers: 'ticketNumbers', // one document per issued ticket number: numbers are unique by write order
  auditLog: 'auditLog',
  // deadlines area: one marker per follow-up fired (`{ticketId}_{key}`), naming who was told
  followUps: 'followUps',
  // web API (issue 8): per-user change markers the web polls; complainants' phones for search
  changeMarkers: 'changeMarkers',
  reporterPhones: 'reporterPhones',

  // ── surveys and public feedback (domain/surveys) ──
  surveyQuestionnaires: 'surveyQuestionnaires', // + versions/{n}
  surveyCampaigns: 'surveyCampaigns', // + responses/{clientId}, stats/live
  surveyResponses: 'responses', // subcollection of surveyCampaigns; id = client id
  surveyTokens: 'surveyTokens', // id = sha256(token)
  surveyReports: 'surveyReports', // id = campaign id
  publicFollow: 'publicFollow', // id = ticket number; follow code hashed
  publicLimits: 'publicLimits', // per phone / IP per day counters (hashed keys)

  // ── work orders (domain/workorders) ──
  workOrders: 'workOrders', // history in the `events` subcollection
  callbackTasks: 'callbackTasks',
  callbackSamples: 'callbackSamples',
  statements: 'statements',
  paymentReferences: 'paymentReferences', // one per cash receipt / bank reference: used once

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

// ── Clients area (archive, import, classification, visits, spot checks) ──
export const CLIENTS_COL = {
  clientHistory: 'history', // subcollection of clients: append-only archive history
  clientPrivate: 'private', // subcollection of clients; doc `contacts` for clients who are persons
  purchases: 'purchases', // {clientId}_{YYYY-MM}
  purchaseMonths: 'purchaseMonths', // {YYYY-MM}: months an import is writing
  importJobs: 'importJobs', // + subcollection `chunks`
  importChunks: 'chunks',
  classificationRuns: 'classificationRuns', // {YYYY-Qn}
  monthlyScores: 'monthlyScores', // {clientId}_{YYYY-MM}
  visitPlans: 'visitPlans', // {managerUid}_{YYYY-MM}
  visits: 'visits',
  visitMisses: 'visitMisses', // {YYYY-MM}_{branchId}
  spotCheckSamples: 'spotCheckSamples', // {YYYY-MM}_{level}_{branchId}
  spotCheckRecords: 'spotCheckRecords', // {sampleId}_{clientId}
  surveyResponses: 'surveyResponses', // written by the surveys area; read here for the timeline when present
} as const;
export const CLIENT_CONTACTS_DOC = 'contacts';

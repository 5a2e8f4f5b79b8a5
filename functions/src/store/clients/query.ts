/** Reading the archive: search with filters, the client page with its timeline, XLSX export. */
import ExcelJS from 'exceljs';
import type { Firestore, Query } from 'firebase-admin/firestore';
import type { Actor } from '../../domain/actor';
import { CLIENTS_COL, COL } from '../../domain/collections';
import type { FindClientsInput } from '../../domain/clients/api';
import { canReadClient, canSeeClientContacts } from '../../domain/clients/policy';
import { ClientHistoryEntry, ClientRecord, CONTACT_FIELDS, MonthlyScore, SpotCheckRecord, Visit } from '../../domain/clients/schemas';
import { MARKET_LABELS, ZONE_LABELS } from '../../domain/clients/vocabulary';
import { Ticket } from '../../domain/documents';
import { canReadTicket } from '../../domain/policy';
import { CLIENT_TIER_LABELS, TICKET_KIND_LABELS, TICKET_STATE_LABELS } from '../../domain/vocabulary';
import { notFound } from '../../lib/errors';
import { fromFirestore, parseData } from '../../lib/firestore';
import { clientView, readClient, type ClientArchiveView } from './archive';
import { authorizeClients } from './errors';

const SEES_ALL = ['intake', 'leadership', 'auditor', 'admin'];

/** The narrowest server-side query for the reader; the policy filters each row afterwards. */
function baseQuery(db: Firestore, actor: Actor, input: Pick<FindClientsInput, 'branchId' | 'accountManagerUid'>): Query {
  const col = db.collection(COL.clients);
  if (actor.role === 'onsite') return col.where('accountManagerUid', '==', actor.uid);
  if (input.accountManagerUid) return col.where('accountManagerUid', '==', input.accountManagerUid);
  if (input.branchId) return col.where('branchId', '==', input.branchId);
  if (SEES_ALL.includes(actor.role) || actor.deptKind === 'evaluation') return col;
  return col.where('branchId', '==', actor.branchId);
}

function matches(id: string, c: ClientRecord, input: Omit<FindClientsInput, 'limit'>): boolean {
  if (!input.includeInactive && !c.active) return false;
  if (input.branchId && c.branchId !== input.branchId) return false;
  if (input.zone && c.zone !== input.zone) return false;
  if (input.format && c.format !== input.format) return false;
  if (input.tier && c.tier !== input.tier) return false;
  if (input.accountManagerUid && c.accountManagerUid !== input.accountManagerUid) return false;
  const q = input.query.trim().toLowerCase();
  if (!q) return true;
  // Persons' phones are on the private subdocument and are not searchable (privacy).
  const phones = [c.contactPhone, ...c.contacts.map((x) => x.phone), c.emergencyContact?.phone ?? ''].filter(Boolean);
  return c.name.toLowerCase().includes(q) || c.code.toLowerCase().includes(q) || id.toLowerCase() === q
    || (c.licenceNo !== '' && c.licenceNo.toLowerCase().includes(q)) || phones.some((p) => p.replace(/\D/g, '').includes(q.replace(/\D/g, '') || '\u0000'));
}

/** Clients the reader may see matching the filters, by code. Contacts are redacted per row. */
export async function findClients(db: Firestore, actor: Actor, input: Omit<FindClientsInput, 'limit'> & { limit?: number }): Promise<{ clients: ClientArchiveView[]; total: number }> {
  const snap = await baseQuery(db, actor, input).get();
  const rows: Array<{ id: string; c: ClientRecord }> = [];
  for (const d of snap.docs) {
    const c = parseData(ClientRecord, d.data(), d.ref.path);
    if (matches(d.id, c, input) && canReadClient(actor, c).allowed) rows.push({ id: d.id, c });
  }
  rows.sort((a, b) => (a.c.code < b.c.code ? -1 : a.c.code > b.c.code ? 1 : 0));
  const page = input.limit === undefined ? rows : rows.slice(0, input.limit);
  // Persons' contacts come from their private documents, read only for rows the reader may see them on.
  const needPrivate = page.filter((r) => r.c.personal && canSeeClientContacts(actor, r.c).allowed);
  const merged = new Map<string, ClientRecord>();
  await Promise.all(needPrivate.map(async (r) => merged.set(r.id, (await readClient(db, r.id)) ?? r.c)));
  return { clients: page.map((r) => clientView(r.id, merged.get(r.id) ?? r.c, actor)), total: rows.length };
}

export interface TimelineItem {
  at: string;
  type: 'history' | 'ticket' | 'callback' | 'visit' | 'survey' | 'spot_check' | 'score';
  title: string;
  detail: Record<string, unknown>;
}

/** One client's page: the archive and the whole history as one timeline, newest first. */
export async function readClientDetail(db: Firestore, actor: Actor, clientId: string): Promise<{ client: ClientArchiveView; timeline: TimelineItem[] }> {
  const client = await readClient(db, clientId);
  if (!client) throw notFound('client', clientId);
  authorizeClients(canReadClient(actor, client));
  const showContacts = canSeeClientContacts(actor, client).allowed;
  const ref = db.collection(COL.clients).doc(clientId);
  const [history, tickets, visits, surveys, checks, scores] = await Promise.all([
    ref.collection(CLIENTS_COL.clientHistory).get(),
    db.collection(COL.tickets).where('clientId', '==', clientId).get(),
    db.collection(CLIENTS_COL.visits).where('clientId', '==', clientId).get(),
    db.collection(CLIENTS_COL.surveyResponses).where('clientId', '==', clientId).get(),
    db.collection(CLIENTS_COL.spotCheckRecords).where('clientId', '==', clientId).get(),
    db.collection(CLIENTS_COL.monthlyScores).where('clientId', '==', clientId).get(),
  ]);
  const items: TimelineItem[] = [];
  for (const d of [...history.docs].reverse()) { // newest first among entries of the same instant
    const h = parseData(ClientHistoryEntry, d.data(), d.ref.path);
    const changes = Object.fromEntries(Object.entries(h.changes).map(([k, v]) =>
      [k, !showContacts && (CONTACT_FIELDS as readonly string[]).includes(k) ? { from: '***', to: '***' } : v]));
    items.push({ at: h.at.toISOString(), type: 'history', title: h.type, detail: { changes, reason: h.reason, quarter: h.quarter, actorName: h.actorName } });
  }
  for (const d of tickets.docs) {
    const t = parseData(Ticket, d.data(), d.ref.path);
    const readable = canReadTicket(actor, t).allowed;
    items.push({
      at: t.receivedAt.toISOString(), type: 'ticket', title: readable ? t.title : `${TICKET_KIND_LABELS[t.kind]['zh-CN']} ${t.number}`,
      detail: readable
        ? { ticketId: d.id, number: t.number, kind: t.kind, state: t.state, stateLabel: TICKET_STATE_LABELS[t.state], redacted: false }
        : { number: t.number, kind: t.kind, state: t.state, redacted: true },
    });
    if (readable && t.callbackResult) {
      items.push({ at: t.callbackResult.at.toISOString(), type: 'callback', title: t.number, detail: { ticketId: d.id, satisfied: t.callbackResult.satisfied, score: t.callbackResult.score } });
    }
  }
  for (const d of visits.docs) {
    const v = parseData(Visit, d.data(), d.ref.path);
    items.push({ at: `${v.date}T00:00:00.000Z`, type: 'visit', title: v.date, detail: { services: v.services, notes: v.notes, managerUid: v.managerUid } });
  }
  for (const d of surveys.docs) {
    // Owned by the surveys area: shown with whatever date and survey it names, nothing parsed beyond that.
    const s = fromFirestore(d.data()) as Record<string, unknown>;
    const at = [s.submittedAt, s.answeredAt, s.createdAt].find((x): x is Date => x instanceof Date);
    items.push({ at: (at ?? new Date(0)).toISOString(), type: 'survey', title: String(s.surveyId ?? s.surveyTitle ?? d.id), detail: { responseId: d.id } });
  }
  for (const d of checks.docs) {
    const r = parseData(SpotCheckRecord, d.data(), d.ref.path);
    items.push({ at: r.recordedAt.toISOString(), type: 'spot_check', title: `${r.level} ${r.month}`, detail: { reached: r.reached, satisfaction: r.satisfaction, findings: r.findings, ticketId: r.ticketId } });
  }
  for (const d of scores.docs) {
    const s = parseData(MonthlyScore, d.data(), d.ref.path);
    items.push({ at: s.scoredAt.toISOString(), type: 'score', title: s.month, detail: { score: s.score, late: s.late, note: s.note } });
  }
  items.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
  return { client: clientView(clientId, client, actor), timeline: items };
}

const HEADERS: Array<[string, (c: ClientArchiveView) => string | number]> = [
  ['客户编码', (c) => c.code], ['客户名称', (c) => c.name], ['许可证号', (c) => c.licenceNo], ['许可证有效期', (c) => c.licenceExpiry ?? ''],
  ['业态', (c) => c.format], ['市场类型', (c) => MARKET_LABELS[c.marketType]['zh-CN']], ['区域', (c) => ZONE_LABELS[c.zone]['zh-CN']],
  ['经营规模', (c) => c.scale], ['分类编码', (c) => c.combinedCode], ['客户等级', (c) => `${c.tier} ${CLIENT_TIER_LABELS[c.tier]['zh-CN']}`],
  ['客户经理', (c) => c.accountManagerUid ?? ''], ['线路', (c) => c.routeId], ['地址', (c) => c.address],
  ['联系人', (c) => (c.contactsRedacted ? '***' : c.contactName)], ['联系电话', (c) => (c.contactsRedacted ? '***' : c.contactPhone)],
  ['紧急联系人', (c) => (c.contactsRedacted ? '***' : c.emergencyContact ? `${c.emergencyContact.name} ${c.emergencyContact.phone}` : '')],
  ['状态', (c) => (c.active ? '正常' : '停用')], ['备注', (c) => c.notes],
];

/** The filtered list as an XLSX workbook (Chinese headers), base64; contacts only where the reader may see them. */
export async function exportClients(db: Firestore, actor: Actor, input: Omit<FindClientsInput, 'limit'>): Promise<{ fileName: string; contentBase64: string; rows: number }> {
  const { clients } = await findClients(db, actor, input);
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('客户档案');
  ws.addRow(HEADERS.map(([h]) => h));
  ws.getRow(1).font = { bold: true };
  for (const c of clients) ws.addRow(HEADERS.map(([, f]) => f(c)));
  const buf = Buffer.from(await wb.xlsx.writeBuffer());
  return { fileName: 'clients.xlsx', contentBase64: buf.toString('base64'), rows: clients.length };
}

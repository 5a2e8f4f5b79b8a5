import ExcelJS from 'exceljs';
import { emulatorProject } from '../../../test/support/emulator';
import { ManualClock } from '../../src/domain/clock';
import { useClock } from '../../src/lib/clock';
import { createClient } from '../../src/callables/clients/create-client';
import { updateClient } from '../../src/callables/clients/update-client';
import { deactivateClient } from '../../src/callables/clients/deactivate-client';
import { getClient } from '../../src/callables/clients/get-client';
import { findClients } from '../../src/callables/clients/find-clients';
import { exportClients } from '../../src/callables/clients/export-clients';
import { createTicket } from '../../src/callables/create-ticket';
import { overrideClientTier } from '../../src/callables/clients/override-client-tier';
import { listClients } from '../../src/callables/list-clients';
import { caller, refusal, seedClientOrg } from './fixtures';

const { db, fft, cleanup } = emulatorProject('clients-archive');
const call = caller(fft.wrap as never);
const clock = new ManualClock(new Date('2026-11-10T02:00:00Z'));

const shop = {
  code: 'CZ2-100', branchId: 'br-city', name: '百货便利', licenceNo: '430100200100', licenceExpiry: '2028-06-30',
  marketType: 'C', format: 'B', zone: 'city_a', address: '解放路 5 号', contactName: '周店长', contactPhone: '13900000100',
  accountManagerUid: 'u-onsite', routeId: 'R01',
};
const person = {
  code: 'XZ3-101', branchId: 'br-city', name: '张大爷烟摊', personal: true, marketType: 'X', format: 'Z', zone: 'rural',
  contactName: '张大爷', contactPhone: '13900000101', emergencyContact: { name: '张小明', phone: '13900000102' }, accountManagerUid: 'u-onsite',
};

beforeAll(async () => {
  useClock(clock);
  await seedClientOrg(db);
});
afterAll(cleanup);

describe('archive', () => {
  let shopId = '';
  let personId = '';

  test('create: code, combined code, tier from the rule, history entry 1', async () => {
    ({ clientId: shopId } = await call<{ clientId: string }>(createClient, 'u-business-head', shop));
    ({ clientId: personId } = await call<{ clientId: string }>(createClient, 'u-business-head', person));
    const doc = (await db.doc(`clients/${shopId}`).get()).data()!;
    expect(doc).toMatchObject({ code: 'CZ2-100', combinedCode: 'CB2', tier: 'B', scale: 2, version: 1, active: true });
    const history = await db.collection(`clients/${shopId}/history`).get();
    expect(history.docs.map((d) => d.get('type'))).toEqual(['created']);
  });

  test('a duplicate code, an unknown format or a manager of another branch is refused; nothing written', async () => {
    expect((await refusal(call(createClient, 'u-business-head', shop))).details?.reason).toBe('clients.code_taken');
    expect((await refusal(call(createClient, 'u-business-head', { ...shop, code: 'N1', format: 'W' }))).details?.reason).toBe('clients.unknown_format');
    expect((await refusal(call(createClient, 'u-business-head', { ...shop, code: 'N2', accountManagerUid: 'u-onsite-county' }))).details?.reason).toBe('clients.unknown_manager');
    expect((await refusal(call(createClient, 'u-business-head', { ...shop, code: 'N3', colour: 'red' }))).code).toBe('invalid-argument');
    expect((await refusal(call(createClient, 'u-onsite', { ...shop, code: 'N4' }))).code).toBe('permission-denied');
    expect((await db.collection('clients').where('code', 'in', ['N1', 'N2', 'N3', 'N4']).get()).size).toBe(0);
  });

  test('listClients (ticket intake) still works with archive clients', async () => {
    const { clients } = await call<{ clients: Array<{ code: string }> }>(listClients, 'u-intake', {});
    expect(clients.map((c) => c.code)).toEqual(expect.arrayContaining(['CZ2-100', 'XZ3-101', 'CZ1-001'])); // not last: its stream's status may outlive the app;
  });

  test('a person\'s contacts are kept off the readable document', async () => {
    const main = (await db.doc(`clients/${personId}`).get()).data()!;
    expect(main.contactPhone).toBe('');
    expect(main.emergencyContact).toBeNull();
    expect((await db.doc(`clients/${personId}/private/contacts`).get()).get('contactPhone')).toBe('13900000101');
  });

  test('update at the version seen appends history; a stale version is refused, nothing overwritten', async () => {
    const r = await call<{ version: number }>(updateClient, 'u-onsite', { clientId: shopId, expectedVersion: 1, patch: { address: '解放路 7 号', notes: '搬迁' }, reason: '地址变更' });
    expect(r.version).toBe(2);
    const stale = await refusal(call(updateClient, 'u-business-head', { clientId: shopId, expectedVersion: 1, patch: { address: '别处' } }));
    expect(stale).toMatchObject({ code: 'failed-precondition', details: { reason: 'clients.stale' } });
    // the account manager may edit but not hand the client to someone else
    expect((await refusal(call(updateClient, 'u-onsite', { clientId: shopId, expectedVersion: 2, patch: { accountManagerUid: 'u-onsite-2' } }))).code).toBe('permission-denied');
    const history = (await db.collection(`clients/${shopId}/history`).orderBy('at').get()).docs.map((d) => d.data());
    expect(history).toHaveLength(2);
    expect(history[1]).toMatchObject({ type: 'updated', reason: '地址变更', changes: { address: { from: '解放路 5 号', to: '解放路 7 号' } } });
    expect((await db.doc(`clients/${shopId}`).get()).get('address')).toBe('解放路 7 号');
  });

  test('a manual tier is history with its reason; only a business head of the client\'s branch sets it', async () => {
    await call(overrideClientTier, 'u-business-head', { clientId: shopId, tier: 'A', reason: '重点培育' });
    const doc = (await db.doc(`clients/${shopId}`).get()).data()!;
    expect(doc).toMatchObject({ tier: 'A', computedTier: 'B', tierOverride: { tier: 'A', reason: '重点培育' } });
    await db.doc('staff/u-county-head').set({ displayName: 'County Head', email: 'ch@example.com', role: 'head', deptId: 'dept-county-business', branchId: 'br-county', locale: 'zh-CN', disabled: false });
    const other = await refusal(fft.wrap(overrideClientTier as never)({ data: { clientId: shopId, tier: 'C', reason: 'x' }, auth: { uid: 'u-county-head', token: { uid: 'u-county-head', role: 'head', dept: 'dept-county-business', branch: 'br-county' } } } as never) as Promise<unknown>);
    expect(other.code).toBe('permission-denied');
    await call(overrideClientTier, 'u-business-head', { clientId: shopId, tier: null, reason: '恢复' });
    expect((await db.doc(`clients/${shopId}`).get()).data()).toMatchObject({ tier: 'B', tierOverride: null });
  });

  test('deactivate is history too; a deactivated client is not listed by default', async () => {
    await call(deactivateClient, 'u-business-head', { clientId: personId, reason: '停业' });
    expect((await refusal(call(deactivateClient, 'u-business-head', { clientId: personId, reason: '再次' }))).details?.reason).toBe('clients.already_inactive');
    const types = (await db.collection(`clients/${personId}/history`).get()).docs.map((d) => d.get('type'));
    expect(types).toEqual(['created', 'deactivated']);
    const { clients } = await call<{ clients: Array<{ id: string }> }>(findClients, 'u-business-head', {});
    expect(clients.map((c) => c.id)).not.toContain(personId);
    const all = await call<{ clients: Array<{ id: string }> }>(findClients, 'u-business-head', { includeInactive: true });
    expect(all.clients.map((c) => c.id)).toContain(personId);
    await call(deactivateClient, 'u-business-head', { clientId: personId, active: true, reason: '复业' });
  });

  test('search by name, code, licence number and phone; filters', async () => {
    const find = async (uid: string, data: object) => (await call<{ clients: Array<{ code: string }> }>(findClients, uid, data)).clients.map((c) => c.code);
    expect(await find('u-business-head', { query: '百货' })).toEqual(['CZ2-100']);
    expect(await find('u-business-head', { query: '430100200100' })).toEqual(['CZ2-100']);
    expect(await find('u-business-head', { query: '139 0000 0100' })).toEqual(['CZ2-100']);
    expect(await find('u-business-head', { zone: 'rural' })).toEqual(['XZ3-101']);
    expect(await find('u-business-head', { format: 'B', tier: 'B' })).toEqual(['CZ2-100']);
    expect(await find('u-county', { query: '百货' })).toEqual([]); // another branch
    expect(await find('u-onsite-2', {})).toEqual([]); // not his clients
    expect(await find('u-onsite', {})).toEqual(['CS2-003', 'CZ2-100', 'XZ3-101']);
  });

  test('contacts of a person: quality and the account manager see them, business staff do not', async () => {
    const view = async (uid: string) => (await call<{ client: { contactPhone: string; contactsRedacted: boolean } }>(getClient, uid, { clientId: personId })).client;
    expect(await view('u-quality-1')).toMatchObject({ contactPhone: '13900000101', contactsRedacted: false });
    expect(await view('u-onsite')).toMatchObject({ contactPhone: '13900000101', contactsRedacted: false });
    expect(await view('u-business-1')).toMatchObject({ contactPhone: '', contactsRedacted: true });
    expect((await view('u-business-1'))).not.toHaveProperty('emergencyContact.phone');
    expect((await refusal(call(getClient, 'u-county', { clientId: personId }))).code).toBe('permission-denied');
  });

  test('the timeline shows history and tickets, a ticket redacted for a reader who may not read it', async () => {
    await call(createTicket, 'u-intake', { requestId: 'archive-timeline-1', clientId: shopId, kind: 'complaint', subject: 'service_attitude', channel: 'hotline', title: '送货员态度差' });
    const mine = await call<{ timeline: Array<{ type: string; title: string; detail: { redacted?: boolean } }> }>(getClient, 'u-onsite', { clientId: shopId });
    const ticket = mine.timeline.find((t) => t.type === 'ticket')!;
    expect(ticket.detail.redacted).toBe(true);
    expect(ticket.title).not.toContain('态度');
    const quality = await call<{ timeline: Array<{ type: string; title: string }> }>(getClient, 'u-quality-1', { clientId: shopId });
    expect(quality.timeline.find((t) => t.type === 'ticket')!.title).toBe('送货员态度差');
    expect(quality.timeline.filter((t) => t.type === 'history').map((t) => t.title)).toEqual(['tier_override', 'tier_override', 'updated', 'created']);
  });

  test('export: XLSX with Chinese headers; person contacts only for those allowed', async () => {
    const read = async (uid: string) => {
      const { contentBase64 } = await call<{ contentBase64: string }>(exportClients, uid, {});
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(Buffer.from(contentBase64, 'base64') as unknown as ArrayBuffer);
      const rows: string[][] = [];
      wb.worksheets[0]!.eachRow((r) => rows.push((r.values as unknown[]).slice(1).map((v) => String(v ?? ''))));
      return rows;
    };
    const business = await read('u-business-1');
    expect(business[0]!.slice(0, 3)).toEqual(['客户编码', '客户名称', '许可证号']);
    const phoneCol = business[0]!.indexOf('联系电话');
    expect(business.find((r) => r[0] === 'XZ3-101')![phoneCol]).toBe('***');
    expect(business.find((r) => r[0] === 'CZ2-100')![phoneCol]).toBe('13900000100');
    const quality = await read('u-quality-1');
    expect(quality.find((r) => r[0] === 'XZ3-101')![phoneCol]).toBe('13900000101');
  });

});

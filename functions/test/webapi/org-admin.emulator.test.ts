/** Departments and branches for admins (issue 8.9): create, rename, head, parent — validated and audited. */
import { emulatorProject } from '../../../test/support/emulator';
import { seedOrgWithExtras, tokenOf } from '../../../test/support/fixtures';
import type { AuditEntryView } from '../../src/domain/org/api';
import { adminSaveBranch } from '../../src/callables/admin-save-branch';
import { adminSaveDepartment } from '../../src/callables/admin-save-department';
import { listAuditLog } from '../../src/callables/list-audit-log';

const { db, fft, cleanup } = emulatorProject('webapi-org');
jest.setTimeout(30_000);
type Call = (req: unknown) => Promise<unknown>;
const call = <T>(fn: unknown, uid: string, data: unknown) => (fft.wrap(fn as never) as unknown as Call)({ data, auth: tokenOf(uid) }) as Promise<T>;

async function rejection(p: Promise<unknown>): Promise<{ code: string; details: Record<string, unknown> }> {
  try {
    await p;
  } catch (e) {
    return e as { code: string; details: Record<string, unknown> };
  }
  throw new Error('expected a rejection');
}

beforeAll(() => seedOrgWithExtras(db));
afterAll(cleanup);

test('a department is created, renamed (both languages) and given a head from its own active members; each save audited by name', async () => {
  const dept = { id: 'dept-security', name: '保安部', kind: 'security', branchId: 'br-city', reason: '新设部门' };
  await call(adminSaveDepartment, 'u-admin', dept);
  await db.doc('staff/u-guard').set({ displayName: 'Guard Tang', email: 'guard@example.com', role: 'head', deptId: 'dept-security', branchId: 'br-city', locale: 'zh-CN', disabled: false });
  await call(adminSaveDepartment, 'u-admin', { ...dept, name: '安保部', nameEn: 'Security', headUid: 'u-guard', reason: '更名并任命负责人' });
  expect((await db.doc('departments/dept-security').get()).data()).toMatchObject({ name: '安保部', nameEn: 'Security', headUid: 'u-guard' });

  const notMember = await rejection(call(adminSaveDepartment, 'u-admin', { ...dept, headUid: 'u-business-1', reason: 'x' }));
  expect(notMember).toMatchObject({ code: 'invalid-argument', details: { fields: { headUid: expect.stringContaining('not an active member') } } });
  expect((await rejection(call(adminSaveDepartment, 'u-admin', { ...dept, headUid: 'u-nobody', reason: 'x' }))).code).toBe('invalid-argument');

  const log = await call<{ entries: AuditEntryView[] }>(listAuditLog, 'u-auditor', { action: 'department_saved' });
  expect(log.entries[0]).toMatchObject({
    targetName: { 'zh-CN': '安保部', en: 'Security' }, reason: '更名并任命负责人',
    changes: { name: { from: '保安部', to: '安保部' }, nameEn: { from: null, to: 'Security' }, headUid: { from: null, to: 'u-guard' } },
  });
});

test('a branch gets a new parent, but never one below itself', async () => {
  await call(adminSaveBranch, 'u-admin', { id: 'br-town', name: '镇办事处', nameEn: 'Town office', level: 'office', parentId: 'br-county', reason: '新设' });
  const cycle = await rejection(call(adminSaveBranch, 'u-admin', { id: 'br-city', name: '城市公司', level: 'city', parentId: 'br-town', reason: '调整' }));
  expect(cycle).toMatchObject({ code: 'invalid-argument', details: { fields: { parentId: expect.stringContaining('cycle') } } });
  expect((await db.doc('branches/br-city').get()).get('parentId')).toBeNull();
  await call(adminSaveBranch, 'u-admin', { id: 'br-town', name: '镇办事处', nameEn: 'Town office', level: 'office', parentId: 'br-city', reason: '改为市公司直属' });
  const log = await call<{ entries: AuditEntryView[] }>(listAuditLog, 'u-admin', { action: 'branch_saved' });
  expect(log.entries[0]).toMatchObject({ targetName: { 'zh-CN': '镇办事处', en: 'Town office' }, changes: { parentId: { from: 'br-county', to: 'br-city' } } });
});

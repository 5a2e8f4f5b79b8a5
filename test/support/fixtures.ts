/** A small organisation for emulator tests: a city company, a county branch, departments, staff, clients. */
import type { Firestore } from 'firebase-admin/firestore';
import type { Branch, Client, Department, Staff } from '../../functions/src/domain/documents';
import type { Role } from '../../functions/src/domain/vocabulary';

export const BRANCHES: Record<string, Branch> = {
  'br-city': { name: '城市公司', nameEn: 'City company', level: 'city', parentId: null },
  'br-county': { name: '县级分公司', nameEn: 'County branch', level: 'county', parentId: 'br-city' },
};

export const DEPARTMENTS: Record<string, Department> = {
  'dept-quality': { name: '品质管理部', nameEn: 'Quality', kind: 'quality', branchId: 'br-city', headUid: 'u-quality-head' },
  'dept-business': { name: '顾问经营部', nameEn: 'Business', kind: 'business', branchId: 'br-city', headUid: 'u-business-head' },
  'dept-cs': { name: '客户服务中心', nameEn: 'Customer service', kind: 'customer_service', branchId: 'br-city', headUid: null },
  'dept-engineering': { name: '工程部', nameEn: 'Engineering', kind: 'engineering', branchId: 'br-city', headUid: null },
  'dept-leadership': { name: '总经理室', nameEn: 'Leadership', kind: 'leadership', branchId: 'br-city', headUid: 'u-leader' },
  'dept-county-business': { name: '县分公司营销部', nameEn: 'County business', kind: 'business', branchId: 'br-county', headUid: null },
};

function staff(displayName: string, role: Role, deptId: string, branchId = 'br-city', locale: 'zh-CN' | 'en' = 'zh-CN'): Staff {
  return {
    displayName, email: `${displayName.toLowerCase().replace(/\s+/g, '.')}@example.com`, role, deptId, branchId, locale, disabled: false,
    authorityLevel: null,
  };
}

export const STAFF: Record<string, Staff> = {
  'u-intake': staff('Intake Li', 'intake', 'dept-cs'),
  // settles complaints up to the top (mall rules: store-manager level), see issue 9 point 8
  'u-quality-head': { ...staff('Quality Head Wang', 'head', 'dept-quality'), authorityLevel: 'store_manager' },
  'u-quality-1': staff('Quality Zhao', 'quality', 'dept-quality'),
  'u-quality-2': staff('Quality Qian', 'quality', 'dept-quality', 'br-city', 'en'),
  'u-business-head': staff('Business Head Sun', 'head', 'dept-business'),
  'u-business-1': staff('Business Zhou', 'staff', 'dept-business'),
  'u-engineer': staff('Engineer Wu', 'staff', 'dept-engineering'),
  'u-leader': staff('Leader Zheng', 'leadership', 'dept-leadership'),
  'u-auditor': staff('Auditor Feng', 'auditor', 'dept-leadership'),
  'u-county': staff('County Chen', 'staff', 'dept-county-business', 'br-county'),
};

export const CLIENTS: Record<string, Client> = {
  'c-1': {
    name: '万家便利店', code: 'CZ1-001', branchId: 'br-city', tier: 'A', marketType: 'C', format: 'convenience', scale: 1,
    zone: 'city_a', address: '人民路 1 号', contactName: '刘老板', contactPhone: '13800000001', accountManagerUid: null,
  },
  'c-2': {
    name: '乡里食杂店', code: 'XZ3-002', branchId: 'br-county', tier: 'C', marketType: 'X', format: 'grocery', scale: 3,
    zone: 'rural', address: '河西村', contactName: '陈大姐', contactPhone: '13800000002', accountManagerUid: null,
  },
};

export async function seedOrg(db: Firestore): Promise<void> {
  const batch = db.batch();
  for (const [id, b] of Object.entries(BRANCHES)) batch.set(db.collection('branches').doc(id), b);
  for (const [id, d] of Object.entries(DEPARTMENTS)) batch.set(db.collection('departments').doc(id), d);
  for (const [id, s] of Object.entries(STAFF)) batch.set(db.collection('staff').doc(id), s);
  for (const [id, c] of Object.entries(CLIENTS)) batch.set(db.collection('clients').doc(id), c);
  await batch.commit();
}

/** The `auth` part of a callable request for a seeded staff member, claims as set by an admin. */
export function authOf(uid: string): { uid: string; token: Record<string, unknown> } {
  const s = STAFF[uid];
  if (!s) throw new Error(`no fixture staff ${uid}`);
  return { uid, token: { uid, role: s.role, dept: s.deptId, branch: s.branchId } };
}

// ── Policy and administration suites (seeded only by them, so other suites' recipients don't change) ──

export const EXTRA_DEPARTMENTS: Record<string, Department> = {
  'dept-onsite': { name: '现场服务', nameEn: 'On-site service', kind: 'onsite', branchId: 'br-city', headUid: null },
  'dept-county-quality': { name: '县品质管理部', nameEn: 'County quality', kind: 'quality', branchId: 'br-county', headUid: null },
};

export const EXTRA_STAFF: Record<string, Staff> = {
  'u-admin': staff('Admin Ma', 'admin', 'dept-cs'),
  'u-onsite': staff('Onsite He', 'onsite', 'dept-onsite'),
  'u-county-quality': staff('County Quality Lu', 'quality', 'dept-county-quality', 'br-county'),
};

export const EXTRA_CLIENTS: Record<string, Client> = {
  'c-3': {
    name: '和平超市', code: 'CS2-003', branchId: 'br-city', tier: 'B', marketType: 'C', format: 'supermarket', scale: 2,
    zone: 'city_b', address: '和平路 3 号', contactName: '何经理', contactPhone: '13800000003', accountManagerUid: 'u-onsite',
  },
};

/** The fixture org plus the extra departments, staff and clients above. */
export async function seedOrgWithExtras(db: Firestore): Promise<void> {
  await seedOrg(db);
  const batch = db.batch();
  for (const [id, d] of Object.entries(EXTRA_DEPARTMENTS)) batch.set(db.collection('departments').doc(id), d);
  for (const [id, s] of Object.entries(EXTRA_STAFF)) batch.set(db.collection('staff').doc(id), s);
  for (const [id, c] of Object.entries(EXTRA_CLIENTS)) batch.set(db.collection('clients').doc(id), c);
  await batch.commit();
}

/** `authOf` for fixture or extra staff, optionally with other claims (a stale or forged token). */
export function tokenOf(uid: string, claims: Partial<{ role: string; dept: string; branch: string }> = {}): { uid: string; token: Record<string, unknown> } {
  const s = STAFF[uid] ?? EXTRA_STAFF[uid];
  if (!s) throw new Error(`no fixture staff ${uid}`);
  return { uid, token: { uid, role: s.role, dept: s.deptId, branch: s.branchId, ...claims } };
}

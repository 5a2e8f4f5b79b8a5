/**
 * The departments a new deployment starts with, from the domain brief (shared/domain.md);
 * admins edit them afterwards. Used by scripts/bootstrap-admin.mjs.
 */
import type { Branch, Department } from '../documents';

export const SEED_BRANCH_ID = 'hq';

export const SEED_BRANCHES: Record<string, Branch> = {
  [SEED_BRANCH_ID]: { name: '总公司', nameEn: 'Head office', level: 'city', parentId: null },
};

export const SEED_DEPARTMENTS: Record<string, Department> = {
  quality: { name: '品质管理部', nameEn: 'Quality', kind: 'quality', branchId: SEED_BRANCH_ID, headUid: null },
  business: { name: '顾问经营部', nameEn: 'Business', kind: 'business', branchId: SEED_BRANCH_ID, headUid: null },
  'customer-service': { name: '客户服务中心', nameEn: 'Customer service', kind: 'customer_service', branchId: SEED_BRANCH_ID, headUid: null },
  engineering: { name: '工程部', nameEn: 'Engineering', kind: 'engineering', branchId: SEED_BRANCH_ID, headUid: null },
  security: { name: '保安部', nameEn: 'Security', kind: 'security', branchId: SEED_BRANCH_ID, headUid: null },
  finance: { name: '财务部', nameEn: 'Finance', kind: 'finance', branchId: SEED_BRANCH_ID, headUid: null },
  leadership: { name: '总经理室', nameEn: 'Leadership', kind: 'leadership', branchId: SEED_BRANCH_ID, headUid: null },
  onsite: { name: '现场服务', nameEn: 'On-site service', kind: 'onsite', branchId: SEED_BRANCH_ID, headUid: null },
  evaluation: { name: '投诉考评中心', nameEn: 'Complaint evaluation centre', kind: 'evaluation', branchId: SEED_BRANCH_ID, headUid: null },
};

// Demo organisation for the local stack: 回响物业, a property-management company with a city
// company and one county branch. Plain data; scripts/seed.mjs writes it. Field shapes follow
// functions/src/domain/documents.ts (Branch, Department, Staff, Client) and api.ts
// (CreateTicketInput). Every demo account has the same password.

export const DEMO_PASSWORD = 'huixiang-demo';
export const DEMO_EMAIL_DOMAIN = 'huixiang.demo';

/** @type {Record<string, { name: string, nameEn: string, level: 'city'|'county'|'office', parentId: string|null }>} */
export const branches = {
  'br-city': { name: '回响物业城市公司', nameEn: 'Huixiang Property — City Company', level: 'city', parentId: null },
  'br-county': { name: '回响物业青石县分公司', nameEn: 'Huixiang Property — Qingshi County Branch', level: 'county', parentId: 'br-city' },
};

/** headUid is filled from `staff` (the member with role `head` or `leadership` marked `heads`). */
export const departments = {
  'dept-quality': { name: '品质管理部', nameEn: 'Quality Management', kind: 'quality', branchId: 'br-city' },
  'dept-business': { name: '顾问经营部', nameEn: 'Business & Advisory', kind: 'business', branchId: 'br-city' },
  'dept-cs': { name: '客户服务中心', nameEn: 'Customer Service Centre', kind: 'customer_service', branchId: 'br-city' },
  'dept-engineering': { name: '工程部', nameEn: 'Engineering', kind: 'engineering', branchId: 'br-city' },
  'dept-security': { name: '保安部', nameEn: 'Security', kind: 'security', branchId: 'br-city' },
  'dept-finance': { name: '财务部', nameEn: 'Finance', kind: 'finance', branchId: 'br-city' },
  'dept-leadership': { name: '总经理室', nameEn: "General Manager's Office", kind: 'leadership', branchId: 'br-city' },
  'dept-onsite': { name: '现场服务', nameEn: 'On-site Service', kind: 'onsite', branchId: 'br-city' },
  'dept-county-onsite': { name: '青石县现场服务', nameEn: 'On-site Service (Qingshi County)', kind: 'onsite', branchId: 'br-county' },
};

/**
 * Staff accounts (Auth emulator users + `staff/{uid}` docs). `login` is the part before @.
 * `heads`: the department this person heads (sets departments/{id}.headUid).
 */
export const staff = [
  { uid: 'u-admin', login: 'admin', displayName: '周文斌', role: 'admin', deptId: 'dept-leadership', branchId: 'br-city', title: '系统管理员' },
  { uid: 'u-intake', login: 'intake', displayName: '李晓雯', role: 'intake', deptId: 'dept-cs', branchId: 'br-city', title: '客服中心受理员' },
  { uid: 'u-cs-head', login: 'cs.head', displayName: '陈静', role: 'head', deptId: 'dept-cs', branchId: 'br-city', heads: 'dept-cs', title: '客户服务中心主任', authorityLevel: 'cs_manager' },
  { uid: 'u-quality-head', login: 'quality.head', displayName: '王建国', role: 'head', deptId: 'dept-quality', branchId: 'br-city', heads: 'dept-quality', title: '品质管理部经理', authorityLevel: 'store_manager' },
  { uid: 'u-quality-1', login: 'quality.liu', displayName: '刘芳', role: 'quality', deptId: 'dept-quality', branchId: 'br-city', title: '品质专员' },
  { uid: 'u-quality-2', login: 'quality.zhao', displayName: '赵磊', role: 'quality', deptId: 'dept-quality', branchId: 'br-city', title: '品质专员' },
  { uid: 'u-business-head', login: 'business.head', displayName: '孙丽华', role: 'head', deptId: 'dept-business', branchId: 'br-city', heads: 'dept-business', title: '顾问经营部经理', authorityLevel: 'cs_manager' },
  { uid: 'u-business-1', login: 'business.wu', displayName: '吴昊', role: 'staff', deptId: 'dept-business', branchId: 'br-city', title: '经营专员' },
  { uid: 'u-engineer', login: 'engineering.zheng', displayName: '郑强', role: 'staff', deptId: 'dept-engineering', branchId: 'br-city', title: '维修工程师' },
  { uid: 'u-engineering-head', login: 'engineering.head', displayName: '钱国栋', role: 'head', deptId: 'dept-engineering', branchId: 'br-city', heads: 'dept-engineering', title: '工程部经理', authorityLevel: 'cs_manager' },
  { uid: 'u-leader', login: 'leader', displayName: '黄志明', role: 'leadership', deptId: 'dept-leadership', branchId: 'br-city', heads: 'dept-leadership', title: '总经理' },
  { uid: 'u-auditor', login: 'auditor', displayName: '何敏', role: 'auditor', deptId: 'dept-finance', branchId: 'br-city', title: '内审专员(只读)' },
  { uid: 'u-onsite', login: 'onsite.ma', displayName: '马俊', role: 'onsite', deptId: 'dept-onsite', branchId: 'br-city', title: '客户经理' },
  { uid: 'u-onsite-county', login: 'onsite.lin', displayName: '林小燕', role: 'onsite', deptId: 'dept-county-onsite', branchId: 'br-county', title: '客户经理(青石县)' },
];

export const emailOf = (login) => `${login}@${DEMO_EMAIL_DOMAIN}`;

/**
 * Business formats (业态) used by the demo clients: code → label.
 * Client.code = market type + format + scale + '-' + number, e.g. `CS1-001`.
 */
export const formats = { Z: '食杂店', B: '便利店', S: '超市', M: '商场', Y: '烟酒商店', E: '娱乐服务', Q: '其他' };

const c = (n, name, branchId, tier, marketType, format, scale, zone, address, contactName, contactPhone, accountManagerUid) => [
  `client-${String(n).padStart(3, '0')}`,
  { name, code: `${marketType}${format}${scale}-${String(n).padStart(3, '0')}`, branchId, tier, marketType, format, scale, zone,
    address, contactName, contactPhone, accountManagerUid },
];

export const clients = Object.fromEntries([
  c(1, '翠湖花园业主委员会', 'br-city', 'A', 'C', 'Q', 1, 'city_a', '城东区翠湖路88号', '张德明', '13807310001', 'u-onsite'),
  c(2, '万家福超市(翠湖店)', 'br-city', 'A', 'C', 'S', 1, 'city_a', '城东区翠湖路90号翠湖花园商业街1层', '许晓光', '13807310002', 'u-onsite'),
  c(3, '便民之家便利店', 'br-city', 'B', 'C', 'B', 2, 'city_a', '城东区翠湖路88号翠湖花园南门', '邓丽', '13807310003', 'u-onsite'),
  c(4, '金鼎商厦', 'br-city', 'A', 'C', 'M', 1, 'city_b', '河西区人民中路168号', '蒋振华', '13807310004', 'u-onsite'),
  c(5, '老王食杂店', 'br-city', 'C', 'C', 'Z', 3, 'city_b', '河西区桂花巷12号', '王长贵', '13807310005', 'u-onsite'),
  c(6, '鸿运烟酒行', 'br-city', 'B', 'C', 'Y', 2, 'city_b', '河西区人民中路172号', '罗鸿', '13807310006', 'u-onsite'),
  c(7, '星光KTV', 'br-city', 'B', 'C', 'E', 2, 'city_b', '河西区金鼎商厦5层', '谢星', '13807310007', 'u-onsite'),
  c(8, '阳光幼儿园', 'br-city', 'B', 'C', 'Q', 2, 'city_a', '城东区翠湖花园12栋旁', '唐阳', '13807310008', 'u-onsite'),
  c(9, '青石镇惠民超市', 'br-county', 'B', 'C', 'S', 2, 'township', '青石县青石镇解放街21号', '曾惠民', '13907320009', 'u-onsite-county'),
  c(10, '红梅食杂店', 'br-county', 'C', 'C', 'Z', 3, 'township', '青石县青石镇红梅路5号', '彭红梅', '13907320010', 'u-onsite-county'),
  c(11, '柳河村小卖部', 'br-county', 'C', 'X', 'Z', 3, 'rural', '青石县柳河乡柳河村3组', '田大富', '13907320011', 'u-onsite-county'),
  c(12, '河湾村农家便利店', 'br-county', 'C', 'X', 'B', 3, 'rural', '青石县柳河乡河湾村', '韩秀英', '13907320012', 'u-onsite-county'),
]);

/**
 * Demo tickets, created through the real `createTicket` callable as user `as` (a `staff` uid).
 * `input` is a CreateTicketInput. `steps` (optional) run afterwards, in order, each calling a
 * callable as a user; the string '$ticket' anywhere in `data` is replaced by the new ticket id.
 * A step may first wait for the ticket document to reach some field values:
 *   { waitFor: { state: 'assigned' } } (polls tickets/{id}, up to 20 s).
 * Steps whose callable is not deployed (yet) are skipped with a warning.
 *
 * @type {Array<{ ref: string, as: string, input: object,
 *   steps?: Array<{ fn: string, as: string, data: object, waitFor?: Record<string, unknown> }> }>}
 */
export const tickets = [
  {
    ref: 'expired-milk',
    as: 'u-intake',
    input: {
      clientId: 'client-002', kind: 'complaint', subject: 'goods_expired', channel: 'hotline',
      title: '货架上出售过期牛奶',
      description: '顾客来电反映：今天上午在万家福超市(翠湖店)购买的两盒鲜牛奶已过保质期两天，要求退货并说明情况。',
      reporter: { name: '杨女士', phone: '13600001111', email: '', consentToContact: true },
    },
    steps: [],
  },
  {
    ref: 'guard-attitude',
    as: 'u-intake',
    input: {
      clientId: 'client-004', kind: 'complaint', subject: 'service_attitude', channel: 'walk_in',
      title: '地下车库保安态度恶劣',
      description: '金鼎商厦租户到前台投诉：晚上9点在地下车库询问出口时，值班保安语气生硬并拒绝指引。',
      reporter: { name: '蒋先生', phone: '13700002222', email: 'jiang@example.com', consentToContact: true },
    },
  },
  {
    ref: 'slip-injury',
    as: 'u-intake',
    input: {
      clientId: 'client-004', kind: 'complaint', subject: 'safety_accident', channel: 'hotline',
      title: '商厦大堂地面湿滑致顾客摔伤，要求赔偿',
      description: '顾客在金鼎商厦一楼大堂因拖地后未设警示牌滑倒，右手腕扭伤，就医花费约2600元，要求物业赔偿。',
      claimedAmount: 2600, compensation: true, major: true,
      reporter: { name: '刘先生', phone: '13500003333', email: '', consentToContact: false },
    },
  },
  {
    ref: 'lift-repair',
    as: 'u-intake',
    input: {
      clientId: 'client-001', kind: 'repair', channel: 'hotline',
      title: '3栋2单元电梯停在5楼不动',
      description: '业主委员会来电：3栋2单元电梯从早上7点起停在5楼，按键无反应，有老人需要上下楼，请尽快维修。',
    },
  },
  {
    ref: 'parking-hours',
    as: 'u-intake',
    input: {
      clientId: 'client-003', kind: 'suggestion', channel: 'web',
      title: '建议延长南门临时停车时间',
      description: '便利店店主建议将南门临时停车位的开放时间延长至晚上10点，方便晚间进货。',
    },
  },
  {
    ref: 'fee-inquiry',
    as: 'u-onsite-county',
    input: {
      clientId: 'client-009', kind: 'inquiry', channel: 'onsite',
      title: '咨询物业费能否按季度缴纳',
      description: '客户经理巡访时客户询问：物业服务费能否由按月改为按季度缴纳，以及是否支持对公转账。',
    },
  },
  {
    ref: 'thanks-engineering',
    as: 'u-intake',
    input: {
      clientId: 'client-008', kind: 'praise', channel: 'letter',
      title: '感谢工程部连夜抢修水管',
      description: '阳光幼儿园来信感谢工程部郑师傅周日晚上连夜抢修爆裂的供水管，保证了周一正常开园。',
    },
  },
];

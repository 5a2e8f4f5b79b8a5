/**
 * The words of the domain, as zod enums with zh-CN / en labels.
 * The same identifiers are used in code, in Firestore fields and in the web client.
 */
import { z } from 'zod';

export const LOCALES = ['zh-CN', 'en'] as const;
export const Locale = z.enum(LOCALES);
export type Locale = z.infer<typeof Locale>;

/** A label in both UI languages. */
export type Label = Readonly<Record<Locale, string>>;

/** A zod enum and its labels in both languages, from one table (every area's vocabulary uses it). */
export function labelled<const T extends string>(labels: Record<T, Label>) {
  const keys = Object.keys(labels) as [T, ...T[]];
  return { schema: z.enum(keys), labels: labels as Readonly<Record<T, Label>> };
}

const ticketKinds = labelled({
  complaint: { 'zh-CN': '投诉', en: 'Complaint' },
  suggestion: { 'zh-CN': '建议', en: 'Suggestion' },
  inquiry: { 'zh-CN': '咨询', en: 'Inquiry' },
  praise: { 'zh-CN': '表扬', en: 'Praise' },
  repair: { 'zh-CN': '报修', en: 'Repair request' },
  paid_service: { 'zh-CN': '有偿服务', en: 'Paid service' },
});
export const TicketKind = ticketKinds.schema;
export type TicketKind = z.infer<typeof TicketKind>;
export const TICKET_KIND_LABELS = ticketKinds.labels;

const complaintSubjects = labelled({
  goods_price: { 'zh-CN': '商品价格', en: 'Goods: price' },
  goods_quality: { 'zh-CN': '商品质量', en: 'Goods: quality' },
  goods_damaged: { 'zh-CN': '商品破损', en: 'Goods: damaged' },
  goods_expired: { 'zh-CN': '商品过期', en: 'Goods: expired' },
  goods_label_mismatch: { 'zh-CN': '货签不符', en: 'Goods: label mismatch' },
  goods_no_chinese_label: { 'zh-CN': '进口商品无中文标识', en: 'Goods: imported without Chinese label' },
  goods_out_of_stock: { 'zh-CN': '商品缺货', en: 'Goods: out of stock' },
  service_attitude: { 'zh-CN': '服务态度', en: 'Service: staff attitude' },
  service_checkout: { 'zh-CN': '收银结算', en: 'Service: checkout' },
  service_missing: { 'zh-CN': '服务缺失', en: 'Service: missing' },
  service_improper: { 'zh-CN': '服务不当', en: 'Service: improper' },
  service_withdrawn: { 'zh-CN': '服务撤销', en: 'Service: withdrawn' },
  safety_accident: { 'zh-CN': '安全事故', en: 'Safety: accident' },
  safety_environment: { 'zh-CN': '安全环境', en: 'Safety: environment' },
});
export const ComplaintSubject = complaintSubjects.schema;
export type ComplaintSubject = z.infer<typeof ComplaintSubject>;
export const COMPLAINT_SUBJECT_LABELS = complaintSubjects.labels;

const channels = labelled({
  hotline: { 'zh-CN': '热线电话', en: 'Hotline' },
  onsite: { 'zh-CN': '现场人员', en: 'On-site staff' },
  walk_in: { 'zh-CN': '来访/前台', en: 'Walk-in / front desk' },
  email: { 'zh-CN': '电子邮件', en: 'E-mail' },
  letter: { 'zh-CN': '信函/传真', en: 'Letter / fax' },
  web: { 'zh-CN': '网站', en: 'Web' },
  sms: { 'zh-CN': '短信', en: 'SMS' },
  forum: { 'zh-CN': '客户论坛', en: 'Customer forum' },
  survey: { 'zh-CN': '调查问卷', en: 'Survey answer' },
});
export const Channel = channels.schema;
export type Channel = z.infer<typeof Channel>;
export const CHANNEL_LABELS = channels.labels;

const ticketStates = labelled({
  received: { 'zh-CN': '已受理', en: 'Received' },
  assigned: { 'zh-CN': '已分派', en: 'Assigned' },
  in_progress: { 'zh-CN': '处理中', en: 'In progress' },
  waiting_on_client: { 'zh-CN': '等待客户', en: 'Waiting on client' },
  resolved: { 'zh-CN': '已处理', en: 'Resolved' },
  callback: { 'zh-CN': '待回访', en: 'Awaiting callback' },
  verification: { 'zh-CN': '待查验', en: 'Awaiting verification' },
  closed: { 'zh-CN': '已关闭', en: 'Closed' },
  cancelled: { 'zh-CN': '已撤销', en: 'Cancelled' },
});
export const TicketState = ticketStates.schema;
export type TicketState = z.infer<typeof TicketState>;
export const TICKET_STATE_LABELS = ticketStates.labels;

/** What a department does; routing targets department kinds, not names. */
const deptKinds = labelled({
  quality: { 'zh-CN': '品质管理部', en: 'Quality' },
  business: { 'zh-CN': '顾问经营部', en: 'Business' },
  customer_service: { 'zh-CN': '客户服务中心', en: 'Customer service' },
  engineering: { 'zh-CN': '工程部', en: 'Engineering' },
  security: { 'zh-CN': '保安部', en: 'Security' },
  finance: { 'zh-CN': '财务部', en: 'Finance' },
  leadership: { 'zh-CN': '总经理室', en: 'Leadership' },
  onsite: { 'zh-CN': '现场服务', en: 'On-site service' },
  evaluation: { 'zh-CN': '投诉考评中心', en: 'Complaint evaluation centre' },
});
export const DeptKind = deptKinds.schema;
export type DeptKind = z.infer<typeof DeptKind>;
export const DEPT_KIND_LABELS = deptKinds.labels;

const roles = labelled({
  intake: { 'zh-CN': '受理员', en: 'Intake agent' },
  onsite: { 'zh-CN': '现场人员/客户经理', en: 'On-site staff / account manager' },
  staff: { 'zh-CN': '部门员工', en: 'Department staff' },
  head: { 'zh-CN': '部门负责人', en: 'Department head' },
  quality: { 'zh-CN': '品质管理', en: 'Quality' },
  leadership: { 'zh-CN': '公司领导', en: 'Leadership' },
  auditor: { 'zh-CN': '审计(只读)', en: 'Auditor (read-only)' },
  admin: { 'zh-CN': '系统管理员', en: 'Administrator' },
});
export const Role = roles.schema;
export type Role = z.infer<typeof Role>;
export const ROLE_LABELS = roles.labels;

const tiers = labelled({
  A: { 'zh-CN': '重点客户', en: 'Key' },
  B: { 'zh-CN': '普通客户', en: 'Regular' },
  C: { 'zh-CN': '扶持客户', en: 'Supported' },
});
export const ClientTier = tiers.schema;
export type ClientTier = z.infer<typeof ClientTier>;
export const CLIENT_TIER_LABELS = tiers.labels;

/** Who may settle a complaint, by claimed value and gravity (mall rules [001 商场 三(五)]). */
const authorities = labelled({
  cs_staff: { 'zh-CN': '客服人员', en: 'CS staff' },
  cs_manager: { 'zh-CN': '客服经理', en: 'CS manager' },
  store_manager: { 'zh-CN': '店长/总经理', en: 'Store manager' },
});
export const Authority = authorities.schema;
export type Authority = z.infer<typeof Authority>;
export const AUTHORITY_LABELS = authorities.labels;

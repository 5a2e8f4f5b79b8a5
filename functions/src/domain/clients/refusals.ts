/** Refusals of the client area (reason codes with zh-CN / en text). */
import type { Catalogue } from '../refusal';

export const CLIENTS_REFUSALS = {
  'clients.code_taken': { 'zh-CN': '客户编码 {code} 已被使用', en: 'Client code {code} is already used' },
  'clients.unknown_format': { 'zh-CN': '业态 {format} 不在业态清单中', en: 'Format {format} is not in the list of formats' },
  'clients.unknown_manager': { 'zh-CN': '客户经理 {uid} 不存在或不在该单位', en: 'Account manager {uid} does not exist or is in another branch' },
  'clients.stale': { 'zh-CN': '客户档案已被他人修改(版本 {current})，请刷新后再试', en: 'The client changed meanwhile (version {current}): reload and try again' },
  'clients.inactive': { 'zh-CN': '客户 {id} 已停用', en: 'Client {id} is deactivated' },
  'clients.already_inactive': { 'zh-CN': '客户 {id} 已是停用状态', en: 'Client {id} is already deactivated' },
  'clients.import_invalid': { 'zh-CN': '文件有 {count} 处错误，未导入任何数据', en: 'The file has {count} errors: nothing was imported' },
  'clients.import_unreadable': { 'zh-CN': '无法读取文件：{why}', en: 'Cannot read the file: {why}' },
  'clients.month_importing': { 'zh-CN': '{month} 的购进数据正在导入，请稍后再试', en: 'Purchases of {month} are being imported: try again later' },
  'clients.quarter_not_over': { 'zh-CN': '{quarter} 季度尚未结束', en: 'Quarter {quarter} is not over yet' },
  'clients.service_not_in_tier': { 'zh-CN': '服务项目 {service} 不属于 {tier} 类客户的服务标准', en: 'Service {service} is not part of the tier {tier} service list' },
  'clients.visit_in_future': { 'zh-CN': '拜访日期 {date} 晚于今天', en: 'Visit date {date} is after today' },
  'clients.not_in_sample': { 'zh-CN': '客户 {clientId} 不在抽查样本 {sampleId} 中', en: 'Client {clientId} is not in spot-check sample {sampleId}' },
  'clients.already_recorded': { 'zh-CN': '该抽查已记录', en: 'This spot check is already recorded' },
  // The area's policy (policy.ts): who may do what.
  'clients.other_branch_managed': { 'zh-CN': '其他分公司的客户由该分公司管理', en: 'Clients of another branch are managed there' },
  'clients.keepers_only': { 'zh-CN': '客户档案由业务部、客服中心和现场服务人员维护', en: 'Client records are kept by the business, customer-service and on-site departments' },
  'clients.edit_keepers_only': { 'zh-CN': '只有客户经理和维护客户档案的部门可以修改客户信息', en: 'Only the account manager and the departments that keep client records edit a client' },
  'clients.private_contacts_hidden': { 'zh-CN': '个人客户的联系方式仅品质管理部、公司领导、评价中心和其客户经理可见', en: 'The contacts of a private person are visible only to quality, leadership, the evaluation centre and their account manager' },
  'clients.classification_business': { 'zh-CN': '客户分类由业务部执行', en: 'Classification is run by the business department' },
  'clients.visits_manager_only': { 'zh-CN': '走访记录由该客户的客户经理填写', en: 'Visits are recorded by the client\'s account manager' },
  'clients.visits_own_only': { 'zh-CN': '客户经理只能查看自己的走访记录', en: 'Account managers see their own visits' },
  'clients.coverage_heads_quality': { 'zh-CN': '走访覆盖情况供本分公司负责人和品质管理部查看', en: 'Visit coverage is for the heads and quality of the branch' },
  'clients.city_checks_evaluation': { 'zh-CN': '市级抽查由评价中心进行', en: 'City-level checks are made by the evaluation centre' },
  'clients.spot_check_other_branch': { 'zh-CN': '不能抽查其他分公司的客户', en: 'Spot checks of another branch are not yours to make' },
  'clients.spot_checks_who': { 'zh-CN': '抽查由品质管理部、评价中心和客服中心负责人进行', en: 'Spot checks are made by quality, the evaluation centre and the customer-service head' },
  'clients.spot_results_who': { 'zh-CN': '抽查结果仅供抽查人员、分公司负责人和被抽查人查看', en: 'Spot-check results are for the checkers, the branch heads and the person checked' },
} as const satisfies Catalogue;
export type ClientsRefusal = keyof typeof CLIENTS_REFUSALS;

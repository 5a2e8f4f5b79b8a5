/** Refusals of the client area (reason codes with zh-CN / en text). */
import type { Catalogue } from '../refusal';

export const CLIENTS_REFUSALS = {
  'clients.not_allowed': { 'zh-CN': '您无权执行此操作：{why}', en: 'Not allowed: {why}' },
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
} as const satisfies Catalogue;
export type ClientsRefusal = keyof typeof CLIENTS_REFUSALS;

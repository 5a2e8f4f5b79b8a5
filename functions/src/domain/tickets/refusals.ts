/**
 * Refusals of the ticket list, pickers and change marker (reason codes the web translates).
 * Wire format: domain/refusal.ts.
 */
import type { Catalogue } from '../refusal';

export const TICKETS_REFUSALS = {
  'tickets.bad_cursor': { 'zh-CN': '分页位置无效，请从第一页重新加载', en: 'This page position is no longer valid: reload from the first page' },
  'tickets.number_not_found': { 'zh-CN': '找不到编号为 {number} 的工单，或您无权查看', en: 'No ticket {number}, or you may not see it' },
  'tickets.client_not_visible': { 'zh-CN': '客户 {clientId} 不存在或不在您的范围内', en: 'Client {clientId} does not exist or is outside your scope' },
  'tickets.dept_not_visible': { 'zh-CN': '您不能查看部门 {deptId} 的人员', en: 'You may not list the staff of department {deptId}' },
} as const satisfies Catalogue;
export type TicketsRefusal = keyof typeof TICKETS_REFUSALS;

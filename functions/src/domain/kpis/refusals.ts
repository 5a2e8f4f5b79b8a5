/** Why the KPI callables say no: stable codes with zh-CN and English text (refusal kernel). */
import type { Catalogue } from '../refusal';

export const KPIS_REFUSALS = {
  'kpis.month_not_closed': { 'zh-CN': '{month} 尚未结束，不能审核或发布', en: 'The month {month} is not over yet: it cannot be approved or published' },
  'kpis.month_in_future': { 'zh-CN': '{month} 还没有开始', en: 'The month {month} has not started yet' },
  'kpis.already_approved': { 'zh-CN': '{snapshot} 已于 {approvedAt} 审核发布，不能再次审核', en: '{snapshot} was already approved on {approvedAt}' },
  'kpis.snapshot_frozen': { 'zh-CN': '{snapshot} 已审核发布并冻结，不能修改；后续变动计入下月“更正”', en: '{snapshot} is approved and frozen: later changes go into the next month\'s corrections' },
  'kpis.snapshot_not_found': { 'zh-CN': '月度报表 {snapshot} 不存在（尚未生成）', en: 'Monthly snapshot {snapshot} does not exist (not built yet)' },
  'kpis.not_approver': { 'zh-CN': '只有 {approvers} 可以审核 {snapshot}', en: 'Only {approvers} may approve {snapshot}' },
  'kpis.scope_denied': { 'zh-CN': '您无权查看 {scope} 的指标', en: 'You may not read the figures of {scope}' },
  'kpis.target_out_of_range': { 'zh-CN': '指标 {kpi} 的目标值 {value} 超出 0–100%', en: 'Target {value} for {kpi} is outside 0–100 %' },
  'kpis.unknown_target': { 'zh-CN': '{kpi} 不是可设目标的指标', en: '{kpi} is not a KPI that takes a target' },
  'kpis.rebuild_not_pending': { 'zh-CN': '重算 {rebuild} 已处理（{status}），不能再次确认', en: 'Rebuild {rebuild} is already {status}' },
  'kpis.rebuild_not_found': { 'zh-CN': '重算 {rebuild} 不存在', en: 'Rebuild {rebuild} does not exist' },
  'kpis.not_allowed': { 'zh-CN': '您的角色不能执行此操作（{action}）', en: 'Your role may not {action}' },
} as const satisfies Catalogue;

export type KpisRefusal = keyof typeof KPIS_REFUSALS;

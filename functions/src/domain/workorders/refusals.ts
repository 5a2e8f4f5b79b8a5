/** Why the work-order area says no: reason codes with zh-CN and en text (see domain/refusal.ts). */
import type { Catalogue } from '../refusal';

export const WORKORDERS_REFUSALS = {
  'workorders.ticket_kind': { 'zh-CN': '只有报修、有偿服务或投诉工单可以派工（当前：{kind}）', en: 'Only repair, paid-service or complaint tickets take work orders (this one: {kind})' },
  'workorders.ticket_closed': { 'zh-CN': '工单 {number} 已关闭或撤销，不能派工', en: 'Ticket {number} is closed or cancelled: no work order can be dispatched' },
  'workorders.not_technician': { 'zh-CN': '{name} 不是 {dept} 的在职员工，不能派给他/她', en: '{name} is not active staff of {dept}: cannot be dispatched' },
  'workorders.bad_window': { 'zh-CN': '预约时间段无效：结束须晚于开始', en: 'Invalid appointment window: the end must be after the start' },
  'workorders.wrong_state': { 'zh-CN': '派工单处于“{state}”，不能{action}', en: 'The work order is {state}: cannot {action}' },
  'workorders.stale': { 'zh-CN': '派工单已被他人更新（第 {seq} 步），请刷新后重试', en: 'The work order changed meanwhile (step {seq}): reload and try again' },
  'workorders.signature_empty': { 'zh-CN': '签名为空，请客户签名', en: 'The signature is empty: the client must sign' },
  'workorders.signature_too_large': { 'zh-CN': '签名过大（{what} {value}，上限 {max}）', en: 'The signature is too large ({what} {value}, at most {max})' },
  'workorders.signature_out_of_bounds': { 'zh-CN': '签名的点超出画布范围', en: 'A signature point lies outside the canvas' },
  'workorders.not_paid_service': { 'zh-CN': '只有有偿服务派工单需要报价', en: 'Only paid-service orders take a price' },
  'workorders.price_locked': { 'zh-CN': '客户已于 {at} 签字确认价格，不能再修改', en: 'The client accepted the price at {at}: it cannot change' },
  'workorders.no_quote': { 'zh-CN': '尚未报价，客户无法确认价格', en: 'No price yet: the client has nothing to accept' },
  'workorders.price_not_accepted': { 'zh-CN': '有偿服务须先由客户签字确认价格才能完工', en: 'A paid service needs the client to accept the price before the work is finished' },
  'workorders.price_item_unknown': { 'zh-CN': '收费标准中没有项目 {code}', en: 'The price list has no item {code}' },
  'workorders.materials_client_only': { 'zh-CN': '按收费标准，材料由客户自备，不能计入 {code}', en: 'Under the price list the client supplies materials: {code} cannot be charged' },
  'workorders.nothing_to_pay': { 'zh-CN': '此派工单无需收费', en: 'Nothing is due on this work order' },
  'workorders.payment_recorded': { 'zh-CN': '已于 {at} 登记收款（{reference}），不能重复登记', en: 'Payment was already recorded at {at} ({reference}): it cannot be recorded twice' },
  'workorders.receipt_used': { 'zh-CN': '收据/银行流水号 {reference} 已用于派工单 {number}', en: 'Receipt / bank reference {reference} is already used by work order {number}' },
  'workorders.amount_mismatch': { 'zh-CN': '收款金额 {amount} 与确认价格 {total} 不符', en: 'Amount {amount} differs from the accepted price {total}' },
  'workorders.not_callback_state': { 'zh-CN': '派工单完工后才能回访', en: 'A callback is recorded only after the work is finished' },
  'workorders.callback_done': { 'zh-CN': '此回访任务已于 {at} 完成', en: 'This callback task was completed at {at}' },
  'workorders.not_original': { 'zh-CN': '派工单 {number} 尚未完工，不能返修', en: 'Work order {number} is not finished yet: no re-repair' },
  'workorders.month_not_over': { 'zh-CN': '{month} 尚未结束（{end} 结束），不能出对账单', en: '{month} is not over (it ends {end}): no statement yet' },
  'workorders.statement_approved': { 'zh-CN': '{month} 对账单已由 {by} 审批，不能重新生成', en: 'The statement of {month} was approved by {by}: it cannot be regenerated' },
  'workorders.statement_missing': { 'zh-CN': '{month} 对账单尚未生成', en: 'The statement of {month} has not been generated' },
  'workorders.not_found': { 'zh-CN': '{what} {id} 不存在', en: '{what} {id} does not exist' },
  // The area's policy (policy.ts): who may do what.
  'workorders.dispatch_who': { 'zh-CN': '派工由工单所属部门或本单位客服中心安排', en: "Work is dispatched by the ticket's department or the office's customer-service centre" },
  'workorders.other_technician': { 'zh-CN': '此派工单属于其他维修人员或其他单位', en: "The work order belongs to another technician or office" },
  'workorders.technician_or_head': { 'zh-CN': '此步骤由维修人员本人或作业部门负责人操作', en: "This step is for the technician or the head of the working department" },
  'workorders.cancel_who': { 'zh-CN': '撤销派工单由派工部门或作业部门负责人操作', en: "Cancelling is for the dispatching department or the head of the working department" },
  'workorders.payment_cashier': { 'zh-CN': '收款由本单位收款员（客服中心或财务）登记', en: "Payments are recorded by the office's cashier (customer service or finance)" },
  'workorders.callback_cs': { 'zh-CN': '回访由本单位客服中心进行', en: "Callbacks are made by the office's customer-service centre" },
  'workorders.callback_tasks_cs': { 'zh-CN': '回访任务属于客服中心', en: "Callback tasks are the customer-service centre's" },
  'workorders.statements_read_who': { 'zh-CN': '对账单仅供本单位财务、管理处主任和部门负责人查看', en: "Statements are read by finance, the office manager and the department heads of the office" },
  'workorders.statements_make_who': { 'zh-CN': '对账单由本单位财务、客服中心或工程部编制', en: "Statements are drawn up by the office's finance, customer service or engineering" },
  'workorders.statement_approve_manager': { 'zh-CN': '月度对账单由管理处主任审批', en: "The monthly statement is approved by the office manager" },
} as const satisfies Catalogue;

export type WorkOrderRefusal = keyof typeof WORKORDERS_REFUSALS;

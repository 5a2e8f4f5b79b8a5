/**
 * Who may do what with work orders, callbacks, price lists and statements. Builds on the kernel
 * (domain/policy.ts): the same Decision, the same "the auditor writes nothing". No Firebase.
 *
 * - technicians see and work their own orders; the head of the working department all of it;
 * - the dispatching department and the office's customer-service centre see the office's orders
 *   (the CS centre dispatches, calls back and takes payments: 客服中心统一接待安排 [001]);
 * - quality sees the office's orders (complaints about repairs) and may dispatch a re-repair;
 * - finance reads the office's orders and statements and records payments (收款员);
 * - the office manager (leadership of the branch) approves the monthly statement;
 * - only admins change the price list.
 */
import type { Actor } from '../actor';
import { can, denyBecause, isQuality, type Decision, type PolicyCode, type TicketScope } from '../policy';
import type { WorkOrderRefusal } from './refusals';
import type { DeptKind } from '../vocabulary';
import type { WorkOrderAction } from './api';
import type { WorkOrder } from './documents';

const allow: Decision = { allowed: true };
/** A refusal with a code of this area's catalogue (or the kernel's), so every code has words in both languages. */
const deny = (code: PolicyCode | WorkOrderRefusal, reason: string): Decision => denyBecause(code, reason);

export type OrderScope = Pick<WorkOrder, 'branchId' | 'deptId' | 'dispatchedByDeptId' | 'technicianUid'>;

const OVERSIGHT = ['leadership', 'auditor', 'admin'] as const;
const isOversight = (a: Actor) => (OVERSIGHT as readonly string[]).includes(a.role);
const inBranchDept = (a: Actor, branchId: string, kinds: readonly DeptKind[]) =>
  a.branchId === branchId && a.deptKind !== null && kinds.includes(a.deptKind);

/** The office manager (管理处主任): leadership of the branch, or the head of its leadership department. */
export function isOfficeManager(a: Actor, branchId: string): boolean {
  if (a.branchId !== branchId) return false;
  return a.role === 'leadership' || (a.role === 'head' && a.deptKind === 'leadership');
}

/** May the actor dispatch work on this ticket? Its owning department or the office's CS centre. */
export function canDispatch(a: Actor, t: TicketScope): Decision {
  if (a.role === 'auditor') return deny('policy.auditor_read_only', 'the auditor reads everything and writes nothing');
  if (t.ownerDeptId !== null && t.ownerDeptId === a.deptId) return allow;
  if (inBranchDept(a, t.branchId, ['customer_service'])) return allow;
  return deny('workorders.dispatch_who', 'work is dispatched by the ticket\'s department or the office\'s customer-service centre');
}

/** A re-repair may also be dispatched by quality, who own complaints about repairs. */
export function canDispatchReRepair(a: Actor, t: TicketScope): Decision {
  if (isQuality(a) && a.branchId === t.branchId) return allow;
  return canDispatch(a, t);
}

export function canReadOrder(a: Actor, o: OrderScope): Decision {
  if (isOversight(a)) return allow;
  if (o.technicianUid === a.uid) return allow;
  if (a.deptId === o.deptId || a.deptId === o.dispatchedByDeptId) return allow;
  if (inBranchDept(a, o.branchId, ['customer_service', 'finance']) || (isQuality(a) && a.branchId === o.branchId)) return allow;
  return deny('workorders.other_technician', 'the work order belongs to another technician or office');
}

const TECHNICIAN_STEPS: readonly WorkOrderAction[] = ['arrive', 'quote', 'accept_price', 'finish', 'sign', 'refuse'];

/** May the actor take this step? Technician steps: the technician or the working department's head. */
export function canActOnOrder(a: Actor, o: OrderScope, action: WorkOrderAction): Decision {
  if (a.role === 'auditor') return deny('policy.auditor_read_only', 'the auditor reads everything and writes nothing');
  const workingHead = a.role === 'head' && a.deptId === o.deptId;
  if (TECHNICIAN_STEPS.includes(action)) {
    return o.technicianUid === a.uid || workingHead ? allow : deny('workorders.technician_or_head', `${action} is for the technician or the head of the working department`);
  }
  if (action === 'cancel') {
    return workingHead || a.deptId === o.dispatchedByDeptId ? allow : deny('workorders.cancel_who', 'cancel is for the dispatching department or the head of the working department');
  }
  // record_payment: the cashier (CS centre or finance of the office) or the working department's head.
  return workingHead || inBranchDept(a, o.branchId, ['customer_service', 'finance'])
    ? allow
    : deny('workorders.payment_cashier', 'payments are recorded by the office\'s cashier (customer service or finance)');
}

/** Callbacks are made by the office's customer-service centre. */
export function canRecordCallback(a: Actor, branchId: string): Decision {
  if (a.role === 'auditor') return deny('policy.auditor_read_only', 'the auditor reads everything and writes nothing');
  return inBranchDept(a, branchId, ['customer_service']) ? allow : deny('workorders.callback_cs', 'callbacks are made by the office\'s customer-service centre');
}

export function canListCallbackTasks(a: Actor): Decision {
  return isOversight(a) || a.deptKind === 'customer_service' ? allow : deny('workorders.callback_tasks_cs', 'callback tasks are the customer-service centre\'s');
}

export function canSavePriceList(a: Actor): Decision {
  return can(a, 'org.manage');
}

/** The price list is shown to everyone who quotes or reads orders. */
export function canReadPriceList(a: Actor): Decision {
  return can(a, 'org.read');
}

export function canReadStatement(a: Actor, branchId: string): Decision {
  if (isOversight(a) || isOfficeManager(a, branchId)) return allow;
  return inBranchDept(a, branchId, ['finance', 'customer_service', 'engineering']) && (a.role === 'head' || a.deptKind === 'finance')
    ? allow
    : deny('workorders.statements_read_who', 'statements are read by finance, the office manager and department heads of the office');
}

/** Drawn up by the office's finance, CS centre or engineering (工程部月底制表) or the office manager. */
export function canGenerateStatement(a: Actor, branchId: string): Decision {
  if (a.role === 'auditor') return deny('policy.auditor_read_only', 'the auditor reads everything and writes nothing');
  if (isOfficeManager(a, branchId)) return allow;
  return inBranchDept(a, branchId, ['finance', 'customer_service', 'engineering']) && a.role !== 'onsite'
    ? allow
    : deny('workorders.statements_make_who', 'statements are drawn up by the office\'s finance, customer service or engineering');
}

export function canApproveStatement(a: Actor, branchId: string): Decision {
  return isOfficeManager(a, branchId) ? allow : deny('workorders.statement_approve_manager', 'the monthly statement is approved by the office manager');
}

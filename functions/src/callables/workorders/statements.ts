import { onCall } from 'firebase-functions/v2/https';
import { StatementInput } from '../../domain/workorders/api';
import { canApproveStatement, canGenerateStatement, canReadStatement } from '../../domain/workorders/policy';
import { toWire } from '../../domain/workorders/views';
import { requireActor } from '../../lib/actor';
import { clock } from '../../lib/clock';
import { parseInput } from '../../lib/errors';
import { db } from '../../lib/firestore';
import { approveStatement as approve, generateStatement as generate, loadStatement, statementXlsx } from '../../store/workorders/statements';
import { authorizeWorkOrders, refusal } from '../../store/workorders/refuse';

// Four small entry points of one concept (the monthly statement), kept together.

/** Draws up the office's statement of paid services for a month that is over. */
export const generatePaidServiceStatement = onCall(async (request) => {
  const actor = await requireActor(db(), request);
  const input = parseInput(StatementInput, request.data);
  authorizeWorkOrders(canGenerateStatement(actor, input.branchId));
  return toWire(await generate(db(), actor, input, clock().now()));
});

export const getPaidServiceStatement = onCall(async (request) => {
  const actor = await requireActor(db(), request);
  const input = parseInput(StatementInput, request.data);
  authorizeWorkOrders(canReadStatement(actor, input.branchId));
  const s = await loadStatement(db(), input);
  if (!s) throw refusal('workorders.statement_missing', { month: input.month }, 'not-found');
  return toWire(s);
});

/** The office manager approves the statement (audited); it is frozen from then on. */
export const approvePaidServiceStatement = onCall(async (request) => {
  const actor = await requireActor(db(), request);
  const input = parseInput(StatementInput, request.data);
  authorizeWorkOrders(canApproveStatement(actor, input.branchId));
  return toWire(await approve(db(), actor, input, clock().now()));
});

/** The statement as an XLSX file (base64) for finance. */
export const exportPaidServiceStatement = onCall(async (request) => {
  const actor = await requireActor(db(), request);
  const input = parseInput(StatementInput, request.data);
  authorizeWorkOrders(canReadStatement(actor, input.branchId));
  const s = await loadStatement(db(), input);
  if (!s) throw refusal('workorders.statement_missing', { month: input.month }, 'not-found');
  return statementXlsx(db(), s);
});

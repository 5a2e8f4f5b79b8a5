import { onCall } from 'firebase-functions/v2/https';
import { EmptyInput } from '../../domain/api';
import { SavePriceListInput } from '../../domain/workorders/api';
import { canReadPriceList, canSavePriceList } from '../../domain/workorders/policy';
import { requireActor } from '../../lib/actor';
import { clock } from '../../lib/clock';
import { parseInput } from '../../lib/errors';
import { db } from '../../lib/firestore';
import { loadPriceList, savePriceList } from '../../store/workorders/price-list';
import { authorizeWorkOrders } from '../../store/workorders/refuse';

/** 《有偿服务收费标准》 as configured (defaults when none is saved). */
export const getPriceList = onCall(async (request) => {
  const actor = await requireActor(db(), request);
  parseInput(EmptyInput, request.data); // takes nothing: anything sent is refused, never ignored
  authorizeWorkOrders(canReadPriceList(actor));
  return loadPriceList(db());
});

/** Admin: saves the price list (zod-validated, audited with a reason). */
export const adminSavePriceList = onCall(async (request) => {
  const actor = await requireActor(db(), request);
  const input = parseInput(SavePriceListInput, request.data);
  authorizeWorkOrders(canSavePriceList(actor));
  return savePriceList(db(), actor, input.priceList, input.reason, clock().now());
});

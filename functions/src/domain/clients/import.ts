/**
 * Import files (clients, monthly purchases) as the marketing system exports them, with Chinese
 * headers: checking every row before anything is written. Works on a grid of cell texts (the
 * store reads XLSX / CSV into it). No Firebase.
 */
import type { Label } from '../vocabulary';
import type { ClientRow, ImportKind, PurchaseRow } from './schemas';
import { marketFromText, zoneFromText } from './vocabulary';

export const PURCHASE_HEADERS = ['客户编码', '客户名称', '月份', '购进数量(条)', '购进金额(元)'] as const;
export const PURCHASE_REQUIRED = ['客户编码', '月份', '购进数量(条)', '购进金额(元)'] as const;
export const CLIENT_HEADERS = ['客户编码', '客户名称', '许可证号', '业态', '市场类型', '区域', '客户经理', '线路', '地址', '联系人', '联系电话'] as const;
export const CLIENT_REQUIRED = ['客户编码', '客户名称', '业态', '市场类型', '区域'] as const;

export function headersOf(kind: ImportKind): readonly string[] {
  return kind === 'clients' ? CLIENT_HEADERS : PURCHASE_HEADERS;
}

export interface RowError {
  /** 1-based row number as a spreadsheet shows it (the header is row 1). */
  row: number;
  column: string;
  reason: Label;
}

const err = (row: number, column: string, zh: string, en: string): RowError => ({ row, column, reason: { 'zh-CN': zh, en } });

/** Deterministic document id of a client created by import: from its code. */
export function importedClientId(code: string): string {
  return `cl-${code.replace(/[^A-Za-z0-9_-]/g, (ch) => ch.charCodeAt(0).toString(16))}`;
}

/** Reads a number cell: digits with optional thousands separators and decimals; null otherwise. */
export function parseAmount(text: string): number | null {
  const t = text.trim().replace(/,/g, '');
  if (!/^\d+(\.\d+)?$/.test(t)) return null;
  return Number(t);
}

/** Month cells: 2026-07, 2026/07, 202607, 2026年7月. */
export function parseMonth(text: string): string | null {
  const t = text.trim();
  const m = /^(\d{4})(?:[-/.年]?)(\d{1,2})月?$/.exec(t);
  if (!m) return null;
  const mm = Number(m[2]);
  if (mm < 1 || mm > 12) return null;
  return `${m[1]}-${String(mm).padStart(2, '0')}`;
}

interface HeaderCheck {
  index: Map<string, number>;
  errors: RowError[];
}

function checkHeader(header: readonly string[], known: readonly string[], required: readonly string[]): HeaderCheck {
  const index = new Map<string, number>();
  const errors: RowError[] = [];
  header.forEach((h, i) => {
    const name = h.trim().replace(/^\uFEFF/, '');
    if (!name) return;
    if (!known.includes(name)) errors.push(err(1, name, `未知的列“${name}”`, `unknown column "${name}"`));
    else if (index.has(name)) errors.push(err(1, name, `列“${name}”重复`, `column "${name}" appears twice`));
    else index.set(name, i);
  });
  for (const r of required) if (!index.has(r)) errors.push(err(1, r, `缺少必需的列“${r}”`, `required column "${r}" is missing`));
  return { index, errors };
}

const cell = (row: readonly string[], index: ReadonlyMap<string, number>, name: string) => {
  const i = index.get(name);
  return i === undefined ? '' : (row[i] ?? '').trim();
};

export interface PurchaseContext {
  /** client code → client id */
  clientIdByCode: ReadonlyMap<string, string>;
  /** The current month (YYYY-MM, Shanghai): later months are refused. */
  currentMonth: string;
}

export interface CheckResult<R> {
  rows: R[];
  errors: RowError[];
}

const isBlank = (r: readonly string[]) => r.every((c) => !c || !c.trim());

/**
 * The walk both files share: an empty file or a bad header stops at once; blank rows are skipped;
 * `checkRow` adds its errors (row numbers as the spreadsheet shows them, header = 1) and returns
 * the parsed row, or null when the row has errors.
 */
function checkGrid<R>(
  grid: readonly (readonly string[])[], headers: readonly string[], required: readonly string[],
  checkRow: (r: readonly string[], row: number, index: ReadonlyMap<string, number>, errors: RowError[]) => R | null,
): CheckResult<R> {
  if (grid.length === 0) return { rows: [], errors: [err(1, '', '文件为空', 'the file is empty')] };
  const { index, errors } = checkHeader(grid[0]!, headers, required);
  if (errors.length) return { rows: [], errors };
  const rows: R[] = [];
  for (let i = 1; i < grid.length; i++) {
    const r = grid[i]!;
    if (isBlank(r)) continue;
    const parsed = checkRow(r, i + 1, index, errors);
    if (parsed !== null) rows.push(parsed);
  }
  return { rows, errors };
}

/** Checks a purchase file: header, then every row (client known, month not in the future, numbers, duplicates). */
export function checkPurchases(grid: readonly (readonly string[])[], ctx: PurchaseContext): CheckResult<PurchaseRow> {
  const seen = new Map<string, number>();
  return checkGrid<PurchaseRow>(grid, PURCHASE_HEADERS, PURCHASE_REQUIRED, (r, row, index, errors) => {
    const before = errors.length;
    const code = cell(r, index, '客户编码');
    const clientId = code ? ctx.clientIdByCode.get(code) : undefined;
    if (!code) errors.push(err(row, '客户编码', '客户编码为空', 'client code is empty'));
    else if (!clientId) errors.push(err(row, '客户编码', `客户编码 ${code} 不存在`, `no client with code ${code}`));
    const monthText = cell(r, index, '月份');
    const month = parseMonth(monthText);
    if (!month) errors.push(err(row, '月份', `月份“${monthText}”无法识别(应为 YYYY-MM)`, `month "${monthText}" is not YYYY-MM`));
    else if (month > ctx.currentMonth) errors.push(err(row, '月份', `月份 ${month} 尚未到来`, `month ${month} is in the future`));
    const qtyText = cell(r, index, '购进数量(条)');
    const qty = parseAmount(qtyText);
    if (qty === null) errors.push(err(row, '购进数量(条)', `“${qtyText}”不是数字`, `"${qtyText}" is not a number`));
    const amountText = cell(r, index, '购进金额(元)');
    const amount = parseAmount(amountText);
    if (amount === null) errors.push(err(row, '购进金额(元)', `“${amountText}”不是数字`, `"${amountText}" is not a number`));
    if (code && month) {
      const key = `${code}|${month}`;
      const first = seen.get(key);
      if (first !== undefined) {
        errors.push(err(row, '客户编码', `客户 ${code} 的 ${month} 数据与第 ${first} 行重复`, `client ${code}, ${month} repeats row ${first}`));
      } else seen.set(key, row);
    }
    return errors.length === before ? { row, clientId: clientId!, clientCode: code, month: month!, qty: qty!, amount: amount! } : null;
  });
}

export interface ClientImportContext {
  /** existing client code → id */
  clientIdByCode: ReadonlyMap<string, string>;
  formatCodes: ReadonlySet<string>;
  /** format label (中文) → code, for files that name formats */
  formatCodeByLabel: ReadonlyMap<string, string>;
  /** account manager display name (or uid) → uid, within the importing branch */
  managerUidByName: ReadonlyMap<string, string>;
  branchId: string;
}

/** Checks a client file: header, required cells, known format / market / zone / manager, duplicate codes. */
export function checkClients(grid: readonly (readonly string[])[], ctx: ClientImportContext): CheckResult<ClientRow> {
  const seen = new Map<string, number>();
  return checkGrid<ClientRow>(grid, CLIENT_HEADERS, CLIENT_REQUIRED, (r, row, index, errors) => {
    const before = errors.length;
    const code = cell(r, index, '客户编码');
    if (!code) errors.push(err(row, '客户编码', '客户编码为空', 'client code is empty'));
    else if (!/^[A-Za-z0-9_-]{1,40}$/.test(code)) errors.push(err(row, '客户编码', `客户编码“${code}”含非法字符`, `client code "${code}" has characters other than letters, digits, - and _`));
    else if (seen.has(code)) errors.push(err(row, '客户编码', `客户编码 ${code} 与第 ${seen.get(code)} 行重复`, `client code ${code} repeats row ${seen.get(code)}`));
    else seen.set(code, row);
    const name = cell(r, index, '客户名称');
    if (!name) errors.push(err(row, '客户名称', '客户名称为空', 'client name is empty'));
    const formatText = cell(r, index, '业态');
    const format = ctx.formatCodes.has(formatText.toUpperCase()) ? formatText.toUpperCase() : ctx.formatCodeByLabel.get(formatText);
    if (!format) errors.push(err(row, '业态', `业态“${formatText}”不在业态清单中`, `format "${formatText}" is not in the list of formats`));
    const marketText = cell(r, index, '市场类型');
    const marketType = marketFromText(marketText);
    if (!marketType) errors.push(err(row, '市场类型', `市场类型“${marketText}”应为 C(城镇)或 X(乡村)`, `market type "${marketText}" must be C (town) or X (rural)`));
    const zoneText = cell(r, index, '区域');
    const zone = zoneFromText(zoneText);
    if (!zone) errors.push(err(row, '区域', `区域“${zoneText}”应为 城市A/城市B/乡镇/农村`, `zone "${zoneText}" must be 城市A/城市B/乡镇/农村`));
    const managerText = cell(r, index, '客户经理');
    const manager = managerText ? ctx.managerUidByName.get(managerText) : null;
    if (managerText && !manager) errors.push(err(row, '客户经理', `客户经理“${managerText}”不是本单位的客户经理`, `"${managerText}" is not an account manager of this branch`));
    const phone = cell(r, index, '联系电话');
    if (phone && !/^[0-9+\- ]{5,20}$/.test(phone)) errors.push(err(row, '联系电话', `联系电话“${phone}”格式不对`, `phone "${phone}" is not a phone number`));
    if (errors.length !== before) return null;
    const existing = ctx.clientIdByCode.get(code);
    return {
      row, clientId: existing ?? importedClientId(code), exists: existing !== undefined, code, name,
      licenceNo: cell(r, index, '许可证号'), format: format!, marketType: marketType!, zone: zone!, accountManagerUid: manager ?? null,
      routeId: cell(r, index, '线路'), address: cell(r, index, '地址'), contactName: cell(r, index, '联系人'), contactPhone: phone,
      branchId: ctx.branchId,
    };
  });
}

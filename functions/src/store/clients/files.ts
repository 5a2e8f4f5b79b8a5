/** Reading import files (XLSX, CSV) into a grid of cell texts, and the downloadable templates. */
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import type { ImportKind } from '../../domain/clients/schemas';
import { headersOf } from '../../domain/clients/import';
import { refuse } from './errors';

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 7); // a month cell typed as a date
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    if ('text' in value) return String(value.text);
    return '';
  }
  return String(value);
}

/** The first sheet of an XLSX or the rows of a CSV (UTF-8, BOM allowed); unreadable → invalid-argument. */
export async function readGrid(fileName: string, content: Buffer): Promise<string[][]> {
  if (/\.csv$/i.test(fileName)) {
    const text = content.toString('utf8').replace(/^\uFEFF/, '');
    if (text.includes('\uFFFD')) throw refuse('invalid-argument', 'clients.import_unreadable', { why: 'not UTF-8 text (save the CSV as UTF-8)' });
    const parsed = Papa.parse<string[]>(text, { skipEmptyLines: 'greedy' });
    const fatal = parsed.errors.find((e) => e.type === 'Quotes');
    if (fatal) throw refuse('invalid-argument', 'clients.import_unreadable', { why: `row ${fatal.row ?? 0}: ${fatal.message}` });
    return parsed.data.map((r) => r.map((c) => String(c ?? '')));
  }
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(content as unknown as ArrayBuffer);
  } catch (e) {
    throw refuse('invalid-argument', 'clients.import_unreadable', { why: (e as Error).message.slice(0, 200) });
  }
  const ws = wb.worksheets[0];
  if (!ws) throw refuse('invalid-argument', 'clients.import_unreadable', { why: 'the workbook has no sheet' });
  const grid: string[][] = [];
  ws.eachRow({ includeEmpty: true }, (row, n) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      cells[col - 1] = cellText(cell.value);
    });
    grid[n - 1] = Array.from(cells, (c) => c ?? '');
  });
  return Array.from(grid, (r) => r ?? []);
}

const EXAMPLES: Record<ImportKind, string[]> = {
  clients: ['CZ2-0001', '万家便利店', '430100100001', 'Z', 'C', '城市A', '马俊', '线路01', '人民路 1 号', '刘老板', '13800000001'],
  purchases: ['CZ2-0001', '万家便利店', '2026-07', '120', '18600.00'],
};

/** A template workbook: the headers the import expects and one example row. */
export async function templateXlsx(kind: ImportKind): Promise<{ fileName: string; contentBase64: string }> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(kind === 'clients' ? '客户档案' : '月度购进');
  ws.addRow([...headersOf(kind)]);
  ws.getRow(1).font = { bold: true };
  ws.addRow(EXAMPLES[kind]);
  const buf = Buffer.from(await wb.xlsx.writeBuffer());
  return { fileName: kind === 'clients' ? '客户导入模板.xlsx' : '购进数据导入模板.xlsx', contentBase64: buf.toString('base64') };
}

/** A grid as an XLSX buffer (tests, benchmarks, demo). */
export async function gridToXlsx(grid: readonly (readonly (string | number)[])[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('data');
  for (const r of grid) ws.addRow([...r]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

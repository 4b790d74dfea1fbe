// A CSV or Excel (.xlsx) sheet read into a header row and data rows of text cells, for the column
// mapping and preview (rows-to-declarations.ts). What the trader sees in Excel is what is read:
//   - formulas: their last computed value (as Excel saved it); a formula without one is refused at its cell;
//   - merged cells: the merged value in every cell of the range (a header merged over its items' rows);
//   - dates: ISO dates (YYYY-MM-DD); Clearway's declaration has no date fields, so a date in a number
//     column is reported there, not silently read as its serial number;
//   - numbers: as written, without float noise or thousand separators.
// At most SPREADSHEET_MAX_ROWS data rows: a CSV is read as a stream and refused at the first row over
// it; an .xlsx (a zip, read whole) is limited to SPREADSHEET_MAX_BYTES.
import { parse } from 'csv-parse';
import ExcelJS from 'exceljs';

import { AppError } from '../errors';
import { locatedAt, problemOf, type LocatedError } from './interchange-message';
import { SPREADSHEET_MAX_ROWS } from './preview-spreadsheet';
import { columnLetter, type SheetRow } from './rows-to-declarations';

export const SPREADSHEET_MAX_BYTES = 16 * 1024 * 1024;
export type SpreadsheetKind = 'csv' | 'xlsx';

export interface SheetContent {
  header: string[];
  rows: SheetRow[];
  errors: LocatedError[];
}

export function spreadsheetKindOf(contentType: string, fileName = ''): SpreadsheetKind | null {
  if (/^text\/csv\b/i.test(contentType) || /\.csv$/i.test(fileName)) return 'csv';
  if (/spreadsheetml\.sheet/i.test(contentType) || /\.xlsx$/i.test(fileName)) return 'xlsx';
  return null;
}

const tooMany = (row: number): LocatedError => ({ ...locatedAt('row', { row }), field: null, code: 'TOO_BIG', ...problemOf('tooManyDataRows', { limit: SPREADSHEET_MAX_ROWS, row: row - 1 }) });

export async function readSpreadsheet(options: { bytes: Buffer; kind: SpreadsheetKind }): Promise<SheetContent> {
  if (options.bytes.length > SPREADSHEET_MAX_BYTES) throw new AppError('PAYLOAD_TOO_LARGE', `A sheet is at most ${SPREADSHEET_MAX_BYTES.toLocaleString('en')} bytes.`, { limitBytes: SPREADSHEET_MAX_BYTES });
  return options.kind === 'csv' ? readCsv(options.bytes) : readXlsx(options.bytes);
}

async function readCsv(bytes: Buffer): Promise<SheetContent> {
  const text = bytes.toString('utf8').replace(/^\uFEFF/, '');
  // The delimiter a European Excel writes (;) or the standard one (,), whichever the header uses more.
  const firstLine = text.slice(0, text.indexOf('\n') >>> 0);
  const delimiter = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  const parser = parse(text, { delimiter, relax_column_count: true, skip_empty_lines: false, bom: true });
  let header: string[] | null = null;
  const rows: SheetRow[] = [];
  let n = 0;
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      n++;
      if (!header) header = record.map((c) => c.trim());
      else if (rows.length >= SPREADSHEET_MAX_ROWS) return { header, rows: [], errors: [tooMany(n)] };
      else rows.push({ row: n, cells: record });
    }
  } catch (error) {
    const line = (error as { lines?: number }).lines ?? n + 1;
    return { header: header ?? [], rows: [], errors: [{ ...locatedAt('row', { row: line }), field: null, code: 'INVALID', ...problemOf('csvUnreadable', { reason: (error as Error).message }) }] };
  }
  return { header: header ?? [], rows, errors: header ? [] : [{ ...locatedAt('row', { row: 1 }), field: null, code: 'REQUIRED', ...problemOf('sheetEmpty') }] };
}

function cellText(value: ExcelJS.CellValue): { text: string; problem?: ReturnType<typeof problemOf> } {
  if (value === null || value === undefined) return { text: '' };
  if (typeof value === 'number') return { text: String(Number(value.toPrecision(15))) };
  if (typeof value === 'string') return { text: value };
  if (typeof value === 'boolean') return { text: value ? 'TRUE' : 'FALSE' };
  if (value instanceof Date) return { text: value.toISOString().slice(0, 10) };
  if ('formula' in value || 'sharedFormula' in value) {
    const result = (value as { result?: ExcelJS.CellValue }).result;
    if (result === undefined || result === null) return { text: '', problem: problemOf('formulaWithoutValue') };
    if (typeof result === 'object' && result && 'error' in result) return { text: '', problem: problemOf('formulaError', { error: (result as { error: string }).error }) };
    return cellText(result as ExcelJS.CellValue);
  }
  if ('richText' in value) return { text: value.richText.map((r) => r.text).join('') };
  if ('text' in value) return { text: String((value as { text: unknown }).text) };
  if ('error' in value) return { text: '', problem: problemOf('cellError', { error: (value as { error: string }).error }) };
  return { text: String(value) };
}

async function readXlsx(bytes: Buffer): Promise<SheetContent> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (error) {
    return { header: [], rows: [], errors: [{ ...locatedAt('file'), field: null, code: 'INVALID', ...problemOf('xlsxUnreadable', { reason: (error as Error).message }) }] };
  }
  const sheet = workbook.worksheets[0];
  if (!sheet || sheet.rowCount === 0) return { header: [], rows: [], errors: [{ ...locatedAt('row', { row: 1 }), field: null, code: 'REQUIRED', ...problemOf('firstSheetEmpty') }] };
  if (sheet.rowCount - 1 > SPREADSHEET_MAX_ROWS) return { header: [], rows: [], errors: [tooMany(SPREADSHEET_MAX_ROWS + 2)] };
  const width = sheet.columnCount;
  const errors: LocatedError[] = [];
  const textOf = (r: number, c: number) => {
    const cell = sheet.getCell(r, c);
    // A merged range's value is its top-left (master) cell's.
    const { text, problem } = cellText(cell.isMerged ? cell.master.value : cell.value);
    if (problem) errors.push({ ...locatedAt('rowColumn', { row: r, column: columnLetter(c - 1) }), field: null, code: 'INVALID', ...problem });
    return text;
  };
  const header = Array.from({ length: width }, (_, i) => textOf(1, i + 1).trim());
  const rows: SheetRow[] = [];
  for (let r = 2; r <= sheet.rowCount; r++) rows.push({ row: r, cells: Array.from({ length: width }, (_, i) => textOf(r, i + 1)) });
  return { header, rows, errors };
}

// Bulk filing from spreadsheets: reading CSV and Excel (formulas, merged cells, dates, 100,000 rows),
// the mapping (wrong columns located), the preview with errors per row and cell, and the filing over
// GraphQL: 500 rows → 100 declarations, idempotent, a bad declaration refused and the others filed.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { readSpreadsheet } from '../../lib/interchange/read-spreadsheet';
import { SPREADSHEET_FIELDS } from '../../lib/interchange/spreadsheet-fields';
import { startTestServer, type TestServer } from '../graphql/http-server';
import { asToken } from '../support/auth';
import { declarationByLrn, declarationCount, fixture, fixtureBytes } from './helpers';

/** The mapping a sheet with the proposed headers gets. */
const proposed = (header: string[]) => Object.entries(SPREADSHEET_FIELDS).filter(([, h]) => header.includes(h)).map(([field, column]) => ({ field, column }));

describe('readSpreadsheet', () => {
  it('reads the CSV sample, with quoted commas', async () => {
    const sheet = await readSpreadsheet({ bytes: fixtureBytes('bulk-filing.csv'), kind: 'csv' });
    expect(sheet.errors).toEqual([]);
    expect(sheet.header[0]).toBe('LRN');
    expect(sheet.rows).toHaveLength(3);
    expect(sheet.rows[0]!.cells[21]).toBe('Laptop computers, 14 inch');
    expect(sheet.rows[0]!.row).toBe(2);
  });

  it('refuses 100,000 rows at the first row over the limit, reading as a stream', async () => {
    const lines = ['LRN,Description', ...Array.from({ length: 100_000 }, (_, i) => `L${i},Goods ${i}`)].join('\n');
    const sheet = await readSpreadsheet({ bytes: Buffer.from(lines), kind: 'csv' });
    expect(sheet.rows).toEqual([]);
    expect(sheet.errors[0]).toMatchObject({ location: 'row 20002', code: 'TOO_BIG' });
  });

  it('reads Excel as shown: formula values, merged cells over rows, dates as ISO dates; a formula without a value is refused at its cell', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Items');
    ws.addRow(['LRN', 'Invoice amount', 'Description', 'Gross mass', 'Net mass']);
    ws.addRow(['XL-1', { formula: 'SUM(D2:D3)', result: 2500 }, 'Laptops', 1500, 1300]);
    ws.addRow([null, null, 'Coffee', 1000, new Date(Date.UTC(2026, 0, 5))]);
    ws.mergeCells('A2:A3');
    ws.mergeCells('B2:B3');
    ws.addRow(['XL-2', { formula: 'D4*2' }, 'Tea', 0.1 + 0.2, 0.2]);
    const bytes = Buffer.from(await wb.xlsx.writeBuffer());
    const sheet = await readSpreadsheet({ bytes, kind: 'xlsx' });
    expect(sheet.rows.map((r) => r.cells)).toEqual([
      ['XL-1', '2500', 'Laptops', '1500', '1300'],
      ['XL-1', '2500', 'Coffee', '1000', '2026-01-05'],
      ['XL-2', '', 'Tea', '0.3', '0.2'],
    ]);
    expect(sheet.errors).toEqual([expect.objectContaining({ location: 'row 4, column B', message: expect.stringContaining('formula without a computed value') })]);
  });
});

describe('previewSpreadsheet and fileSpreadsheetRows (GraphQL)', () => {
  let server: TestServer;
  let H: Record<string, string>;
  const PREVIEW = `query($h: [String!]!) { __typename }`;
  void PREVIEW;
  const preview = `mutation($header: [String!]!, $rows: [SpreadsheetRowInput!]!, $columns: [SpreadsheetColumnInput!]!) { previewSpreadsheet(header: $header, rows: $rows, columns: $columns) { errors { location field code message } declarations { lrn rows itemCount errors { location field code message } } } }`;
  const file = `mutation($header: [String!]!, $rows: [SpreadsheetRowInput!]!, $columns: [SpreadsheetColumnInput!]!, $submit: Boolean!) { fileSpreadsheetRows(header: $header, rows: $rows, columns: $columns, submit: $submit) { userErrors { message } messages { reference accepted replayed mrn lane errors { location field message } } } }`;

  beforeAll(async () => {
    server = await startTestServer();
    H = (await asToken('trader@rotterdam-importers.example', ['declarations:write', 'declarations:read'])).headers;
  });
  afterAll(async () => {
    await server.app.close();
  });

  it('reads a sheet over HTTP, previews errors per row and cell, and files the good declarations', async () => {
    const res = await fetch(`${server.url}/api/interchange/spreadsheets`, { method: 'POST', body: fixture('bulk-filing.csv'), headers: { 'content-type': 'text/csv', ...H } });
    expect(res.status).toBe(200);
    const sheet = await res.json();
    const vars = { header: sheet.header, rows: sheet.rows, columns: proposed(sheet.header) };
    const p = (await server.graphql({ query: preview, variables: vars }, H)).json.data.previewSpreadsheet;
    expect(p.errors).toEqual([]);
    expect(p.declarations.map((d: { lrn: string; rows: number[] }) => [d.lrn, d.rows])).toEqual([
      ['CSV-0001', [2, 3]],
      ['CSV-0002', [4]],
    ]);
    expect(p.declarations[0].errors).toEqual([]);
    expect(p.declarations[1].errors).toEqual([expect.objectContaining({ location: 'row 4, column AA (Net mass)', field: 'items.0.netMass' })]);
    const before = await declarationCount();
    const filed = (await server.graphql({ query: file, variables: { ...vars, submit: true } }, H)).json.data.fileSpreadsheetRows;
    expect(filed.messages[0].errors).toEqual([]);
    expect(filed.messages.map((m: { accepted: boolean }) => m.accepted)).toEqual([true, false]);
    expect(filed.messages[0].mrn).toBeTruthy();
    expect(await declarationCount()).toBe(before + 1);
    // The leading zero a number cell lost is put back (9012100 → 09012100).
    expect((await declarationByLrn('CSV-0001'))?.status).not.toBe('DRAFT');
    const again = (await server.graphql({ query: file, variables: { ...vars, submit: true } }, H)).json.data.fileSpreadsheetRows;
    expect(again.messages[0]).toMatchObject({ accepted: true, replayed: true, mrn: filed.messages[0].mrn });
    expect(await declarationCount()).toBe(before + 1);
  });

  it('locates wrong columns: a mapped header missing from the sheet, an unknown field', async () => {
    const sheet = await readSpreadsheet({ bytes: fixtureBytes('bulk-filing.csv'), kind: 'csv' });
    const columns = [...proposed(sheet.header).filter((c) => c.field !== 'items.netMass'), { field: 'items.netMass', column: 'Nett weight' }, { field: 'colour', column: 'Colour' }];
    const p = (await server.graphql({ query: preview, variables: { header: sheet.header, rows: sheet.rows, columns } }, H)).json.data.previewSpreadsheet;
    expect(p.declarations).toEqual([]);
    expect(p.errors.map((e: { location: string; field: string }) => [e.location, e.field])).toEqual([
      ['row 1', 'items.netMass'],
      ['mapping of colour', 'colour'],
    ]);
  });

  it('files 500 rows as 100 declarations of 5 items', async () => {
    const sheet = await readSpreadsheet({ bytes: fixtureBytes('bulk-filing.csv'), kind: 'csv' });
    const template = sheet.rows[0]!.cells;
    const rows = Array.from({ length: 500 }, (_, i) => ({ row: i + 2, cells: template.map((c, j) => (j === 0 ? `BULK-${String(Math.floor(i / 5)).padStart(3, '0')}` : j === 12 ? '45000.00' : j === 16 ? '500' : j === 17 ? '7500' : c)) }));
    const before = await declarationCount();
    const started = performance.now();
    const filed = (await server.graphql({ query: file, variables: { header: sheet.header, rows, columns: proposed(sheet.header), submit: false } }, H)).json.data.fileSpreadsheetRows;
    expect(filed.userErrors).toEqual([]);
    expect(filed.messages).toHaveLength(100);
    expect(filed.messages.every((m: { accepted: boolean }) => m.accepted)).toBe(true);
    expect(await declarationCount()).toBe(before + 100);
    console.log(`500 rows → 100 drafts in ${Math.round(performance.now() - started)} ms`);
  });
});

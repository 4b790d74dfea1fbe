// Bulk filing as a background job: startSpreadsheetFiling answers at once with a queued filing, the
// file-spreadsheet job files the valid declarations and answers the bad ones as refused (located by
// row), progress and outcomes are read over GraphQL, and the report downloads as CSV. Another company
// sees nothing of it; a mapping that makes no declaration starts nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { getPool } from '../../lib/db';
import { readSpreadsheet } from '../../lib/interchange/read-spreadsheet';
import { SPREADSHEET_FIELDS } from '../../lib/interchange/spreadsheet-fields';
import { runPendingJobs } from '../../lib/jobs/run-pending-jobs';
import { startTestServer, type TestServer } from '../graphql/http-server';
import { asToken } from '../support/auth';
import { declarationCount, fixtureBytes } from './helpers';

const proposed = (header: string[]) => Object.entries(SPREADSHEET_FIELDS).filter(([, h]) => header.includes(h)).map(([field, column]) => ({ field, column }));
const START = `mutation($fileName: String!, $header: [String!]!, $rows: [SpreadsheetRowInput!]!, $columns: [SpreadsheetColumnInput!]!, $submit: Boolean!) {
  startSpreadsheetFiling(fileName: $fileName, header: $header, rows: $rows, columns: $columns, submit: $submit) { userErrors { message } filing { id status total done reportUrl } } }`;
const READ = `query($id: ID!) { spreadsheetFiling(id: $id) { id status total done failure results { lrn rows accepted mrn lane status declaration { id } errors { location field message } } } }`;

describe('startSpreadsheetFiling and the file-spreadsheet job', () => {
  let server: TestServer;
  let H: Record<string, string>;
  let other: Record<string, string>;

  beforeAll(async () => {
    server = await startTestServer();
    H = (await asToken('trader@rotterdam-importers.example', ['declarations:write', 'declarations:read'])).headers;
    other = (await asToken('trader@kampala-trading.example', ['declarations:write', 'declarations:read'])).headers;
  });
  afterAll(async () => {
    await server.app.close();
  });

  it('files 30 declarations of 2 rows in the background, refuses the two with bad rows, and reports each row', async () => {
    const sheet = await readSpreadsheet({ bytes: fixtureBytes('bulk-filing.csv'), kind: 'csv' });
    const template = sheet.rows[0]!.cells;
    const rows = Array.from({ length: 60 }, (_, i) => ({
      row: i + 2,
      cells: template.map((c, j) => (j === 0 ? `JOB-${String(Math.floor(i / 2)).padStart(3, '0')}` : j === 12 ? '18000.00' : j === 16 ? '200' : j === 17 ? '3000' : j === 26 && (i === 7 || i === 40) ? '99999' : c)),
    }));
    const before = await declarationCount();
    const started = (await server.graphql({ query: START, variables: { fileName: 'march.csv', header: sheet.header, rows, columns: proposed(sheet.header), submit: true } }, H)).json.data.startSpreadsheetFiling;
    expect(started.userErrors).toEqual([]);
    expect(started.filing).toMatchObject({ status: 'QUEUED', total: 30, done: 0 });
    // Nothing is filed by the request itself.
    expect(await declarationCount()).toBe(before);

    await runPendingJobs();
    const filing = (await server.graphql({ query: READ, variables: { id: started.filing.id } }, H)).json.data.spreadsheetFiling;
    expect(filing).toMatchObject({ status: 'DONE', total: 30, done: 30, failure: null });
    const refused = filing.results.filter((r: { accepted: boolean }) => !r.accepted);
    expect(refused.map((r: { lrn: string }) => r.lrn)).toEqual(['JOB-003', 'JOB-020']);
    expect(refused[0].errors[0].location).toMatch(/^row 9, column AA/);
    // The stored outcome keeps its catalogue keys: read in French, the row problem is said in French.
    const inFrench = (await server.graphql({ query: READ, variables: { id: started.filing.id } }, { ...H, 'accept-language': 'fr' })).json.data.spreadsheetFiling;
    const refusedInFrench = inFrench.results.find((r: { lrn: string }) => r.lrn === 'JOB-003');
    expect(refusedInFrench.errors[0].location).toMatch(/^ligne 9, colonne AA \(/);
    expect(refusedInFrench.errors[0].message).not.toBe(refused[0].errors[0].message);
    const filed = filing.results.filter((r: { accepted: boolean }) => r.accepted);
    expect(filed).toHaveLength(28);
    expect(filed.every((r: { mrn: string | null; declaration: unknown }) => r.mrn && r.declaration)).toBe(true);
    expect(await declarationCount()).toBe(before + 28);

    const report = await fetch(`${server.url}${started.filing.reportUrl}`, { headers: H });
    expect(report.status).toBe(200);
    expect(report.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(report.headers.get('content-disposition')).toContain('march-report.csv');
    const lines = (await report.text()).trim().split('\r\n');
    expect(lines[0]).toBe('Row,LRN,Outcome,Status,MRN,Lane,Problems');
    expect(lines).toHaveLength(61);
    expect(lines[1]).toMatch(new RegExp(`^2,JOB-000,filed,\\w+,${filed[0].mrn},`));
    expect(lines[8]).toMatch(/^9,JOB-003,refused,,,,"row 9, column AA/);

    // Running the job again (a retry) files nothing twice.
    await getPool().query(`UPDATE spreadsheet_filing SET status = 'RUNNING', done = 10, results = (SELECT jsonb_agg(e) FROM jsonb_array_elements(results) WITH ORDINALITY AS t(e, n) WHERE n <= 10) WHERE id = $1`, [started.filing.id]);
    const { filingId } = { filingId: started.filing.id };
    const { fileSpreadsheetTask } = await import('../../lib/interchange/file-spreadsheet-task');
    await fileSpreadsheetTask({ filingId }, {} as never);
    const again = (await server.graphql({ query: READ, variables: { id: filingId } }, H)).json.data.spreadsheetFiling;
    expect(again.done).toBe(30);
    expect(again.results.map((r: { mrn: string | null }) => r.mrn)).toEqual(filing.results.map((r: { mrn: string | null }) => r.mrn));
    expect(await declarationCount()).toBe(before + 28);

    // Another company: no filing, no report.
    expect((await server.graphql({ query: READ, variables: { id: filingId } }, other)).json.data.spreadsheetFiling).toBeNull();
    expect((await fetch(`${server.url}${started.filing.reportUrl}`, { headers: other })).status).toBe(404);
  });

  it('starts nothing when the mapping makes no declaration', async () => {
    const sheet = await readSpreadsheet({ bytes: fixtureBytes('bulk-filing.csv'), kind: 'csv' });
    const count = async () => Number((await getPool().query('SELECT count(*) FROM spreadsheet_filing')).rows[0].count);
    const before = await count();
    const answer = (await server.graphql({ query: START, variables: { fileName: 'x.csv', header: sheet.header, rows: sheet.rows, columns: proposed(sheet.header).filter((c) => c.field !== 'lrn'), submit: true } }, H)).json.data.startSpreadsheetFiling;
    expect(answer.filing).toBeNull();
    expect(answer.userErrors[0].message).toContain('LRN');
    expect(await count()).toBe(before);
  });
});

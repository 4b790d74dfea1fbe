// A bulk filing's report as CSV, one line per sheet row: its LRN, whether its declaration was filed,
// the MRN and lane, or the problems (located by row and column). Rows of one declaration repeat its
// answer, so the report sorts and filters like the sheet it came from.
import type { SpreadsheetFilingView } from './get-spreadsheet-filing';

const cell = (v: string | number | null): string => {
  const s = v === null ? '' : String(v);
  // Quote what needs it; a leading = + - @ is prefixed so a spreadsheet does not run it as a formula.
  const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};

export function writeSpreadsheetFilingReport(filing: Pick<SpreadsheetFilingView, 'results'>): string {
  const lines = [['Row', 'LRN', 'Outcome', 'Status', 'MRN', 'Lane', 'Problems'].join(',')];
  const byRow = filing.results.flatMap((r) => r.rows.map((row) => ({ row, r }))).sort((a, b) => a.row - b.row);
  for (const { row, r } of byRow) {
    const problems = r.errors.map((e) => `${e.location}: ${e.message}`).join('; ');
    lines.push([row, r.lrn, r.accepted ? 'filed' : 'refused', r.status, r.mrn, r.lane, problems].map(cell).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}

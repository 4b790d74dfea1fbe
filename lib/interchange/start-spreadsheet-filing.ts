// Starts a bulk filing from a spreadsheet: the sheet as read and its mapping are stored and a
// `file-spreadsheet` job is queued in the same transaction, so the request returns at once however many
// rows there are and the portal polls getSpreadsheetFiling for progress. The sheet is checked first
// (previewSpreadsheet's rules): a mapping that makes no declaration is refused here, with the located
// errors, and nothing is stored. Declarations with errors stay in the sheet: the job answers them as
// refused (located by row and column) without filing them, so the report covers every row.
import type { Actor } from '../auth/actor';
import { assertFiler } from '../auth/policy';
import { sqlTransaction } from '../database/sql';
import { AppError } from '../errors';
import { enqueueJob } from '../jobs/enqueue-job';
import { previewSpreadsheet } from './preview-spreadsheet';
import type { SheetRow } from './rows-to-declarations';

export interface SpreadsheetSheet {
  header: string[];
  rows: SheetRow[];
  columns: { field: string; column: string }[];
}

export async function startSpreadsheetFiling(options: { actor: Actor; fileName: string; submit: boolean } & SpreadsheetSheet): Promise<{ id: string }> {
  const { actor } = options;
  assertFiler(actor);
  const sheet: SpreadsheetSheet = { header: options.header, rows: options.rows, columns: options.columns };
  const preview = previewSpreadsheet({ actor, ...sheet });
  if (preview.errors.length) {
    throw new AppError('BAD_USER_INPUT', preview.errors[0]!.message, { fieldErrors: preview.errors.map((e) => ({ path: ['columns'], code: e.code, message: `${e.location}: ${e.message}` })) });
  }
  if (!preview.declarations.length) throw new AppError('BAD_USER_INPUT', 'The sheet has no data rows: nothing to file.', { fieldErrors: [{ path: ['rows'], code: 'REQUIRED', message: 'Add at least one row.' }] });
  const fileName = options.fileName.trim().slice(0, 200) || 'spreadsheet';
  return sqlTransaction(async (sql) => {
    const [row] = await sql<{ id: string }>(
      `INSERT INTO spreadsheet_filing (company_id, user_id, file_name, submit, total, sheet) VALUES ($1::uuid, $2::uuid, $3, $4, $5, $6::jsonb) RETURNING id`,
      [actor.companyId, actor.userId, fileName, options.submit, preview.declarations.length, JSON.stringify(sheet)],
    );
    // One attempt at a time per filing (job key); a retried job carries on after the last answered declaration.
    await enqueueJob(sql, 'file-spreadsheet', { filingId: row!.id }, { jobKey: `file-spreadsheet:${row!.id}`, maxAttempts: 5 });
    return { id: row!.id };
  });
}

// A bulk filing of the caller's company (startSpreadsheetFiling), with its progress and the outcome of
// every declaration answered so far. Another company's filing is NOT_FOUND, as if it did not exist.
import type { Actor } from '../auth/actor';
import { assertFiler } from '../auth/policy';
import { getPool } from '../db';
import { sqlOfClient } from '../database/sql';
import { AppError } from '../errors';
import type { SpreadsheetFilingResult } from './file-spreadsheet-task';

export interface SpreadsheetFilingView {
  id: string;
  fileName: string;
  submit: boolean;
  status: 'QUEUED' | 'RUNNING' | 'DONE' | 'FAILED';
  total: number;
  done: number;
  failure: string | null;
  results: SpreadsheetFilingResult[];
  createdAt: Date;
  updatedAt: Date;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function getSpreadsheetFiling(options: { actor: Actor; id: string }): Promise<SpreadsheetFilingView> {
  const { actor, id } = options;
  assertFiler(actor);
  const [row] = UUID.test(id)
    ? await sqlOfClient(getPool())<SpreadsheetFilingView>(
        `SELECT id, file_name AS "fileName", submit, status, total, done, failure, results, created_at AS "createdAt", updated_at AS "updatedAt"
         FROM spreadsheet_filing WHERE id = $1::uuid AND company_id = $2::uuid`,
        [id, actor.companyId],
      )
    : [];
  if (!row) throw new AppError('NOT_FOUND', 'No such spreadsheet filing.');
  return row;
}

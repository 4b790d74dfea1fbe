// The file-spreadsheet job: files the declarations of a stored sheet (startSpreadsheetFiling) one by
// one through fileInterchangeMessage (same lifecycle as GraphQL, idempotent by LRN per company), as the
// person who started it, appending each outcome to the filing so the portal's progress bar moves.
// Safe to retry: it carries on after the last answered declaration, and refiling one already filed
// answers its stored outcome.
import type { Task } from 'graphile-worker';

import { loadUserActor } from '../auth/actor';
import { getPool } from '../db';
import { sqlOfClient } from '../database/sql';
import { isAppError, type FieldErrorCode } from '../errors';
import { getLogger } from '../logger';
import { fileInterchangeMessage, type MessageOutcome } from './file-interchange-message';
import { locatedAt, type LocatedError } from './interchange-message';
import { rowsToDeclarations } from './rows-to-declarations';
import type { SpreadsheetSheet } from './start-spreadsheet-filing';

declare global {
  namespace GraphileWorker {
    interface Tasks {
      'file-spreadsheet': { filingId: string };
    }
  }
}

/** One declaration's line of the report. */
export interface SpreadsheetFilingResult {
  lrn: string;
  rows: number[];
  accepted: boolean;
  replayed: boolean;
  declarationId: string | null;
  status: string | null;
  mrn: string | null;
  lane: string | null;
  /** As the filing located them, with their catalogue keys (LocatedError). */
  errors: LocatedError[];
}

export const fileSpreadsheetTask: Task<'file-spreadsheet'> = async ({ filingId }) => {
  const sql = sqlOfClient(getPool());
  const [filing] = await sql<{ user_id: string; submit: boolean; status: string; done: number; sheet: SpreadsheetSheet }>(
    `UPDATE spreadsheet_filing SET status = 'RUNNING', updated_at = now() WHERE id = $1::uuid AND status IN ('QUEUED', 'RUNNING') RETURNING user_id, submit, status, done, sheet`,
    [filingId],
  );
  if (!filing) return;
  const fail = (reason: string) => sql(`UPDATE spreadsheet_filing SET status = 'FAILED', failure = $2, updated_at = now() WHERE id = $1::uuid`, [filingId, reason]);
  let actor;
  try {
    actor = await loadUserActor({ userId: filing.user_id });
  } catch (error) {
    // The person was disabled or removed meanwhile: nothing more is filed in their name.
    if (isAppError(error)) return void (await fail(`Not filed: ${error.message}`));
    throw error;
  }
  const { messages, errors } = rowsToDeclarations({ ...filing.sheet, submit: filing.submit });
  if (errors.length) return void (await fail(errors[0]!.message));
  for (const message of messages.slice(filing.done)) {
    let outcome: Omit<MessageOutcome, 'at'>;
    try {
      // The content is the declaration as mapped (as fileSpreadsheetRows hashes it), so a GraphQL filing and a portal filing of the same rows are one message.
      outcome = await fileInterchangeMessage({ actor, message, content: JSON.stringify([message.input, message.submit]) });
    } catch (error) {
      if (!isAppError(error)) throw error;
      outcome = { reference: message.reference, lrn: message.reference, accepted: false, replayed: false, declarationId: null, status: null, mrn: null, lane: null, errors: [{ ...locatedAt('row', { row: message.rows[0] ?? 1 }), field: null, code: error.code as FieldErrorCode, message: error.message }] };
    }
    const result: SpreadsheetFilingResult = {
      lrn: outcome.lrn ?? message.reference,
      rows: message.rows,
      accepted: outcome.accepted,
      replayed: outcome.replayed,
      declarationId: outcome.declarationId,
      status: outcome.status,
      mrn: outcome.mrn,
      lane: outcome.lane,
      errors: outcome.errors.map((e) => ({ location: e.location, field: e.field, code: e.code, message: e.message, messageKey: e.messageKey, params: e.params, locationKey: e.locationKey, locationParams: e.locationParams })),
    };
    await sql(`UPDATE spreadsheet_filing SET results = results || $2::jsonb, done = done + 1, updated_at = now() WHERE id = $1::uuid`, [filingId, JSON.stringify([result])]);
  }
  await sql(`UPDATE spreadsheet_filing SET status = 'DONE', updated_at = now() WHERE id = $1::uuid`, [filingId]);
  getLogger().info({ filingId, declarations: messages.length }, 'spreadsheet filed');
};

// Filing the declarations spreadsheet rows make, each through fileInterchangeMessage (same lifecycle,
// idempotent by LRN per company, a refused one files nothing). The portal sends a sheet in parts of a
// few declarations so that it can show progress; apps may do the same.
import type { Actor } from '../auth/actor';
import { assertFiler } from '../auth/policy';
import { AppError } from '../errors';
import { fileInterchangeMessage, type MessageOutcome } from './file-interchange-message';
import { SPREADSHEET_MAX_ROWS } from './preview-spreadsheet';
import { rowsToDeclarations, type SheetRow } from './rows-to-declarations';

export async function fileSpreadsheetRows(options: { actor: Actor; header: string[]; rows: SheetRow[]; columns: { field: string; column: string }[]; submit: boolean; requestId?: string }): Promise<MessageOutcome[]> {
  const { actor, requestId } = options;
  assertFiler(actor);
  if (options.rows.length > SPREADSHEET_MAX_ROWS) throw new AppError('BAD_USER_INPUT', `At most ${SPREADSHEET_MAX_ROWS.toLocaleString('en')} rows per call.`, { fieldErrors: [{ path: ['rows'], code: 'TOO_BIG', message: `At most ${SPREADSHEET_MAX_ROWS} rows.` }] });
  const { messages, errors } = rowsToDeclarations(options);
  if (errors.length) throw new AppError('BAD_USER_INPUT', errors[0]!.message, { fieldErrors: errors.map((e) => ({ path: ['columns'], code: e.code, message: e.message })) });
  const outcomes: MessageOutcome[] = [];
  for (const message of messages) {
    // The content is the declaration as mapped, so the same rows give the same hash whatever else the sheet held.
    outcomes.push(await fileInterchangeMessage({ actor, message, content: JSON.stringify([message.input, message.submit]), requestId }));
  }
  return outcomes;
}

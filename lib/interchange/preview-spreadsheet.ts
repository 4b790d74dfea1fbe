// What spreadsheet rows would file, checked with the declaration schema (declaration-input.ts, the
// same zod the API and the portal's form use) and nothing else: no database, so the preview is fast and
// the filing itself (fileSpreadsheetRows) still runs the full lifecycle.
import type { Actor } from '../auth/actor';
import { assertFiler } from '../auth/policy';
import { declarationInput } from '../declarations/declaration-input';
import { fieldErrorsOf } from '../validation';
import type { LocatedError } from './interchange-message';
import { rowsToDeclarations, type SheetRow } from './rows-to-declarations';

export const SPREADSHEET_MAX_ROWS = 20_000;

export interface SpreadsheetPreview {
  declarations: { lrn: string; rows: number[]; itemCount: number; errors: LocatedError[] }[];
  errors: LocatedError[];
}

export function previewSpreadsheet(options: { actor: Actor; header: string[]; rows: SheetRow[]; columns: { field: string; column: string }[] }): SpreadsheetPreview {
  assertFiler(options.actor);
  if (options.rows.length > SPREADSHEET_MAX_ROWS) {
    return { declarations: [], errors: [{ location: `row ${SPREADSHEET_MAX_ROWS + 2}`, field: null, code: 'TOO_BIG', message: `At most ${SPREADSHEET_MAX_ROWS.toLocaleString('en')} rows are filed from one sheet; this one has ${options.rows.length.toLocaleString('en')}. Split it.` }] };
  }
  const { messages, errors } = rowsToDeclarations(options);
  return {
    errors,
    declarations: messages.map((m) => {
      const parsed = declarationInput.safeParse(m.input);
      const schemaErrors = parsed.success ? [] : fieldErrorsOf(parsed.error, m.input).map((f) => ({ location: m.locate(f.path), field: f.path.join('.') || null, code: f.code, message: f.message }));
      return { lrn: m.reference, rows: m.rows, itemCount: m.rows.length, errors: [...m.errors, ...schemaErrors] };
    }),
  };
}

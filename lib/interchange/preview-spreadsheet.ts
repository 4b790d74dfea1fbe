// What spreadsheet rows would file, checked with the declaration schema (declaration-input.ts, the
// same zod the API and the portal's form use) and nothing else: no database, so the preview is fast and
// the filing itself (fileSpreadsheetRows) still runs the full lifecycle.
import type { Actor } from '../auth/actor';
import { assertFiler } from '../auth/policy';
import { declarationInput } from '../declarations/declaration-input';
import { catalogueErrorMap, fieldErrorsOf } from '../validation';
import { locatedAt, locatedFieldError, problemOf, type LocatedError } from './interchange-message';
import { rowsToDeclarations, type SheetRow } from './rows-to-declarations';

export const SPREADSHEET_MAX_ROWS = 20_000;

export interface SpreadsheetPreview {
  declarations: { lrn: string; rows: number[]; itemCount: number; errors: LocatedError[] }[];
  errors: LocatedError[];
}

export function previewSpreadsheet(options: { actor: Actor; header: string[]; rows: SheetRow[]; columns: { field: string; column: string }[] }): SpreadsheetPreview {
  assertFiler(options.actor);
  if (options.rows.length > SPREADSHEET_MAX_ROWS) {
    return { declarations: [], errors: [{ ...locatedAt('row', { row: SPREADSHEET_MAX_ROWS + 2 }), field: null, code: 'TOO_BIG', ...problemOf('tooManyRows', { limit: SPREADSHEET_MAX_ROWS, count: options.rows.length }) }] };
  }
  const { messages, errors } = rowsToDeclarations(options);
  return {
    errors,
    declarations: messages.map((m) => {
      // zod's own checks worded from the catalogue, as parseInput words them, so they can be translated.
      const parsed = declarationInput.safeParse(m.input, { error: catalogueErrorMap });
      const schemaErrors = parsed.success ? [] : fieldErrorsOf(parsed.error, m.input).map((f) => locatedFieldError(f, m));
      return { lrn: m.reference, rows: m.rows, itemCount: m.rows.length, errors: [...m.errors, ...schemaErrors] };
    }),
  };
}

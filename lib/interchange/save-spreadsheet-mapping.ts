// A company's named column mapping for bulk filing, saved (created or replaced) so that the next sheet
// of the same layout maps itself.
import { z } from 'zod';

import type { Actor } from '../auth/actor';
import { assertFiler } from '../auth/policy';
import { getPool } from '../db';
import { sqlOfClient } from '../database/sql';
import { parseInput } from '../validation';
import { SPREADSHEET_FIELDS } from './spreadsheet-fields';

const mappingInput = z.object({
  name: z.string().trim().min(1, 'Give the mapping a name.').max(100, 'A mapping name is limited to 100 characters.'),
  columns: z
    .array(z.object({ field: z.string().refine((f) => Object.hasOwn(SPREADSHEET_FIELDS, f), { message: 'Not a Clearway field.' }), column: z.string().trim().max(200) }))
    .max(Object.keys(SPREADSHEET_FIELDS).length),
});

export interface SpreadsheetMappingView {
  id: string;
  name: string;
  columns: { field: string; column: string }[];
  updatedAt: Date;
}

export async function saveSpreadsheetMapping(options: { actor: Actor; name: string; columns: { field: string; column: string }[] }): Promise<SpreadsheetMappingView> {
  const { actor } = options;
  assertFiler(actor);
  const input = parseInput(mappingInput, { name: options.name, columns: options.columns });
  const [row] = await sqlOfClient(getPool())<SpreadsheetMappingView>(
    `INSERT INTO spreadsheet_mapping (company_id, name, columns) VALUES ($1::uuid, $2, $3::jsonb)
     ON CONFLICT (company_id, name) DO UPDATE SET columns = EXCLUDED.columns, updated_at = now()
     RETURNING id, name, columns, updated_at AS "updatedAt"`,
    [actor.companyId, input.name, JSON.stringify(input.columns.filter((c) => c.column))],
  );
  return row!;
}

// The caller's company's saved column mappings, by name.
import type { Actor } from '../auth/actor';
import { getPool } from '../db';
import { sqlOfClient } from '../database/sql';
import type { SpreadsheetMappingView } from './save-spreadsheet-mapping';

export async function listSpreadsheetMappings(options: { actor: Actor }): Promise<SpreadsheetMappingView[]> {
  const { actor } = options;
  if (!actor.companyId) return [];
  return sqlOfClient(getPool())<SpreadsheetMappingView>(`SELECT id, name, columns, updated_at AS "updatedAt" FROM spreadsheet_mapping WHERE company_id = $1::uuid ORDER BY name`, [actor.companyId]);
}

import { sqlOfClient } from '../database/sql';
import { getPool } from '../db';
import { getClaims, type ClaimView } from './get-claim';

/** The live claims of these declarations (for GraphQL's Declaration.claim). */
export async function loadClaims(declarationIds: readonly string[]): Promise<Map<string, ClaimView>> {
  return getClaims(sqlOfClient(getPool()), declarationIds);
}

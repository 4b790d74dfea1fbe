// The documents attached to a declaration, oldest first, for whoever sees the declaration.
import type { Actor } from '../auth/actor';
import { getPool } from '../db';
import { sqlOfClient } from '../database/sql';
import { assertCanReadDocuments, readDeclaration } from './document-access';
import { DOCUMENT_COLUMNS, toDocumentRecord, type DocumentRecord, type DocumentRow } from './document-record';

export async function listDocuments(options: { actor: Actor; declarationId: string; includeRemoved?: boolean }): Promise<DocumentRecord[]> {
  const { actor, declarationId } = options;
  const sql = sqlOfClient(getPool());
  assertCanReadDocuments(actor, await readDeclaration(sql, declarationId), declarationId);
  const rows = await sql<DocumentRow>(
    `SELECT ${DOCUMENT_COLUMNS} FROM document d JOIN app_user u ON u.id = d.uploaded_by_id
      WHERE d.declaration_id = $1::uuid ${options.includeRemoved ? '' : 'AND d.removed_at IS NULL'}
      ORDER BY d.created_at, d.ledger_leaf_index`,
    [declarationId],
  );
  return rows.map(toDocumentRecord);
}

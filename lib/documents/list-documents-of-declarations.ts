// The documents of many declarations in two statements, for a per-request DataLoader (a page of
// declarations asking for their documents). Same rules as listDocuments: a token needs documents:read
// (refused for the whole batch), and a declaration the actor cannot see is "not found" in its place.
import type { Actor } from '../auth/actor';
import { assertScope, canReadDeclaration, DOCUMENT_READ_SCOPES } from '../auth/policy';
import { getPool } from '../db';
import { sqlOfClient } from '../database/sql';
import type { AppError } from '../errors';
import type { DeclarationStatus, DeclarationType } from '../generated/prisma/client';
import { notFoundDeclaration, seesDeclaration } from './document-access';
import { DOCUMENT_COLUMNS, toDocumentRecord, type DocumentRecord, type DocumentRow } from './document-record';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** For each id asked, in order: its documents (oldest first), or NOT_FOUND. Removed ones are included, with `removedAt`. */
export async function listDocumentsOfDeclarations(options: { actor: Actor; declarationIds: readonly string[] }): Promise<Array<DocumentRecord[] | AppError>> {
  const { actor, declarationIds } = options;
  assertScope(actor, 'documents:read');
  const ids = [...new Set(declarationIds.filter((id) => UUID.test(id)))];
  const sql = sqlOfClient(getPool());
  const declarations = ids.length
    ? await sql<{ id: string; type: DeclarationType; status: DeclarationStatus; declarant_id: string; importer_id: string | null; exporter_id: string | null; representative_id: string | null }>(
        `SELECT id, type::text AS type, status::text AS status, declarant_id, importer_id, exporter_id, representative_id FROM declaration WHERE id = ANY($1::uuid[])`,
        [ids],
      )
    : [];
  const parties = declarations.map((d) => ({ id: d.id, type: d.type, status: d.status, declarantId: d.declarant_id, importerId: d.importer_id, exporterId: d.exporter_id, representativeId: d.representative_id }));
  const visible = parties.filter((d) => seesDeclaration(actor, d)).map((d) => d.id);
  // A counterparty sees the declaration but not the filer's documents: an empty list, not "not found".
  const shownEmpty = parties.filter((d) => !visible.includes(d.id) && canReadDeclaration(actor, d, DOCUMENT_READ_SCOPES)).map((d) => d.id);
  const rows = visible.length
    ? await sql<DocumentRow>(
        `SELECT ${DOCUMENT_COLUMNS} FROM document d JOIN app_user u ON u.id = d.uploaded_by_id
          WHERE d.declaration_id = ANY($1::uuid[]) ORDER BY d.created_at, d.ledger_leaf_index`,
        [visible],
      )
    : [];
  const byDeclaration = new Map<string, DocumentRecord[]>([...visible, ...shownEmpty].map((id) => [id, []]));
  for (const row of rows) byDeclaration.get(row.declaration_id)?.push(toDocumentRecord(row));
  // Ids are compared as PostgreSQL prints them (lowercase).
  return declarationIds.map((id) => byDeclaration.get(id.toLowerCase()) ?? notFoundDeclaration(id));
}

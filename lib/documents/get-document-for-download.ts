// A document's record and its bytes, for whoever sees its declaration. A removed document stays
// downloadable by customs officers and platform administrators only (it remains evidence).
import type { Readable } from 'node:stream';

import type { Actor } from '../auth/actor';
import { assertScope, isOfficial } from '../auth/policy';
import { getPool } from '../db';
import { sqlOfClient } from '../database/sql';
import { getBlobStore } from './get-blob-store';
import { notFoundDocument, readDeclaration, seesDeclaration } from './document-access';
import { DOCUMENT_COLUMNS, toDocumentRecord, type DocumentRecord, type DocumentRow } from './document-record';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function getDocumentForDownload(options: { actor: Actor; documentId: string }): Promise<{ document: DocumentRecord; content: Readable }> {
  const { actor, documentId } = options;
  assertScope(actor, 'documents:read');
  if (!UUID.test(documentId)) throw notFoundDocument(documentId);
  const sql = sqlOfClient(getPool());
  const [row] = await sql<DocumentRow>(
    `SELECT ${DOCUMENT_COLUMNS} FROM document d JOIN app_user u ON u.id = d.uploaded_by_id WHERE d.id = $1::uuid`,
    [documentId],
  );
  if (!row) throw notFoundDocument(documentId);
  const declaration = await readDeclaration(sql, row.declaration_id);
  if (!declaration || !seesDeclaration(actor, declaration)) throw notFoundDocument(documentId);
  if (row.removed_at && !isOfficial(actor)) throw notFoundDocument(documentId);
  const document = toDocumentRecord(row);
  return { document, content: await getBlobStore().get(document.sha256) };
}

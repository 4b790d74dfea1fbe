// Withdraws a document from a draft declaration. The row stays (marked removed), and so do its blob and
// its ledger leaf: the ledger is append-only and still proves the file existed. Documents of a submitted
// declaration stay attached: customs may have relied on them; attach a corrected one instead.
import type { Actor } from '../auth/actor';
import { assertScope } from '../auth/policy';
import { recordAudit } from '../audit';
import { sqlTransaction } from '../database/sql';
import { AppError } from '../errors';
import { assertCanChangeDocuments, notFoundDocument, readDeclaration, seesDeclaration } from './document-access';
import { DOCUMENT_COLUMNS, toDocumentRecord, type DocumentRecord, type DocumentRow } from './document-record';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function removeDocument(options: { actor: Actor; documentId: string }): Promise<DocumentRecord> {
  const { actor, documentId } = options;
  assertScope(actor, 'documents:write');
  if (!UUID.test(documentId)) throw notFoundDocument(documentId);
  return sqlTransaction(async (sql) => {
    const [found] = await sql<{ declaration_id: string; removed_at: Date | null }>(
      'SELECT declaration_id, removed_at FROM document WHERE id = $1::uuid',
      [documentId],
    );
    if (!found) throw notFoundDocument(documentId);
    const declaration = await readDeclaration(sql, found.declaration_id, { lock: true });
    if (!declaration || !seesDeclaration(actor, declaration)) throw notFoundDocument(documentId);
    assertCanChangeDocuments(actor, declaration);
    if (found.removed_at) throw notFoundDocument(documentId);
    if (declaration.status !== 'DRAFT') {
      throw new AppError('CONFLICT', 'Documents of a submitted declaration stay attached; attach a corrected document instead.');
    }
    const [row] = await sql<DocumentRow>(
      `WITH d AS (UPDATE document SET removed_at = now(), removed_by_id = $2::uuid WHERE id = $1::uuid AND removed_at IS NULL RETURNING *)
       SELECT ${DOCUMENT_COLUMNS} FROM d JOIN app_user u ON u.id = d.uploaded_by_id`,
      [documentId, actor.userId],
    );
    if (!row) throw notFoundDocument(documentId);
    await recordAudit(sql, {
      actor,
      action: 'document.remove',
      targetType: 'document',
      targetId: documentId,
      details: { declarationId: declaration.id, sha256: row.sha256 },
    });
    return toDocumentRecord(row);
  });
}

// Links an upload of the actor's company to a declaration: the document row, its audit event and its
// ledger leaf (kind "document", ref = the document's id) are written in one transaction, so a document
// exists exactly when it is anchored.
import { randomUUID } from 'node:crypto';

import { z } from 'zod';

import type { Actor } from '../auth/actor';
import { assertScope } from '../auth/policy';
import { recordAudit } from '../audit';
import { recordBusinessEvent } from '../notifications/record-business-event';
import { sqlTransaction } from '../database/sql';
import { AppError } from '../errors';
import { anchorItem } from '../ledger/anchor-item';
import { parseInput } from '../validation';
import { assertCanChangeDocuments, notFoundDeclaration, readDeclaration } from './document-access';
import { DOCUMENT_COLUMNS, DOCUMENT_TYPES, toDocumentRecord, type DocumentRecord, type DocumentRow } from './document-record';

/** The form's fields; shared by the portal and the API. */
const attachDocumentInput = z
  .object({
    declarationId: z.string().trim().min(1, 'Name the declaration.'),
    uploadId: z.string().trim().uuid('An upload id is a UUID, as POST /api/documents returns it.').optional(),
    sha256: z
      .string()
      .trim()
      .transform((v) => v.toLowerCase())
      .refine((v) => /^[0-9a-f]{64}$/.test(v), 'A SHA-256 is 64 hexadecimal digits.')
      .optional(),
    type: z.enum(DOCUMENT_TYPES, { message: `Choose one of ${DOCUMENT_TYPES.join(', ')}.` }),
    reference: z.string().trim().min(1, 'Give the document’s reference (invoice, bill of lading or certificate number).').max(70, 'A reference is limited to 70 characters.'),
    /** Default: the name it was uploaded with. */
    fileName: z
      .string()
      .trim()
      .min(1, 'A file name cannot be empty.')
      .max(255, 'A file name is limited to 255 characters.')
      .refine((v) => !/[\u0000-\u001f\u007f/\\]/.test(v), 'A file name has no slashes or control characters.')
      .optional(),
  })
  .refine((v) => (v.uploadId === undefined) !== (v.sha256 === undefined), { message: 'Give either the upload id or the SHA-256 of an upload.', path: ['uploadId'] });

export type AttachDocumentInput = z.input<typeof attachDocumentInput>;

/** Declarations in these states are closed: nothing is added to them any more. */
const CLOSED = new Set(['REJECTED', 'CANCELLED']);

export async function attachDocument(options: AttachDocumentInput & { actor: Actor }): Promise<DocumentRecord> {
  const { actor } = options;
  assertScope(actor, 'documents:write');
  const input = parseInput(attachDocumentInput, { ...options, actor: undefined });

  return sqlTransaction(async (sql) => {
    // Locked: the declaration cannot change state (or its broker's grant be used up) halfway.
    const declaration = await readDeclaration(sql, input.declarationId, { lock: true });
    if (!declaration) throw notFoundDeclaration(input.declarationId);
    assertCanChangeDocuments(actor, declaration);
    if (CLOSED.has(declaration.status)) {
      throw new AppError('CONFLICT', `The declaration is ${declaration.status.toLowerCase()}: no documents can be attached to it.`);
    }

    // Only bytes this company uploaded: a SHA-256 alone proves nothing (they are public in the ledger).
    const [upload] = await sql<{ id: string; sha256: string; file_name: string; size: number; content_type: string }>(
      `SELECT up.id, up.sha256, up.file_name, b.size, b.content_type
         FROM document_upload up JOIN blob b ON b.sha256 = up.sha256
        WHERE up.company_id = $1::uuid AND ${input.uploadId ? 'up.id = $2::uuid' : 'up.sha256 = $2'}
        ORDER BY up.created_at DESC LIMIT 1`,
      [actor.companyId, input.uploadId ?? input.sha256],
    );
    if (!upload) {
      const what = input.uploadId ? `upload ${input.uploadId}` : `upload of the SHA-256 ${input.sha256}`;
      throw new AppError('NOT_FOUND', `No ${what} by your company: upload the file first (POST /api/documents).`, {
        fieldErrors: [{ path: [input.uploadId ? 'uploadId' : 'sha256'], code: 'UNKNOWN', message: 'Upload the file first.' }],
      });
    }
    const [already] = await sql<{ id: string }>(
      'SELECT id FROM document WHERE declaration_id = $1::uuid AND sha256 = $2 AND removed_at IS NULL LIMIT 1',
      [declaration.id, upload.sha256],
    );
    if (already) {
      throw new AppError('CONFLICT', `This file is already attached to the declaration (document ${already.id}).`, { documentId: already.id });
    }

    const id = randomUUID();
    const createdAt = new Date();
    const fileName = input.fileName ?? upload.file_name;
    await recordAudit(sql, {
      actor,
      action: 'document.attach',
      targetType: 'document',
      targetId: id,
      details: { declarationId: declaration.id, uploadId: upload.id, sha256: upload.sha256, type: input.type, reference: input.reference, fileName },
    });
    // Queued in the ledger with the document: its leaf index follows once integrated (found by leaf hash).
    const leaf = await anchorItem(sql, { kind: 'document', sha256: upload.sha256, ref: id, at: createdAt });
    const [row] = await sql<DocumentRow>(
      `WITH d AS (
         INSERT INTO document (id, declaration_id, type, reference, file_name, sha256, size, content_type, uploaded_by_id,
                               company_id, token_id, created_at, ledger_leaf_index, ledger_leaf_hash)
         VALUES ($1::uuid, $2::uuid, $3::document_type, $4, $5, $6, $7, $8, $9::uuid, $10::uuid, $11::uuid, $12, $13::bigint, $14)
         RETURNING *)
       SELECT ${DOCUMENT_COLUMNS} FROM d JOIN app_user u ON u.id = d.uploaded_by_id`,
      [
        id, declaration.id, input.type, input.reference, fileName, upload.sha256, upload.size, upload.content_type, actor.userId,
        actor.companyId, actor.token?.id ?? null, createdAt, leaf.leafIndex, leaf.leafHash,
      ],
    );
    await recordBusinessEvent(sql, {
      type: 'document.attached',
      declarationId: declaration.id,
      payload: { documentId: id, declarationId: declaration.id, type: input.type, sha256: upload.sha256 },
    });
    return toDocumentRecord(row!);
  });
}

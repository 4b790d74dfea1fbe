'use server';
// Server actions of a declaration's documents. The bytes go to POST /api/documents from the browser
// first (streamed, checked, hashed); this attaches the upload it answered, which anchors it in the
// ledger. Problems come back as a result for the form to show, as in actions.ts.
import { revalidatePath } from 'next/cache';

import { attachDocument } from '../../lib/documents/attach-document';
import { DOCUMENT_TYPES } from '../../lib/documents/document-record';
import { AppError, type FieldError } from '../../lib/errors';
import { getActor } from '../session';

export type AttachResult = { ok: true; leafIndex: number | null; fileName: string } | { ok: false; message: string; fieldErrors: FieldError[] };

export async function attachDocumentAction(input: { declarationId: string; uploadId: string; type: string; reference: string }): Promise<AttachResult> {
  const actor = await getActor();
  const type = DOCUMENT_TYPES.find((t) => t === input.type);
  if (!type) return { ok: false, message: 'Some fields need correcting.', fieldErrors: [{ path: ['type'], code: 'REQUIRED', message: 'Choose the kind of document.' }] };
  try {
    const document = await attachDocument({ actor, declarationId: String(input.declarationId), uploadId: String(input.uploadId), type, reference: String(input.reference) });
    revalidatePath(`/declarations/${document.declarationId}`);
    return { ok: true, leafIndex: document.ledgerLeafIndex, fileName: document.fileName };
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return { ok: false, message: error.message, fieldErrors: error.details.fieldErrors ?? [] };
  }
}

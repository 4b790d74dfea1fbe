// An upload: the bytes checked while they stream into the blob store (size limit, type sniffed from the
// first bytes, JSON parsed), then staged for the actor's company until attachDocument links them to a
// declaration. A refused or interrupted upload leaves neither a blob nor a temporary file.
import { Transform, type Readable, type TransformCallback } from 'node:stream';

import type { Actor } from '../auth/actor';
import { sqlTransaction } from '../database/sql';
import { recordAudit } from '../audit';
import { getEnv } from '../env';
import { AppError } from '../errors';
import { getBlobStore } from './get-blob-store';
import { assertCanUploadDocuments } from './document-access';
import { ALLOWED_DOCUMENT_FORMATS, sniffContentType, SNIFF_BYTES, type DocumentContentType } from './sniff-content-type';
import { formatBytes } from '../format-bytes';

export interface StoredUpload {
  /** Pass to attachDocument (or the SHA-256: the company's latest upload of those bytes is used). */
  uploadId: string;
  sha256: string;
  size: number;
  contentType: DocumentContentType;
  fileName: string;
  /** Your company uploaded the same bytes before (they are stored once whoever uploads them). */
  duplicate: boolean;
  uploadedAt: Date;
}

export async function storeUpload(options: {
  actor: Actor | null;
  content: Readable;
  /** As the client named it; cleaned, never used to decide the type. */
  fileName?: string | null;
  /** Default DOCUMENT_MAX_BYTES. */
  maxBytes?: number;
  signal?: AbortSignal;
}): Promise<StoredUpload> {
  const { actor } = options;
  assertCanUploadDocuments(actor);
  const maxBytes = options.maxBytes ?? getEnv().DOCUMENT_MAX_BYTES;
  const inspector = new UploadInspector(maxBytes);
  // Errors of the source reach the store through the inspector, which then removes its temporary file.
  options.content.once('error', (error) => inspector.destroy(error));
  const blob = await getBlobStore().put(options.content.pipe(inspector), { signal: options.signal });
  const contentType = inspector.contentType!;
  const fileName = cleanFileName(options.fileName, contentType);

  return sqlTransaction(async (sql) => {
    // The blob row may exist already (same bytes from anyone); `duplicate` only tells about this company's
    // own uploads, so that an upload cannot probe whether another company holds some file.
    const [row] = await sql<{ id: string; created_at: Date; duplicate: boolean }>(
      `WITH b AS (INSERT INTO blob (sha256, size, content_type) VALUES ($1, $2, $3) ON CONFLICT (sha256) DO NOTHING),
       prior AS (SELECT EXISTS (SELECT 1 FROM document_upload WHERE company_id = $5::uuid AND sha256 = $1) AS duplicate),
       u AS (INSERT INTO document_upload (id, sha256, file_name, uploaded_by_id, company_id, token_id)
             VALUES (gen_random_uuid(), $1, $4, $6::uuid, $5::uuid, $7::uuid) RETURNING id, created_at)
       SELECT u.id, u.created_at, prior.duplicate FROM u CROSS JOIN prior`,
      [blob.sha256, blob.size, contentType, fileName, actor.companyId, actor.userId, actor.token?.id ?? null],
    );
    await recordAudit(sql, {
      actor,
      action: 'document.upload',
      targetType: 'document_upload',
      targetId: row!.id,
      details: { sha256: blob.sha256, size: blob.size, contentType, fileName },
    });
    return { uploadId: row!.id, sha256: blob.sha256, size: blob.size, contentType, fileName, duplicate: row!.duplicate, uploadedAt: row!.created_at };
  });
}

/** 413, naming the limit (also for a declared length already over it). */
export const uploadTooLarge = (max: number) =>
  new AppError('PAYLOAD_TOO_LARGE', `The file exceeds the limit of ${formatBytes(max)} (${max} bytes).`, { maxBytes: max });
const unsupported = (why?: string) =>
  new AppError('UNSUPPORTED_MEDIA_TYPE', `${why ?? 'The file is not an accepted type.'} Accepted: ${ALLOWED_DOCUMENT_FORMATS}, recognised from the file's content (its name and declared type are not considered).`);

/** Passes the bytes through while counting them, sniffing the start and, for JSON, parsing the whole. */
class UploadInspector extends Transform {
  contentType: DocumentContentType | undefined;
  private size = 0;
  private head: Buffer[] = [];
  private headLength = 0;
  private json: Buffer[] | null = null;

  constructor(private readonly maxBytes: number) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.size += chunk.length;
    if (this.size > this.maxBytes) return callback(uploadTooLarge(this.maxBytes));
    if (this.contentType === undefined) {
      this.head.push(chunk);
      this.headLength += chunk.length;
      const head = Buffer.concat(this.head, Math.min(this.headLength, SNIFF_BYTES));
      const sniffed = sniffContentType(head, false);
      if (sniffed === null) return callback(unsupported());
      if (sniffed !== undefined) this.decided(sniffed);
    } else if (this.json) this.json.push(chunk);
    callback(null, chunk);
  }

  override _flush(callback: TransformCallback): void {
    if (this.size === 0) return callback(new AppError('BAD_USER_INPUT', 'The file is empty.'));
    if (this.contentType === undefined) {
      const sniffed = sniffContentType(Buffer.concat(this.head), true);
      if (!sniffed) return callback(unsupported());
      this.decided(sniffed);
    }
    if (this.json) {
      try {
        JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(this.json)));
      } catch {
        return callback(unsupported('The file starts like JSON but is not valid UTF-8 JSON.'));
      }
      this.json = null;
    }
    callback();
  }

  private decided(type: DocumentContentType): void {
    this.contentType = type;
    // Bounded by maxBytes: JSON documents are kept in memory until they parse.
    if (type === 'application/json') this.json = this.head;
    this.head = [];
  }
}

/** The last path segment, without control characters, at most 255 characters; a neutral name if nothing is left. */
function cleanFileName(name: string | null | undefined, contentType: DocumentContentType): string {
  const base = (name ?? '').split(/[\\/]/).pop() ?? '';
  const cleaned = base.normalize('NFC').replace(/[\u0000-\u001f\u007f-\u009f]/g, '').trim().slice(0, 255).trim();
  if (cleaned && cleaned !== '.' && cleaned !== '..') return cleaned;
  const extension = { 'application/pdf': 'pdf', 'image/png': 'png', 'image/jpeg': 'jpg', 'application/xml': 'xml', 'application/json': 'json' }[contentType];
  return `document.${extension}`;
}

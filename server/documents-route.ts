// REST for document bytes (GraphQL carries the rest: attachDocument, documents of a declaration):
//   POST /api/documents          multipart/form-data with one file field "file" → 201 the stored upload
//   GET  /api/documents/{id}     the attached document's bytes, for whoever sees its declaration
// Authentication and rate limits as for /api/graphql (admitRequest). The upload streams from the socket
// to the blob store; the checks (size, type sniffed from the bytes) run while it streams.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { pipeline } from 'node:stream/promises';

import busboy from 'busboy';

import { admitRequest, sendJson } from '../graphql/http-handler';
import type { Actor } from '../lib/auth/actor';
import { getBlobStore } from '../lib/documents/get-blob-store';
import { assertCanUploadDocuments } from '../lib/documents/document-access';
import { getDocumentForDownload } from '../lib/documents/get-document-for-download';
import { storeUpload, uploadTooLarge } from '../lib/documents/store-upload';
import { getEnv } from '../lib/env';
import { AppError, isAppError } from '../lib/errors';
import type { Logger } from '../lib/logger';
import { sendAppError } from './send-app-error';

/** Room for the multipart envelope (boundaries, part headers) around a file of the maximum size. */
const ENVELOPE_BYTES = 64 * 1024;

export function createDocumentsRoute({ logger }: { logger: Logger }) {
  // A half-configured store stops the start rather than the first upload.
  getBlobStore();
  return async function handleDocuments(req: IncomingMessage, res: ServerResponse, requestId: string, pathname: string): Promise<void> {
    const method = (req.method ?? 'GET').toUpperCase();
    const id = pathname === '/api/documents' ? null : /^\/api\/documents\/([^/]+)$/.exec(pathname)?.[1];
    if (id === undefined) return sendAppError(res, requestId, new AppError('NOT_FOUND', 'No such endpoint.'));
    const allowed = id === null ? 'POST' : 'GET';
    if (method !== allowed) {
      res.setHeader('allow', allowed);
      return sendAppError(res, requestId, new AppError('METHOD_NOT_ALLOWED', `Use ${allowed}.`));
    }
    const admitted = await admitRequest(req, res, requestId);
    if (!admitted) return;
    try {
      if (id === null) await upload(req, res, requestId, admitted.actor);
      else await download(res, requestId, admitted.actor, id, logger);
    } catch (error) {
      if (!isAppError(error)) throw error;
      if (!res.headersSent) return sendAppError(res, requestId, error);
      logger.warn({ err: error, requestId }, 'document request failed after the answer started');
      res.destroy();
    }
  };
}

async function upload(req: IncomingMessage, res: ServerResponse, requestId: string, actor: Actor | null): Promise<void> {
  // Before reading a byte: who may upload, what is sent, and a declared size already too large.
  assertCanUploadDocuments(actor);
  if (actor.token === null && crossSite(req)) throw new AppError('FORBIDDEN', 'Uploads from another site are refused.');
  if (!/^multipart\/form-data\s*;/i.test(req.headers['content-type'] ?? '')) {
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'Send multipart/form-data with the document in a field named "file".');
  }
  const maxBytes = getEnv().DOCUMENT_MAX_BYTES;
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes + ENVELOPE_BYTES) {
    res.setHeader('connection', 'close');
    throw uploadTooLarge(maxBytes);
  }

  const aborted = new AbortController();
  const stored = await new Promise<Awaited<ReturnType<typeof storeUpload>>>((resolve, reject) => {
    let parser: busboy.Busboy;
    try {
      parser = busboy({ headers: req.headers, defParamCharset: 'utf8', limits: { files: 1, fields: 10, fieldSize: 1024, parts: 20, headerPairs: 20 } });
    } catch {
      return reject(new AppError('BAD_USER_INPUT', 'The multipart/form-data request is malformed (no boundary).'));
    }
    let result: Promise<Awaited<ReturnType<typeof storeUpload>>> | null = null;
    let settled = false;
    const fail = (error: unknown) => {
      if (settled) return;
      settled = true;
      // Stop reading and storing: the answer goes out now, and the connection closes after it.
      aborted.abort(error);
      req.unpipe(parser);
      res.setHeader('connection', 'close');
      reject(error);
    };
    // A client that goes away mid-upload: the store removes what it had written.
    req.once('close', () => {
      if (!req.complete) fail(new AppError('BAD_USER_INPUT', 'The upload was interrupted: the client closed the connection.'));
    });
    parser.on('file', (field, stream, info) => {
      if (field !== 'file' || result) return void stream.resume();
      // Browsers escape '"', CR and LF in multipart file names (WHATWG HTML, form-data encoding).
      const fileName = info.filename?.replace(/%22/g, '"').replace(/%0[ad]/gi, ' ');
      result = storeUpload({ actor, content: stream, fileName, maxBytes, signal: aborted.signal });
      result.catch(fail);
    });
    parser.once('error', () => fail(new AppError('BAD_USER_INPUT', 'The multipart/form-data request is malformed.')));
    parser.once('close', () => {
      if (!result) return fail(new AppError('BAD_USER_INPUT', 'Send the document in a form field named "file".'));
      result.then((value) => {
        settled = true;
        resolve(value);
      }, fail);
    });
    req.pipe(parser);
  });
  const { sha256, size, contentType, fileName, duplicate, uploadId } = stored;
  sendJson(res, 201, requestId, { uploadId, sha256, size, contentType, fileName, duplicate });
}

async function download(res: ServerResponse, requestId: string, actor: Actor | null, documentId: string, logger: Logger): Promise<void> {
  if (!actor) throw new AppError('UNAUTHENTICATED', 'Sign in, or send an API token with the scope "documents:read".');
  const { document, content } = await getDocumentForDownload({ actor, documentId });
  const inline = document.contentType === 'application/pdf' || document.contentType.startsWith('image/');
  res.writeHead(200, {
    'content-type': document.contentType,
    'content-length': String(document.size),
    'content-disposition': contentDisposition(inline ? 'inline' : 'attachment', document.fileName),
    'x-content-type-options': 'nosniff',
    // XML and JSON could hold script that a browser runs if it renders them: never on this origin.
    ...(document.contentType === 'application/pdf' ? {} : { 'content-security-policy': "default-src 'none'; sandbox" }),
    'cache-control': 'private, no-store',
    etag: `"${document.sha256}"`,
    'x-document-sha256': document.sha256,
    ...(document.ledgerLeafIndex === null ? {} : { 'x-ledger-leaf-index': String(document.ledgerLeafIndex) }),
    'x-ledger-leaf-hash': document.ledgerLeafHash,
  });
  await pipeline(content, res).catch((error: unknown) => {
    // Mostly a client that stopped reading; the answer cannot be repaired once started.
    logger.info({ err: error, requestId, documentId }, 'document download interrupted');
  });
}

/** RFC 6266: an ASCII fallback and the exact name in RFC 8187 encoding. */
function contentDisposition(kind: 'inline' | 'attachment', fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]|["\\%]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

/** A browser sending the session cookie from another site (SameSite=Lax already stops most of it). */
function crossSite(req: IncomingMessage): boolean {
  if (req.headers['sec-fetch-site'] === 'cross-site') return true;
  const origin = req.headers.origin;
  if (!origin || origin === 'null') return origin === 'null';
  try {
    return new URL(origin).host !== req.headers.host && new URL(origin).origin !== new URL(getEnv().PUBLIC_URL).origin;
  } catch {
    return true;
  }
}

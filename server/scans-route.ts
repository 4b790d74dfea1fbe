// REST for X-ray scans (GraphQL carries the analysis: scan, scanQueue, claimScan, annotateScan, decideScan…):
//   POST /api/scans                                         a station posts a scan (multipart: "metadata" JSON + image parts) → 201
//   GET  /api/scans/images/{imageId}/thumbnail.png          the image's thumbnail
//   GET  /api/scans/images/{imageId}/{preset}.dzi            its Deep Zoom descriptor at a window/level preset
//   GET  /api/scans/images/{imageId}/{preset}_files/{level}/{col}_{row}.jpeg   one tile (?map= a colour map)
//   GET  /api/scans/images/{imageId}/window_files/{level}/{col}_{row}.jpeg?wc=&ww=&map=   one tile at a free window
// POST takes a scanning station's token (cw_scan_…); the GETs a signed-in analyst, officer or admin
// (session cookie). The upload is read into memory part by part while counted against SCAN_MAX_BYTES:
// beyond it the answer is 413 at once, and nothing has been stored (storage starts after every part is checked).
import type { IncomingMessage, ServerResponse } from 'node:http';
import { pipeline } from 'node:stream/promises';

import busboy from 'busboy';

import { clientIp, sendJson } from '../graphql/http-handler';
import { readSession } from '../graphql/read-session';
import { authenticate } from '../lib/auth/authenticate';
import { getEnv } from '../lib/env';
import { AppError, isAppError } from '../lib/errors';
import type { Logger } from '../lib/logger';
import { authenticateScanStation } from '../lib/scans/authenticate-scan-station';
import { getScanImageAsset, type ScanImageAsset } from '../lib/scans/get-scan-image-asset';
import { ingestScan } from '../lib/scans/ingest-scan';
import { sendAppError } from './send-app-error';

export const SCANS_PATH = '/api/scans';

const tooLarge = (max: number) =>
  new AppError('PAYLOAD_TOO_LARGE', `The scan exceeds the limit of ${max} bytes (SCAN_MAX_BYTES) for metadata and images together; nothing was stored.`, { maxBytes: max });

export function createScansRoute({ logger }: { logger: Logger }) {
  return async function handleScans(req: IncomingMessage, res: ServerResponse, requestId: string, pathname: string): Promise<void> {
    const method = (req.method ?? 'GET').toUpperCase();
    try {
      if (pathname === SCANS_PATH) {
        if (method !== 'POST') {
          res.setHeader('allow', 'POST');
          throw new AppError('METHOD_NOT_ALLOWED', 'Use POST.');
        }
        return await postScan(req, res, requestId);
      }
      const asset = parseAssetPath(pathname, new URL(req.url ?? '/', 'http://local').searchParams);
      if (!asset) throw new AppError('NOT_FOUND', 'No such endpoint.');
      if (method !== 'GET' && method !== 'HEAD') {
        res.setHeader('allow', 'GET');
        throw new AppError('METHOD_NOT_ALLOWED', 'Use GET.');
      }
      const cookie = req.headers.cookie;
      const actor = await authenticate({ session: await readSession(Array.isArray(cookie) ? cookie[0] : cookie) }, { id: requestId, ip: clientIp(req) });
      const found = await getScanImageAsset({ actor, imageId: asset.imageId, asset: asset.asset });
      const headers = { 'cache-control': 'private, max-age=3600', etag: `"${found.etag}"`, 'x-content-type-options': 'nosniff' };
      // Tiles are content-addressed (the ETag names the stored tile and the window): an unchanged one is 304, not rendered again.
      if (req.headers['if-none-match'] === headers.etag) {
        res.writeHead(304, headers);
        return void res.end();
      }
      const body = typeof found.body === 'function' ? await found.body() : found.body;
      res.writeHead(200, { 'content-type': found.contentType, ...headers });
      if (typeof body === 'string' || Buffer.isBuffer(body)) res.end(body);
      else await pipeline(body, res).catch((error: unknown) => logger.info({ err: error, requestId }, 'scan tile download interrupted'));
    } catch (error) {
      if (!isAppError(error)) throw error;
      if (!res.headersSent) return sendAppError(res, requestId, error);
      res.destroy();
    }
  };
}

function parseAssetPath(pathname: string, query: URLSearchParams): { imageId: string; asset: ScanImageAsset } | null {
  const m = /^\/api\/scans\/images\/([0-9a-fA-F-]{36})\/(?:(thumbnail)\.png|([a-z-]+)\.dzi|([a-z-]+)_files\/(\d{1,2})\/(\d{1,5})_(\d{1,5})\.jpeg)$/.exec(pathname);
  if (!m) return null;
  const imageId = m[1]!;
  if (m[2]) return { imageId, asset: { kind: 'thumbnail' } };
  if (m[3]) return { imageId, asset: { kind: 'dzi', preset: m[3] } };
  return { imageId, asset: { kind: 'tile', preset: m[4]!, level: Number(m[5]), col: Number(m[6]), row: Number(m[7]), centre: query.get('wc'), width: query.get('ww'), map: query.get('map') } };
}

async function postScan(req: IncomingMessage, res: ServerResponse, requestId: string): Promise<void> {
  const auth = req.headers.authorization;
  const { station, actor } = await authenticateScanStation(Array.isArray(auth) ? auth[0] : auth, { id: requestId, ip: clientIp(req) });
  if (!/^multipart\/form-data\s*;/i.test(req.headers['content-type'] ?? '')) {
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'Send multipart/form-data: a part "metadata" (JSON) and one part per image, named as the metadata lists them.');
  }
  const maxBytes = getEnv().SCAN_MAX_BYTES;
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes) {
    res.setHeader('connection', 'close');
    throw tooLarge(maxBytes);
  }
  const { metadata, images } = await readParts(req, res, maxBytes);
  if (metadata === undefined) throw new AppError('BAD_USER_INPUT', 'Send the scan metadata as a part named "metadata" (JSON).', { field: 'metadata' });
  let parsed: unknown;
  try {
    parsed = JSON.parse(metadata);
  } catch {
    throw new AppError('BAD_USER_INPUT', 'The "metadata" part is not valid JSON.', { field: 'metadata' });
  }
  const scan = await ingestScan({ station, actor, metadata: parsed, images, requestId });
  sendJson(res, 201, requestId, scan);
}

function readParts(req: IncomingMessage, res: ServerResponse, maxBytes: number): Promise<{ metadata: string | undefined; images: { part: string; bytes: Buffer }[] }> {
  return new Promise((resolve, reject) => {
    let parser: busboy.Busboy;
    try {
      parser = busboy({ headers: req.headers, defParamCharset: 'utf8', limits: { files: 8, fields: 4, fieldSize: 1024 * 1024, parts: 12, headerPairs: 20 } });
    } catch {
      return reject(new AppError('BAD_USER_INPUT', 'The multipart/form-data request is malformed (no boundary).'));
    }
    let total = 0;
    let settled = false;
    let metadata: string | undefined;
    const images: { part: string; bytes: Buffer }[] = [];
    const pending: Promise<void>[] = [];
    const fail = (error: unknown) => {
      if (settled) return;
      settled = true;
      req.unpipe(parser);
      res.setHeader('connection', 'close');
      req.resume();
      reject(error);
    };
    req.once('close', () => {
      if (!req.complete) fail(new AppError('BAD_USER_INPUT', 'The upload was interrupted: the client closed the connection.'));
    });
    parser.on('field', (name, value) => {
      total += value.length;
      if (total > maxBytes) return fail(tooLarge(maxBytes));
      if (name === 'metadata') metadata = value;
    });
    parser.on('file', (name, stream, info) => {
      const chunks: Buffer[] = [];
      pending.push(
        new Promise<void>((done) => {
          stream.on('data', (chunk: Buffer) => {
            total += chunk.length;
            if (total > maxBytes) {
              stream.resume();
              return fail(tooLarge(maxBytes));
            }
            chunks.push(chunk);
          });
          stream.once('end', () => {
            const bytes = Buffer.concat(chunks);
            if (name === 'metadata' || info.mimeType === 'application/json') metadata ??= bytes.toString('utf8');
            else images.push({ part: name, bytes });
            done();
          });
        }),
      );
    });
    parser.once('error', () => fail(new AppError('BAD_USER_INPUT', 'The multipart/form-data request is malformed.')));
    parser.once('close', () => {
      void Promise.all(pending).then(() => {
        if (settled) return;
        settled = true;
        resolve({ metadata, images });
      });
    });
    req.pipe(parser);
  });
}

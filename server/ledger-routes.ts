// Public ledger endpoints (no sign-in: anyone may verify):
//   GET /.well-known/clearway-ledger.json   the log's identity and public key
//   GET /api/ledger/proof?hash=<sha256>     a self-contained proof bundle (add &download=1 for a file)
//   GET /ledger/checkpoint, /ledger/tile/<L>/<N>[.p/<W>], /ledger/tile/entries/<N>[.p/<W>]
//                                           the log as C2SP tlog-tiles, for any tlog client or witness
// What an entry reveals is only its kind, the item's hash, a reference id and a time (see
// lib/ledger/entry-format.ts): nothing about the goods or the parties.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { gzipSync } from 'node:zlib';

import { sendJson } from '../graphql/http-handler';
import { buildProofBundle } from '../lib/ledger/build-proof-bundle';
import { getLatestCheckpoint } from '../lib/ledger/get-latest-checkpoint';
import { getLedgerPublicInfo } from '../lib/ledger/get-ledger-public-info';
import { readTile } from '../lib/ledger/read-tile';
import { parseTilePath } from '../lib/ledger/tile-path';
import { AppError, isAppError } from '../lib/errors';
import { sendAppError } from './send-app-error';

export async function handleLedgerRoute(req: IncomingMessage, res: ServerResponse, requestId: string, pathname: string): Promise<boolean> {
  if (pathname === '/.well-known/clearway-ledger.json') {
    res.setHeader('cache-control', 'public, max-age=300');
    res.setHeader('access-control-allow-origin', '*');
    sendJson(res, 200, requestId, await getLedgerPublicInfo());
    return true;
  }
  if (pathname === '/api/ledger/proof') {
    if (req.method !== 'GET') {
      res.setHeader('allow', 'GET');
      sendAppError(res, requestId, new AppError('METHOD_NOT_ALLOWED', 'Use GET.'));
      return true;
    }
    const url = new URL(req.url ?? '/', 'http://localhost');
    const hash = url.searchParams.get('hash') ?? '';
    res.setHeader('access-control-allow-origin', '*');
    try {
      const bundle = await buildProofBundle(hash);
      if (url.searchParams.get('download')) res.setHeader('content-disposition', `attachment; filename="clearway-proof-${bundle.itemSha256.slice(0, 16)}.json"`);
      sendJson(res, 200, requestId, bundle);
    } catch (error) {
      if (!isAppError(error)) throw error;
      sendAppError(res, requestId, error);
    }
    return true;
  }
  if (pathname.startsWith(TLOG_PREFIX)) return handleTlogTiles(req, res, requestId, pathname.slice(TLOG_PREFIX.length));
  return false;
}

const TLOG_PREFIX = '/ledger/';

async function handleTlogTiles(req: IncomingMessage, res: ServerResponse, requestId: string, path: string): Promise<boolean> {
  const tile = path === 'checkpoint' ? null : parseTilePath(path);
  if (path !== 'checkpoint' && !tile) return false;
  res.setHeader('access-control-allow-origin', '*');
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.setHeader('allow', 'GET, HEAD');
    sendText(res, 405, 'Use GET.\n');
    return true;
  }
  if (!tile) {
    const checkpoint = await getLatestCheckpoint();
    // Mutable: no caching beyond a few seconds (tlog-tiles).
    res.setHeader('cache-control', 'no-cache');
    if (!checkpoint) sendText(res, 404, 'No checkpoint has been signed yet.\n');
    else sendText(res, 200, checkpoint.note);
    return true;
  }
  let bytes: Buffer;
  try {
    bytes = await readTile(tile);
  } catch (error) {
    if (!isAppError(error) || error.code !== 'NOT_FOUND') throw error;
    res.setHeader('cache-control', 'no-cache');
    sendText(res, 404, `${error.message}\n`);
    return true;
  }
  // A tile or bundle of a given width never changes, partial ones included.
  res.setHeader('cache-control', 'public, max-age=31536000, immutable');
  res.setHeader('content-type', 'application/octet-stream');
  res.setHeader('x-request-id', requestId);
  if (tile.level === 'entries') {
    res.setHeader('vary', 'accept-encoding');
    if (/\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))) {
      bytes = gzipSync(bytes);
      res.setHeader('content-encoding', 'gzip');
    }
  }
  res.setHeader('content-length', String(bytes.length));
  res.writeHead(200);
  res.end(req.method === 'HEAD' ? undefined : bytes);
  return true;
}

function sendText(res: ServerResponse, status: number, text: string) {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'content-length': String(Buffer.byteLength(text)) });
  res.end(text);
}

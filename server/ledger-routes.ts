// Public ledger endpoints (no sign-in: anyone may verify):
//   GET /.well-known/clearway-ledger.json   the log's identity and public key
//   GET /api/ledger/proof?hash=<sha256>     a self-contained proof bundle (add &download=1 for a file)
// What an entry reveals is only its kind, the item's hash, a reference id and a time (see
// lib/ledger/entry-format.ts): nothing about the goods or the parties.
import type { IncomingMessage, ServerResponse } from 'node:http';

import { sendJson } from '../graphql/http-handler';
import { buildProofBundle } from '../lib/ledger/build-proof-bundle';
import { getLedgerPublicInfo } from '../lib/ledger/get-ledger-public-info';
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
  return false;
}

// The PDF certificate of a permit, for whoever may see the permit (session, or an API token with
// permits:read / permits:write); anyone else gets 404:
//   GET /api/permits/{id}/certificate.pdf
// Its QR code links to /verify?hash=<SHA-256 of the agency's decision record>, anchored at approval.
// Printed in the person's language (request-pdf-locale.ts), named in Content-Language.
import type { IncomingMessage, ServerResponse } from 'node:http';

import { admitRequest } from '../graphql/http-handler';
import { AppError, isAppError } from '../lib/errors';
import { generatePermitCertificatePdf } from '../lib/permits/generate-permit-certificate-pdf';
import { requestPdfLocale } from './request-pdf-locale';
import { sendAppError } from './send-app-error';

const ROUTE = /^\/api\/permits\/([^/]+)\/certificate\.pdf$/;

export async function handlePermitRoute(req: IncomingMessage, res: ServerResponse, requestId: string, pathname: string): Promise<boolean> {
  const match = ROUTE.exec(pathname);
  if (!match) return false;
  if (req.method !== 'GET') {
    res.setHeader('allow', 'GET');
    sendAppError(res, requestId, new AppError('METHOD_NOT_ALLOWED', 'Use GET.'));
    return true;
  }
  const admitted = await admitRequest(req, res, requestId);
  if (!admitted) return true;
  try {
    if (!admitted.actor) throw new AppError('UNAUTHENTICATED', 'Sign in, or send an API token with the scope "permits:read".');
    const locale = await requestPdfLocale(req, admitted.actor);
    const pdf = await generatePermitCertificatePdf({ actor: admitted.actor, permitId: match[1]!, locale });
    res.writeHead(200, {
      'content-type': 'application/pdf',
      'content-language': locale,
      vary: 'Accept-Language, Cookie',
      'content-length': String(pdf.bytes.length),
      'content-disposition': `inline; filename="${pdf.fileName.replace(/[^\x20-\x7e]|["\\]/g, '_')}"`,
      'x-content-type-options': 'nosniff',
      'cache-control': 'private, no-store',
      etag: `"${pdf.sha256}"`,
      'x-document-sha256': pdf.sha256,
    });
    res.end(pdf.bytes);
  } catch (error) {
    if (!isAppError(error)) throw error;
    sendAppError(res, requestId, error);
  }
  return true;
}

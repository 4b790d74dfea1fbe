// Generated documents of a declaration, for whoever may see it (sessions; API tokens with
// declarations:read or declarations:write); anyone else gets 404:
//   GET /api/declarations/{id}/declaration.pdf        the declaration (SAD-like), 409 for a draft
//   GET /api/declarations/{id}/release-note.pdf       the release note, 409 unless RELEASED
//   GET /api/declarations/{id}/release-note.oa.json   the release note as an OpenAttestation v2 document,
//                                                     issued on the chain; 409 when none is configured
// Each PDF carries a QR code to /verify, and its own SHA-256 is anchored in the ledger (kind "pdf") the
// first time those bytes are produced (x-document-sha256, x-ledger-leaf-index). A PDF is printed in the
// person's language (profile, else the language cookie or Accept-Language, else English; request-pdf-locale.ts),
// named in Content-Language.
import type { IncomingMessage, ServerResponse } from 'node:http';

import { admitRequest, sendJson } from '../graphql/http-handler';
import { AppError, isAppError } from '../lib/errors';
import { requestPdfLocale } from './request-pdf-locale';
import { sendAppError } from './send-app-error';
import { attestReleaseNote } from '../lib/pdf/attest-release-note';
import { generateDeclarationPdf, type GeneratedPdf } from '../lib/pdf/generate-declaration-pdf';
import { generateReleaseNotePdf } from '../lib/pdf/generate-release-note-pdf';

const ROUTE = /^\/api\/declarations\/([^/]+)\/(declaration\.pdf|release-note\.pdf|release-note\.oa\.json)$/;

/** True when the path is one of these routes (and it was answered). */
export async function handlePdfRoute(req: IncomingMessage, res: ServerResponse, requestId: string, pathname: string): Promise<boolean> {
  const match = ROUTE.exec(pathname);
  if (!match) return false;
  const [, declarationId, file] = match as unknown as [string, string, string];
  if (req.method !== 'GET') {
    res.setHeader('allow', 'GET');
    sendAppError(res, requestId, new AppError('METHOD_NOT_ALLOWED', 'Use GET.'));
    return true;
  }
  const admitted = await admitRequest(req, res, requestId);
  if (!admitted) return true;
  try {
    const actor = admitted.actor;
    if (!actor) throw new AppError('UNAUTHENTICATED', 'Sign in, or send an API token with the scope "declarations:read".');
    if (file === 'release-note.oa.json') {
      const attested = await attestReleaseNote({ actor, declarationId });
      res.setHeader('content-disposition', `attachment; filename="${attested.fileName}"`);
      res.setHeader('cache-control', 'private, no-store');
      res.setHeader('x-merkle-root', attested.merkleRoot);
      sendJson(res, 200, requestId, attested.document);
      return true;
    }
    const locale = await requestPdfLocale(req, actor);
    const pdf = file === 'declaration.pdf' ? await generateDeclarationPdf({ actor, declarationId, locale }) : await generateReleaseNotePdf({ actor, declarationId, locale });
    sendPdf(res, pdf, locale);
  } catch (error) {
    if (!isAppError(error)) throw error;
    sendAppError(res, requestId, error);
  }
  return true;
}

function sendPdf(res: ServerResponse, pdf: GeneratedPdf, locale: string): void {
  res.writeHead(200, {
    'content-type': 'application/pdf',
    'content-language': locale,
    // The same URL gives another file in another language.
    vary: 'Accept-Language, Cookie',
    'content-length': String(pdf.bytes.length),
    // File names are built from an MRN or LRN: ASCII letters, digits and dashes (quotes are dropped anyway).
    'content-disposition': `inline; filename="${pdf.fileName.replace(/[^\x20-\x7e]|["\\]/g, '_')}"`,
    'x-content-type-options': 'nosniff',
    'cache-control': 'private, no-store',
    etag: `"${pdf.sha256}"`,
    'x-document-sha256': pdf.sha256,
    // While the entry waits for the integrator only the leaf hash is known (/verify shows it shortly).
    ...(pdf.leafIndex === null ? {} : { 'x-ledger-leaf-index': String(pdf.leafIndex) }),
    'x-ledger-leaf-hash': pdf.leafHash,
  });
  res.end(pdf.bytes);
}

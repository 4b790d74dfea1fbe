// Standard interchange over HTTP (lib/interchange):
//   POST /api/interchange/declarations            a WCO DM 3.6 Declaration (application/xml) or a UN/EDIFACT
//                                                 CUSDEC interchange (application/edifact) → the answer in
//                                                 the same standard: 201 filed, 200 a repeat, 400 refused
//   GET  /api/interchange/declarations/{id}/responses?format=wco|cusres   every answer so far
//   GET  /api/interchange/declarations/{id}?format=wco|cusdec              the declaration exported
//   GET  /api/interchange/spreadsheet-filings/{id}/report.csv               a bulk filing's report, a line per row
//   POST /api/interchange/spreadsheets            a CSV (text/csv) or Excel (.xlsx) sheet → its header and rows as
//                                                 JSON, for previewSpreadsheet / fileSpreadsheetRows
// Credentials as /api/graphql: an API token (declarations:write to file, declarations:read to read) or a
// signed-in person (same-site only for POST).
import type { IncomingMessage, ServerResponse } from 'node:http';

import { admitRequest, sendJson } from '../graphql/http-handler';
import { AppError, isAppError } from '../lib/errors';
import { assertFiler } from '../lib/auth/policy';
import { buildWcoResponse } from '../lib/interchange/build-wco-response';
import { buildCusres } from '../lib/interchange/build-cusres';
import { exportDeclaration } from '../lib/interchange/export-declaration';
import { getDeclarationResponses } from '../lib/interchange/get-declaration-responses';
import { getSpreadsheetFiling } from '../lib/interchange/get-spreadsheet-filing';
import { writeSpreadsheetFilingReport } from '../lib/interchange/write-spreadsheet-filing-report';
import { importInterchange, interchangeFormatOf } from '../lib/interchange/import-interchange';
import { readSpreadsheet, SPREADSHEET_MAX_BYTES, spreadsheetKindOf } from '../lib/interchange/read-spreadsheet';
import { pickLocale } from '../lib/i18n/pick-locale';
import { translateError } from '../lib/i18n/translate-error';
import { sendAppError } from './send-app-error';

export const INTERCHANGE_PATH = '/api/interchange/declarations';
/** 10,000 five-item CUSDEC messages are about 15 MB; above this, split the interchange. */
export const INTERCHANGE_BODY_LIMIT_BYTES = 32 * 1024 * 1024;

export async function handleInterchangeRoute(req: IncomingMessage, res: ServerResponse, requestId: string, url: URL): Promise<void> {
  const method = (req.method ?? 'GET').toUpperCase();
  if (url.pathname === '/api/interchange/spreadsheets') return readSheet(req, res, requestId, method);
  const report = /^\/api\/interchange\/spreadsheet-filings\/([^/]+)\/report\.csv$/.exec(url.pathname);
  if (report) return sendReport(req, res, requestId, method, decodeURIComponent(report[1]!));
  const match = /^\/api\/interchange\/declarations(?:\/([^/]+)(\/responses)?)?\/?$/.exec(url.pathname);
  try {
    if (!match) throw new AppError('NOT_FOUND', `No such endpoint: POST ${INTERCHANGE_PATH}, GET ${INTERCHANGE_PATH}/{id}/responses, GET ${INTERCHANGE_PATH}/{id}.`);
    const [, id, responses] = match;
    const allowed = id ? ['GET'] : ['POST'];
    if (!allowed.includes(method)) {
      res.setHeader('allow', allowed.join(', '));
      throw new AppError('METHOD_NOT_ALLOWED', `Use ${allowed.join(' or ')}.`);
    }
    const admitted = await admitRequest(req, res, requestId);
    if (!admitted) return;
    if (!admitted.actor) throw new AppError('UNAUTHENTICATED', 'Send an API token as "Authorization: Bearer cw_live_…" (scope declarations:write to file, declarations:read to read).');
    const { actor } = admitted;
    const format = (url.searchParams.get('format') ?? '').toLowerCase();
    if (id && responses) {
      const facts = await getDeclarationResponses({ actor, id: decodeURIComponent(id) });
      if (format === 'cusres') return send(res, 200, 'application/edifact', buildCusres(facts));
      if (format === 'wco' || format === '') return send(res, 200, 'application/xml; charset=utf-8', buildWcoResponse(facts, { wrap: true }));
      throw new AppError('BAD_USER_INPUT', 'format is wco (WCO DM Response XML) or cusres (UN/EDIFACT CUSRES).', { fieldErrors: [{ path: ['format'], code: 'INVALID', message: 'Use wco or cusres.' }] });
    }
    if (id) {
      if (format !== 'wco' && format !== 'cusdec') throw new AppError('BAD_USER_INPUT', 'format is wco (WCO DM Declaration XML) or cusdec (UN/EDIFACT CUSDEC).', { fieldErrors: [{ path: ['format'], code: 'INVALID', message: 'Use wco or cusdec.' }] });
      const exported = await exportDeclaration({ actor, id: decodeURIComponent(id), format: format === 'wco' ? 'WCO_XML' : 'CUSDEC' });
      return send(res, 200, exported.contentType, exported.body);
    }
    // Refused before reading a body that may be 32 MB.
    assertFiler(actor);
    if (!actor.token && req.headers['sec-fetch-site'] === 'cross-site') throw new AppError('FORBIDDEN', 'Filings from another site are refused.');
    const kind = interchangeFormatOf(req.headers['content-type'] ?? '');
    if (!kind || kind === 'SPREADSHEET') throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'Send WCO DM XML as application/xml or a UN/EDIFACT CUSDEC interchange as application/edifact.');
    const body = await readBody(req, res);
    const answer = await importInterchange({ actor, format: kind, document: body, requestId });
    const refused = answer.outcomes.some((o) => !o.accepted);
    const allReplayed = answer.outcomes.every((o) => o.replayed);
    res.setHeader('x-clearway-accepted', String(answer.outcomes.filter((o) => o.accepted).length));
    res.setHeader('x-clearway-refused', String(answer.outcomes.filter((o) => !o.accepted).length));
    const first = answer.outcomes[0];
    if (answer.outcomes.length === 1 && first?.declarationId) res.setHeader('location', `${INTERCHANGE_PATH}/${first.declarationId}/responses`);
    return send(res, refused && !answer.outcomes.some((o) => o.accepted) ? 400 : allReplayed ? 200 : 201, answer.contentType, answer.body);
  } catch (error) {
    if (!isAppError(error)) throw error;
    return sendAppError(res, requestId, error);
  }
}

/** POST /spreadsheets: read only (nothing is filed); the portal and apps map, preview and file over GraphQL. */
async function readSheet(req: IncomingMessage, res: ServerResponse, requestId: string, method: string): Promise<void> {
  try {
    if (method !== 'POST') {
      res.setHeader('allow', 'POST');
      throw new AppError('METHOD_NOT_ALLOWED', 'Use POST.');
    }
    const admitted = await admitRequest(req, res, requestId);
    if (!admitted) return;
    if (!admitted.actor) throw new AppError('UNAUTHENTICATED', 'Send an API token as "Authorization: Bearer cw_live_…" (scope declarations:write).');
    assertFiler(admitted.actor);
    const kind = spreadsheetKindOf(req.headers['content-type'] ?? '', String(req.headers['x-file-name'] ?? ''));
    if (!kind) throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'Send a CSV (text/csv) or an Excel workbook (application/vnd.openxmlformats-officedocument.spreadsheetml.sheet).');
    const sheet = await readSpreadsheet({ bytes: await readBody(req, res, SPREADSHEET_MAX_BYTES), kind });
    // The read's problems in the request's Accept-Language (the portal sends the page's), keys and params kept.
    const locale = pickLocale({ acceptLanguage: req.headers['accept-language'] });
    const errors = sheet.errors.map((e) => ({ ...e, location: translateError(locale, { message: e.location, messageKey: e.locationKey, params: e.locationParams }), message: translateError(locale, e) }));
    sendJson(res, sheet.errors.length && !sheet.rows.length ? 400 : 200, requestId, { ...sheet, errors });
  } catch (error) {
    if (!isAppError(error)) throw error;
    return sendAppError(res, requestId, error);
  }
}

/** GET a bulk filing's report (getSpreadsheetFiling: the caller's company's filings only). */
async function sendReport(req: IncomingMessage, res: ServerResponse, requestId: string, method: string, id: string): Promise<void> {
  try {
    if (method !== 'GET') {
      res.setHeader('allow', 'GET');
      throw new AppError('METHOD_NOT_ALLOWED', 'Use GET.');
    }
    const admitted = await admitRequest(req, res, requestId);
    if (!admitted) return;
    if (!admitted.actor) throw new AppError('UNAUTHENTICATED', 'Sign in, or send an API token as "Authorization: Bearer cw_live_…" (scope declarations:write).');
    const filing = await getSpreadsheetFiling({ actor: admitted.actor, id });
    const name = filing.fileName.replace(/\.[^.]*$/, '').replace(/[^A-Za-z0-9._-]+/g, '_') || 'spreadsheet';
    res.setHeader('content-disposition', `attachment; filename="${name}-report.csv"`);
    return send(res, 200, 'text/csv; charset=utf-8', writeSpreadsheetFilingReport(filing));
  } catch (error) {
    if (!isAppError(error)) throw error;
    return sendAppError(res, requestId, error);
  }
}

function send(res: ServerResponse, status: number, contentType: string, body: string): void {
  res.statusCode = status;
  res.setHeader('content-type', contentType);
  res.setHeader('cache-control', 'no-store');
  res.end(body);
}

async function readBody(req: IncomingMessage, res: ServerResponse, limit = INTERCHANGE_BODY_LIMIT_BYTES): Promise<Buffer> {
  const tooLarge = () => {
    res.setHeader('connection', 'close');
    return new AppError('PAYLOAD_TOO_LARGE', `The document exceeds ${limit.toLocaleString('en')} bytes. Nothing was filed: split it.`, { limitBytes: limit });
  };
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) throw tooLarge();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw tooLarge();
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

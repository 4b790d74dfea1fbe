// The one way a REST route answers an AppError: the HTTP status of its code, and one JSON shape,
//   { "error": { "code", "message", "requestId", ...details } }   (details: fieldErrors, retryAfterSeconds, …)
// with the headers the status calls for. GraphQL answers through graphql/server.ts instead.
import type { ServerResponse } from 'node:http';

import { sendJson } from '../graphql/http-handler';
import { httpStatusFor, type AppError } from '../lib/errors';

export function sendAppError(res: ServerResponse, requestId: string, error: AppError): void {
  const status = httpStatusFor(error.code);
  if (status === 401) res.setHeader('www-authenticate', 'Bearer realm="clearway"');
  if (typeof error.details.retryAfterSeconds === 'number') res.setHeader('retry-after', String(error.details.retryAfterSeconds));
  sendJson(res, status, requestId, { error: { ...error.details, code: error.code, message: error.message, requestId } });
}

// Next.js calls onRequestError for every error it catches while rendering a page, running a server
// action or a route handler. The browser is shown only the error's `digest` (app/error.tsx,
// app/global-error.tsx); this log line ties that digest to the request id the custom server gave the
// request (server/create-app-server.ts sets x-request-id before handing it to Next.js), so support can
// go from the reference a user quotes to the request's other log lines and the stack.
import type { Instrumentation } from 'next';

export const onRequestError: Instrumentation.onRequestError = async (error, request, context) => {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { getLogger } = await import('./lib/logger');
  const header = request.headers['x-request-id'];
  const digest = typeof error === 'object' && error !== null && 'digest' in error ? String(error.digest) : undefined;
  getLogger().error(
    { err: error, requestId: Array.isArray(header) ? header[0] : header, digest, method: request.method, path: request.path, route: context.routePath, routeType: context.routeType },
    'unexpected portal error',
  );
};

// The one HTTP server of a Clearway process: /api/graphql goes to Apollo directly, /api/documents to
// documents-route.ts, a declaration's generated PDFs to pdf-routes.ts, /api/epcis to epcis-routes.ts,
// /api/interchange to interchange-routes.ts, /api/gate/decision to gate-routes.ts,
// /api/health is answered here, everything else goes to Next.js (the `fallback`). WebSocket upgrades
// at /api/graphql carry GraphQL subscriptions (graphql/subscription-server.ts).
// Every response carries an x-request-id, and every request is logged once with its status and duration.
import http, { type IncomingMessage, type ServerResponse } from 'node:http';

import { createApolloServer } from '../graphql/server';
import { attachSubscriptionServer } from '../graphql/subscription-server';
import { clientIp, createGraphQLHandler, sendJson } from '../graphql/http-handler';
import { getRateLimiter } from '../lib/auth/rate-limiter';
import { getEnv } from '../lib/env';
import { AppError } from '../lib/errors';
import { getHealth } from '../lib/health/get-health';
import { handleLedgerRoute } from './ledger-routes';
import { requestIdFrom, type Logger } from '../lib/logger';
import { createDocumentsRoute } from './documents-route';
import { handleWorkQueueCsv, WORK_QUEUE_CSV_PATH } from './work-queue-route';
import { createEpcisRoutes, EPCIS_PATH } from './epcis-routes';
import { GATE_DECISION_PATH, handleGateDecision } from './gate-routes';
import { handleInterchangeRoute } from './interchange-routes';
import { handlePdfRoute } from './pdf-routes';
import { handlePermitRoute } from './permit-routes';
import { createScansRoute, SCANS_PATH } from './scans-route';
import { applyPagePolicy, setSecurityHeaders } from './security-headers';

// Pages whose address carries a live secret (a reset or invitation link): it never reaches the log.
const SECRET_PATH = /^(\/(?:reset-password|invite)\/)[^/?#]+/;

/** The request's URL as logged: without the secret of a reset or invitation link. */
function loggedUrl(url: string | undefined): string {
  return (url ?? '/').replace(SECRET_PATH, '$1[redacted]');
}

async function admitSignIn(req: IncomingMessage, res: ServerResponse, requestId: string): Promise<boolean> {
  const limit = getEnv().API_ANONYMOUS_RATE_LIMIT_PER_MINUTE;
  const decision = await getRateLimiter().hit(`ip:${clientIp(req)}`, limit, 60_000);
  if (decision.allowed) return true;
  res.setHeader('retry-after', String(decision.retryAfterSeconds));
  sendJson(res, 429, requestId, { error: { code: 'RATE_LIMITED', message: `Too many requests: the limit is ${limit} per minute. Retry after ${decision.retryAfterSeconds} s.`, requestId } });
  return false;
}
import { sendAppError } from './send-app-error';
import { isPoolExhausted } from '../lib/database/is-pool-exhausted';

export type Fallback = (req: IncomingMessage, res: ServerResponse) => Promise<void> | void;

export interface AppServer {
  server: http.Server;
  close(graceMs?: number): Promise<void>;
}

export async function createAppServer(options: { logger: Logger; fallback: Fallback }): Promise<AppServer> {
  const { logger, fallback } = options;
  const apollo = createApolloServer();
  await apollo.start();
  const handleGraphQL = createGraphQLHandler({
    server: apollo,
    logger,
    bodyLimitBytes: getEnv().GRAPHQL_BODY_LIMIT_BYTES,
  });
  const handleDocuments = createDocumentsRoute({ logger });
  const handleEpcis = createEpcisRoutes({ logger });
  const handleScans = createScansRoute({ logger });

  let closing = false;
  const server = http.createServer(async (req, res) => {
    const requestId = requestIdFrom(req.headers['x-request-id']);
    const started = performance.now();
    res.setHeader('x-request-id', requestId);
    // While stopping, finish in-flight requests but keep no connection alive.
    if (closing) res.setHeader('connection', 'close');
    res.on('finish', () => {
      logger.info(
        { requestId, method: req.method, url: loggedUrl(req.url), status: res.statusCode, ms: Math.round((performance.now() - started) * 10) / 10 },
        'request',
      );
    });
    try {
      const pathname = (req.url ?? '/').split('?')[0];
      setSecurityHeaders(res, pathname ?? '/');
      if (pathname === '/api/graphql') return await handleGraphQL(req, res, requestId);
      if (pathname === '/api/documents' || pathname?.startsWith('/api/documents/')) return await handleDocuments(req, res, requestId, pathname!);
      if (pathname === SCANS_PATH || pathname?.startsWith(`${SCANS_PATH}/`)) return await handleScans(req, res, requestId, pathname);
      if (pathname?.startsWith(`${EPCIS_PATH}/`)) return await handleEpcis(req, res, requestId, pathname);
      if (pathname?.startsWith('/api/interchange/')) return await handleInterchangeRoute(req, res, requestId, new URL(req.url ?? '/', 'http://localhost'));
      if (await handleLedgerRoute(req, res, requestId, pathname!)) return;
      if (pathname === GATE_DECISION_PATH) return await handleGateDecision(req, res, requestId);
      if (pathname === WORK_QUEUE_CSV_PATH) return await handleWorkQueueCsv(req, res, requestId);
      if (pathname?.startsWith('/api/declarations/') && (await handlePdfRoute(req, res, requestId, pathname))) return;
      if (pathname?.startsWith('/api/permits/') && (await handlePermitRoute(req, res, requestId, pathname))) return;
      if (pathname === '/api/health') {
        const health = await getHealth();
        return sendJson(res, health.status === 'OK' ? 200 : 503, requestId, health);
      }
      // Password checks cost an argon2 hash each: sign-in attempts share the anonymous request budget of
      // their address (lib/auth/verify-credentials.ts limits the failures of each account on top).
      if (req.method === 'POST' && pathname?.startsWith('/api/auth/callback/') && !(await admitSignIn(req, res, requestId))) return;
      // Facts the portal may trust, set here so that a client cannot supply them.
      applyPagePolicy(req, res);
      req.headers['x-request-id'] = requestId;
      req.headers['x-clearway-client-ip'] = clientIp(req) ?? '';
      req.headers['x-clearway-url'] = req.url ?? '/';
      await fallback(req, res);
    } catch (error) {
      const busy = isPoolExhausted(error);
      logger.error({ err: error, requestId }, busy ? 'no database connection free in time' : 'unhandled request error');
      if (!res.headersSent) {
        // Overload is not the client's fault nor a bug: 503 with Retry-After, so readers and apps back off and retry.
        sendAppError(res, requestId, busy ? new AppError('SERVICE_UNAVAILABLE', 'The server is busy: retry in a second.', { retryAfterSeconds: 1 }) : new AppError('INTERNAL_SERVER_ERROR', 'Unexpected error.'));
      } else {
        res.end();
      }
    }
  });
  server.keepAliveTimeout = 65_000;
  const subscriptions = attachSubscriptionServer({ server, logger });

  return {
    server,
    /** Stops accepting, lets in-flight requests finish for up to `graceMs`, then cuts what is left. */
    async close(graceMs = 10_000) {
      closing = true;
      // Upgraded sockets would keep server.close() waiting: end the subscriptions first.
      await subscriptions.close();
      const deadline = setTimeout(() => server.closeAllConnections(), graceMs);
      const idle = setInterval(() => server.closeIdleConnections(), 100);
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      });
      clearTimeout(deadline);
      clearInterval(idle);
      await apollo.stop();
    },
  };
}

// Serves POST/GET /api/graphql from a plain Node `http` server, without the Next.js route-handler
// path (measured about 7x slower for small queries on this hardware); bench/graphql-overhead.ts
// compares this path with bare Apollo.
import type { IncomingMessage, ServerResponse } from 'node:http';

import { HeaderMap, type ApolloServer } from '@apollo/server';

import type { Actor } from '../lib/auth/actor';
import { authenticate } from '../lib/auth/authenticate';
import { getRateLimiter } from '../lib/auth/rate-limiter';
import { isPoolExhausted } from '../lib/database/is-pool-exhausted';
import { getEnv } from '../lib/env';
import { getLogger } from '../lib/logger';
import { AppError, isAppError } from '../lib/errors';
import { pickLocale } from '../lib/i18n/pick-locale';
import { translateError } from '../lib/i18n/translate-error';
import type { Logger } from '../lib/logger';
import { createContext, type GraphQLContext } from './context';
import { readSession } from './read-session';
import { authenticateScanPartner, type ScanPartnerPrincipal } from '../lib/scans/authenticate-scan-partner';

export interface GraphQLHandlerOptions {
  server: ApolloServer<GraphQLContext>;
  logger: Logger;
  bodyLimitBytes: number;
}

/** The client's address: the socket's, or the first X-Forwarded-For hop when TRUST_PROXY is set. */
export function clientIp(req: IncomingMessage): string | null {
  const forwarded = headerValue(req.headers['x-forwarded-for']);
  if (getEnv().TRUST_PROXY && forwarded) return forwarded.split(',')[0]!.trim().slice(0, 45);
  return req.socket.remoteAddress ?? null;
}

/** Counts the request against `key`'s limit per minute: true to go on, false when an answer was sent (429, or 500). */
async function withinRateLimit(res: ServerResponse, requestId: string, key: string, limit: number): Promise<boolean> {
  let decision: Awaited<ReturnType<ReturnType<typeof getRateLimiter>['hit']>>;
  try {
    decision = await getRateLimiter().hit(key, limit, 60_000);
  } catch (error) {
    // No connection in time (all busy, or a new one too slow to open) is overload, not a fault: the server's handler answers it 503 with Retry-After.
    if (isPoolExhausted(error)) throw error;
    // The counters live in the database: when it does not answer, the client gets the same masked error
    // as any other unexpected failure, and the log keeps the cause under the request id.
    getLogger().error({ err: error, requestId }, 'rate limiter unavailable');
    sendJson(res, 500, requestId, { errors: [{ message: 'Unexpected error. Quote the requestId to support.', extensions: { code: 'INTERNAL_SERVER_ERROR', requestId } }] });
    return false;
  }
  res.setHeader('x-ratelimit-limit', String(limit));
  res.setHeader('x-ratelimit-remaining', String(decision.remaining));
  if (!decision.allowed) {
    res.setHeader('retry-after', String(decision.retryAfterSeconds));
    sendJson(res, 429, requestId, {
      errors: [{ message: `Too many requests: the limit is ${limit} per minute. Retry after ${decision.retryAfterSeconds} s.`, extensions: { code: 'RATE_LIMITED', retryAfterSeconds: decision.retryAfterSeconds, requestId } }],
    });
    return false;
  }
  return true;
}

/**
 * Authenticates and rate-limits a request: the actor (null when anonymous), or an answer already sent
 * (401 for a bad token, 429 over the limit).
 */
export async function admitRequest(req: IncomingMessage, res: ServerResponse, requestId: string): Promise<{ actor: Actor | null } | null> {
  const ip = clientIp(req);
  let actor: Actor | null;
  try {
    const authorization = headerValue(req.headers.authorization);
    actor = await authenticate({ authorization, session: authorization ? null : await readSession(headerValue(req.headers.cookie)) }, { id: requestId, ip });
  } catch (error) {
    if (!isAppError(error) || error.code !== 'UNAUTHENTICATED') throw error;
    res.setHeader('www-authenticate', 'Bearer realm="clearway", error="invalid_token"');
    // No one is signed in to speak for: the sentence (errors.auth.*) in the language the request names, else English.
    const locale = pickLocale({ acceptLanguage: headerValue(req.headers['accept-language']) });
    const { messageKey, params } = error.details;
    sendJson(res, 401, requestId, { errors: [{ message: translateError(locale, { message: error.message, messageKey, params }), extensions: { code: 'UNAUTHENTICATED', messageKey, params, requestId } }] });
    return null;
  }
  const env = getEnv();
  const key = actor ? (actor.token ? `token:${actor.token.id}` : `user:${actor.userId}`) : `ip:${ip}`;
  const limit = actor ? env.API_RATE_LIMIT_PER_MINUTE : env.API_ANONYMOUS_RATE_LIMIT_PER_MINUTE;
  if (!(await withinRateLimit(res, requestId, key, limit))) return null;
  return { actor };
}

/**
 * A request signed by a partner administration (RFC 9421: it carries Signature-Input or Signature): the
 * partner, or an answer already sent (401 naming what failed, 429 over the limit). The signature covers
 * the target URI as PUBLIC_URL addresses this server, so it cannot be replayed at another one.
 */
async function admitPartnerRequest(req: IncomingMessage, res: ServerResponse, requestId: string, raw: Buffer): Promise<{ partner: ScanPartnerPrincipal } | null> {
  const env = getEnv();
  let partner: ScanPartnerPrincipal | null;
  try {
    if (req.headers.authorization || req.headers.cookie?.includes('next-auth')) {
      throw new AppError('UNAUTHENTICATED', 'A partner request is signed (RFC 9421) and carries no bearer token or session: send one credential.');
    }
    const url = new URL(req.url ?? '/', env.PUBLIC_URL).toString();
    partner = await authenticateScanPartner({ method: req.method ?? 'GET', url, headers: req.headers, body: raw }, { id: requestId, ip: clientIp(req) });
  } catch (error) {
    if (!isAppError(error) || error.code !== 'UNAUTHENTICATED') throw error;
    res.setHeader('www-authenticate', 'Signature');
    sendJson(res, 401, requestId, { errors: [{ message: error.message, extensions: { code: 'UNAUTHENTICATED', requestId } }] });
    return null;
  }
  if (!(await withinRateLimit(res, requestId, `partner:${partner!.id}`, env.API_RATE_LIMIT_PER_MINUTE))) return null;
  return { partner: partner! };
}

const isSigned = (req: IncomingMessage) => req.headers['signature-input'] !== undefined || req.headers.signature !== undefined;

class BodyTooLarge extends Error {}

export function createGraphQLHandler({ server, logger, bodyLimitBytes }: GraphQLHandlerOptions) {
  return async function handleGraphQL(req: IncomingMessage, res: ServerResponse, requestId: string): Promise<void> {
    let body: unknown;
    let raw: Buffer;
    try {
      ({ body, raw } = await readJsonBody(req, bodyLimitBytes));
    } catch (error) {
      if (error instanceof BodyTooLarge) {
        // Do not read the rest of an oversized upload on this connection.
        res.setHeader('connection', 'close');
        return sendJson(res, 413, requestId, {
          errors: [{ message: `Request body exceeds ${bodyLimitBytes} bytes.`, extensions: { code: 'PAYLOAD_TOO_LARGE', requestId } }],
        });
      }
      return sendJson(res, 400, requestId, {
        errors: [{ message: 'Request body is not valid JSON.', extensions: { code: 'BAD_REQUEST', requestId } }],
      });
    }

    let admitted: { actor: Actor | null; partner: ScanPartnerPrincipal | null } | null;
    if (isSigned(req)) {
      const signed = await admitPartnerRequest(req, res, requestId, raw);
      admitted = signed && { actor: null, partner: signed.partner };
    } else {
      const plain = await admitRequest(req, res, requestId);
      admitted = plain && { actor: plain.actor, partner: null };
    }
    if (!admitted) return;

    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
    }
    const url = new URL(req.url ?? '/', 'http://localhost');
    const result = await server.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: (req.method ?? 'GET').toUpperCase(), headers, search: url.search, body },
      context: async () => createContext(requestId, logger, admitted.actor, admitted.partner, headers.get('accept-language')),
    });

    res.statusCode = result.status ?? 200;
    for (const [key, value] of result.headers) res.setHeader(key, value);
    if (result.body.kind === 'complete') {
      res.end(result.body.string);
      return;
    }
    for await (const chunk of result.body.asyncIterator) res.write(chunk);
    res.end();
  };
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/** The body as Apollo takes it, and its bytes (a partner's Content-Digest covers them). */
async function readJsonBody(req: IncomingMessage, limit: number): Promise<{ body: unknown; raw: Buffer }> {
  const none = { body: undefined, raw: Buffer.alloc(0) };
  if (req.method !== 'POST') return none;
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) throw new BodyTooLarge();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new BodyTooLarge();
    chunks.push(chunk as Buffer);
  }
  if (size === 0) return none;
  const raw = Buffer.concat(chunks);
  const text = raw.toString('utf8');
  const type = req.headers['content-type'] ?? '';
  // Apollo decides what a non-JSON content type means (its CSRF prevention refuses it).
  if (!type.includes('json')) return { body: text, raw };
  return { body: JSON.parse(text), raw };
}

export function sendJson(res: ServerResponse, status: number, requestId: string, payload: unknown): void {
  res.statusCode = status;
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.setHeader('x-request-id', requestId);
  res.end(JSON.stringify(payload));
}

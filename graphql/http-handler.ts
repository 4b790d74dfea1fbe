// Serves POST/GET /api/graphql from a plain Node `http` server, without the Next.js route-handler
// path (measured about 7x slower for small queries on this hardware); bench/graphql-overhead.ts
// compares this path with bare Apollo.
import type { IncomingMessage, ServerResponse } from 'node:http';

import { HeaderMap, type ApolloServer } from '@apollo/server';

import type { Logger } from '../lib/logger';
import { createContext, type GraphQLContext } from './context';

export interface GraphQLHandlerOptions {
  server: ApolloServer<GraphQLContext>;
  logger: Logger;
  bodyLimitBytes: number;
}

class BodyTooLarge extends Error {}

export function createGraphQLHandler({ server, logger, bodyLimitBytes }: GraphQLHandlerOptions) {
  return async function handleGraphQL(req: IncomingMessage, res: ServerResponse, requestId: string): Promise<void> {
    let body: unknown;
    try {
      body = await readJsonBody(req, bodyLimitBytes);
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

    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
    }
    const url = new URL(req.url ?? '/', 'http://localhost');
    const result = await server.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: (req.method ?? 'GET').toUpperCase(), headers, search: url.search, body },
      context: async () => createContext(requestId, logger, headerValue(req.headers['x-demo-user'])),
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

async function readJsonBody(req: IncomingMessage, limit: number): Promise<unknown> {
  if (req.method !== 'POST') return undefined;
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) throw new BodyTooLarge();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new BodyTooLarge();
    chunks.push(chunk as Buffer);
  }
  if (size === 0) return undefined;
  const text = Buffer.concat(chunks).toString('utf8');
  const type = req.headers['content-type'] ?? '';
  // Apollo decides what a non-JSON content type means (its CSRF prevention refuses it).
  if (!type.includes('json')) return text;
  return JSON.parse(text);
}

export function sendJson(res: ServerResponse, status: number, requestId: string, payload: unknown): void {
  res.statusCode = status;
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.setHeader('x-request-id', requestId);
  res.end(JSON.stringify(payload));
}

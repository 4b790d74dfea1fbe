// GraphQL subscriptions over WebSocket (the graphql-ws protocol, subprotocol `graphql-transport-ws`) on
// the process's one HTTP server, at the same path as queries: /api/graphql. Upgrades to other paths are
// left to whoever else listens (Next.js in development), else refused.
//
// A connection is authenticated once, from the upgrade request's session cookie or from
// `connectionParams.authorization` ("Bearer cw_live_…", sent in the first message because browsers
// cannot set headers on a WebSocket), rate-limited like an HTTP request, and refused (close 4403)
// without valid credentials. Each operation then runs with that actor, the same schema, resolvers,
// limits and error policy as over HTTP.
import { randomUUID } from 'node:crypto';
import type http from 'node:http';
import type { Duplex } from 'node:stream';

import { ApolloArmor } from '@escape.tech/graphql-armor';
import { makeExecutableSchema } from '@graphql-tools/schema';
import type { DocumentNode, GraphQLFormattedError, ValidationRule } from 'graphql';
// The CommonJS build of graphql, which graphql-ws, @graphql-tools and Apollo load: under Vitest a bare
// 'graphql' import from our sources resolves to its ESM build, a second copy whose functions refuse
// the schema ("Cannot use GraphQLSchema from another module or realm").
import { GraphQLError } from 'graphql/error/GraphQLError.js';
import { specifiedRules } from 'graphql/validation/specifiedRules.js';
import { validate } from 'graphql/validation/validate.js';
import { parse } from 'graphql/language/parser.js';
// Aliased: a function named use… reads as a React hook to the linter.
import { useServer as serveOverWebSocket } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';

import type { Actor } from '../lib/auth/actor';
import { authenticate } from '../lib/auth/authenticate';
import { readSession } from './read-session';
import { getRateLimiter } from '../lib/auth/rate-limiter';
import { getEnv } from '../lib/env';
import { isAppError } from '../lib/errors';
import type { Logger } from '../lib/logger';
import { createContext } from './context';
import { clientIp } from './http-handler';
import { resolvers } from './resolvers';
import { formatError, loadTypeDefs } from './server';

const GRAPHQL_PATH = '/api/graphql';
/** Each is a listener on this process's tracking updates: enough for a dashboard, not a leak. */
const MAX_SUBSCRIPTIONS_PER_CONNECTION = 50;

/** Queries and mutations go over HTTP, with its limits, status codes and request log; WebSocket only subscribes. */
const subscriptionsOnly: ValidationRule = (context) => ({
  OperationDefinition(node) {
    if (node.operation !== 'subscription') {
      context.reportError(new GraphQLError(`Only subscriptions are served over WebSocket: send ${node.operation === 'query' ? 'queries' : 'mutations'} with POST ${GRAPHQL_PATH}.`, { nodes: [node] }));
    }
  },
});

export interface SubscriptionServer {
  /** Closes every WebSocket (1001 Going away; cut after a second), ending their subscriptions. */
  close(): Promise<void>;
}

interface ConnectionExtra extends Record<PropertyKey, unknown> {
  actor: Actor;
  requestId: string;
}

export function attachSubscriptionServer({ server, logger }: { server: http.Server; logger: Logger }): SubscriptionServer {
  const env = getEnv();
  const schema = makeExecutableSchema({ typeDefs: loadTypeDefs(), resolvers });
  const armor = new ApolloArmor({
    maxDepth: { n: env.GRAPHQL_MAX_DEPTH },
    maxAliases: { n: env.GRAPHQL_MAX_ALIASES },
    costLimit: { maxCost: env.GRAPHQL_MAX_COST },
    maxDirectives: { n: 20 },
    blockFieldSuggestion: { enabled: false },
  });
  const rules = [...specifiedRules, ...armor.protect().validationRules, subscriptionsOnly];
  const wss = new WebSocketServer({ noServer: true, maxPayload: env.GRAPHQL_BODY_LIMIT_BYTES });

  const onUpgrade = (req: http.IncomingMessage, socket: Duplex, head: Buffer) => {
    if ((req.url ?? '/').split('?')[0] === GRAPHQL_PATH) {
      wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
    } else if (server.listenerCount('upgrade') === 1) {
      socket.end('HTTP/1.1 404 Not Found\r\nconnection: close\r\ncontent-length: 0\r\n\r\n');
    }
  };
  server.on('upgrade', onUpgrade);

  /** Execution errors: the HTTP path's policy (AppErrors keep their code, anything unexpected is masked and logged). */
  const formatExecutionErrors = (errors: readonly GraphQLError[], requestId: string): GraphQLFormattedError[] =>
    errors.map((error) => {
      // Variables that do not coerce are the caller's mistake (Apollo says BAD_USER_INPUT too).
      const formatted = !error.path && !error.originalError ? { ...error.toJSON(), extensions: { code: 'BAD_USER_INPUT', ...error.extensions } } : formatError(error.toJSON(), error);
      if (formatted.extensions?.code === 'INTERNAL_SERVER_ERROR') logger.error({ err: error.originalError ?? error, requestId, path: error.path }, 'unexpected GraphQL subscription error');
      return { ...formatted, extensions: { ...formatted.extensions, requestId } };
    });
  const refuse = (message: string, code: string, extra: Record<string, unknown> = {}) => [new GraphQLError(message, { extensions: { code, ...extra } })];

  const disposable = serveOverWebSocket<Record<string, unknown> | undefined, ConnectionExtra>(
    {
      schema,
      onConnect: async (ctx) => {
        const request = ctx.extra.request;
        const requestId = randomUUID();
        const ip = clientIp(request);
        const given = ctx.connectionParams?.authorization;
        const authorization = typeof given === 'string' ? given : request.headers.authorization;
        // A cookie travels with any page's WebSocket to this host: only this site's pages may use it.
        if (!authorization && crossOrigin(request)) return false;
        let actor: Actor | null;
        try {
          actor = await authenticate({ authorization, session: authorization ? null : await readSession(request.headers.cookie) }, { id: requestId, ip });
        } catch (error) {
          if (isAppError(error) && error.code === 'UNAUTHENTICATED') return false;
          throw error;
        }
        if (!actor) return false;
        if (!getRateLimiter().hit(rateKey(actor), env.API_RATE_LIMIT_PER_MINUTE, 60_000).allowed) return false;
        ctx.extra.actor = actor;
        ctx.extra.requestId = requestId;
        logger.info({ requestId, url: request.url, userId: actor.userId, tokenId: actor.token?.id ?? null }, 'websocket connected');
        return true;
      },
      // Parsed and validated here (graphql-ws would close the socket on a syntax error), with the same
      // limits as over HTTP; each subscription counts as a request against the caller's rate limit.
      onSubscribe: async (ctx, _id, payload) => {
        if (Object.keys(ctx.subscriptions).length > MAX_SUBSCRIPTIONS_PER_CONNECTION) return refuse(`At most ${MAX_SUBSCRIPTIONS_PER_CONNECTION} subscriptions per connection.`, 'RATE_LIMITED');
        const actor = ctx.extra.actor!;
        const decision = getRateLimiter().hit(rateKey(actor), env.API_RATE_LIMIT_PER_MINUTE, 60_000);
        if (!decision.allowed) return refuse(`Too many requests: retry after ${decision.retryAfterSeconds} s.`, 'RATE_LIMITED', { retryAfterSeconds: decision.retryAfterSeconds });
        let document: DocumentNode;
        try {
          document = parse(payload.query, { maxTokens: env.GRAPHQL_MAX_TOKENS });
        } catch (error) {
          return refuse(error instanceof GraphQLError ? error.message : 'The query does not parse.', 'GRAPHQL_PARSE_FAILED');
        }
        const invalid = validate(schema, document, rules);
        if (invalid.length) return invalid.map((e) => new GraphQLError(e.message, { nodes: e.nodes, extensions: { code: 'GRAPHQL_VALIDATION_FAILED', ...e.extensions } }));
        return {
          schema,
          document,
          operationName: payload.operationName,
          variableValues: payload.variables,
          contextValue: createContext(ctx.extra.requestId!, logger, actor),
        };
      },
      onNext: (ctx, _id, _payload, _args, result) => {
        if (!result.errors?.length) return;
        return { ...result, errors: formatExecutionErrors(result.errors, ctx.extra.requestId!) };
      },
      // Refusals made above (parse, validation, limits) carry their code; anything else (a stream that
      // failed midway) goes through the execution policy.
      onError: (ctx, _id, _payload, errors) =>
        errors.flatMap((e) => (e.extensions.code ? [{ ...e.toJSON(), extensions: { ...e.extensions, requestId: ctx.extra.requestId } }] : formatExecutionErrors([e], ctx.extra.requestId ?? 'none'))),
    },
    wss,
  );

  return {
    async close() {
      server.off('upgrade', onUpgrade);
      // dispose() waits for every client's close handshake: a client that does not answer is cut.
      const cut = setTimeout(() => {
        for (const client of wss.clients) client.terminate();
      }, 1_000);
      try {
        await disposable.dispose();
      } finally {
        clearTimeout(cut);
      }
    },
  };
}

const rateKey = (actor: Actor) => (actor.token ? `token:${actor.token.id}` : `user:${actor.userId}`);

function crossOrigin(req: http.IncomingMessage): boolean {
  const origin = req.headers.origin;
  if (!origin) return false;
  try {
    const url = new URL(origin);
    return url.host !== req.headers.host && url.origin !== new URL(getEnv().PUBLIC_URL).origin;
  } catch {
    return true;
  }
}

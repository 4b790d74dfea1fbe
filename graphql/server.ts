// The Apollo server: schema, resolvers, limits, and the error policy.
//
// Error policy: an AppError keeps its message and code (extensions.code) and its field errors; errors
// made by GraphQL itself (parse, validation, limits) pass as they are; anything else is logged with
// the request id and answered with a generic message carrying that id. Every error carries the
// request id.
//
// HTTP status (docs/graphql.md): GraphQL's own request errors keep Apollo's status
// (400 for parse, validation and limits); otherwise an answer with errors takes the status of its
// first error's code from the same table as REST (lib/errors.ts httpStatusFor): a refusal is 403
// whether a role or a token scope refused, bad input 400, unexpected 500. Partial data stays in the
// body. Problems in a mutation's input are no errors: they are the payload's userErrors, with 200.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { unwrapResolverError } from '@apollo/server/errors';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { GraphQLError, Kind, visit, type DocumentNode, type GraphQLFormattedError } from 'graphql';

import { getEnv } from '../lib/env';
import { ErrorCode, httpStatusFor, isAppError } from '../lib/errors';
import { cataloguedMessage } from '../lib/i18n/catalogued-message';
import { translateError } from '../lib/i18n/translate-error';
import type { Locale } from '../lib/i18n/locales';
import type { GraphQLContext } from './context';
import { resolvers } from './resolvers';

/**
 * The public contract: graphql/schema/index.graphql (the root types and what every module shares) and
 * one file per resolver module, each adding its fields with `extend type`.
 */
export function loadTypeDefs(): string[] {
  const dir = path.resolve(process.cwd(), 'graphql', 'schema');
  return readdirSync(dir)
    .filter((file) => file.endsWith('.graphql'))
    .sort()
    .map((file) => readFileSync(path.join(dir, file), 'utf8'));
}

const KNOWN_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
]);

export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  if (isAppError(original)) {
    return {
      message: original.message,
      path: formatted.path,
      locations: formatted.locations,
      extensions: { ...original.details, code: original.code },
    };
  }
  const code = formatted.extensions?.code;
  if (typeof code === 'string' && KNOWN_CODES.has(code)) return formatted;
  // Errors raised by graphql-js while coercing arguments or by our scalars carry BAD_USER_INPUT above;
  // what is left is unexpected: hide it (the plugin below logs it and adds the request id).
  return {
    message: 'Unexpected error. Quote the requestId to support.',
    path: formatted.path,
    locations: formatted.locations,
    extensions: { code: 'INTERNAL_SERVER_ERROR' },
  };
}

const isErrorCode = (code: unknown): code is ErrorCode => typeof code === 'string' && Object.hasOwn(ErrorCode, code);

/** The path of the first string holding a NUL character, in a JSON value (the variables). */
function nulPath(value: unknown, path: string[] = []): string[] | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path : null;
  if (value === null || typeof value !== 'object') return null;
  for (const [key, item] of Object.entries(value)) {
    const found = nulPath(item, [...path, key]);
    if (found) return found;
  }
  return null;
}

function hasNulLiteral(document: DocumentNode): boolean {
  let found = false;
  visit(document, {
    [Kind.STRING]: (node) => {
      if (node.value.includes('\u0000')) found = true;
    },
  });
  return found;
}

/**
 * No text in Clearway may hold a NUL character (U+0000): PostgreSQL cannot store one, and it failed
 * there as an unexpected error. Refused for every operation before it runs, naming the variable.
 */
const nulRefusalPlugin: ApolloServerPlugin<GraphQLContext> = {
  async requestDidStart() {
    return {
      async didResolveOperation({ request, document }) {
        const path = nulPath(request.variables ?? {});
        if (!path && !hasNulLiteral(document)) return;
        const { message, messageKey, params } = cataloguedMessage('nulCharacter');
        throw new GraphQLError(message, {
          extensions: {
            code: 'BAD_USER_INPUT',
            messageKey,
            params,
            fieldErrors: [{ path: path ?? [], code: 'INVALID', message, messageKey, params }],
            http: { status: 400 },
          },
        });
      },
    };
  },
};

/** An error's message and its field errors' messages in the request's language (lib/i18n/translate-error.ts). */
function translated(error: GraphQLFormattedError, locale: Locale): GraphQLFormattedError {
  const extensions = error.extensions ?? {};
  const fieldErrors = Array.isArray(extensions.fieldErrors)
    ? extensions.fieldErrors.map((f: { message: string }) => ({ ...f, message: translateError(locale, f) }))
    : extensions.fieldErrors;
  return {
    ...error,
    message: translateError(locale, { message: error.message, messageKey: extensions.messageKey, params: extensions.params }),
    extensions: fieldErrors === undefined ? extensions : { ...extensions, fieldErrors },
  };
}

/**
 * Logs unexpected errors with the request id, puts that id on every error of the response, and says each
 * catalogued message in the request's language (the `userErrors` of payloads are translated by their own
 * resolver, graphql/resolvers/errors.ts).
 */
const requestIdPlugin: ApolloServerPlugin<GraphQLContext> = {
  async requestDidStart({ contextValue }) {
    return {
      async didEncounterErrors({ errors }) {
        for (const error of errors) {
          const original = unwrapResolverError(error);
          if (isAppError(original)) continue;
          const code = error.extensions?.code;
          if (typeof code === 'string' && KNOWN_CODES.has(code)) continue;
          contextValue.logger.error({ err: original, path: error.path }, 'unexpected GraphQL error');
        }
      },
      async willSendResponse({ response }) {
        if (response.body.kind !== 'single' || !response.body.singleResult.errors) return;
        const code = response.body.singleResult.errors[0]?.extensions?.code;
        if ((response.http.status ?? 200) === 200 && isErrorCode(code)) response.http.status = httpStatusFor(code);
        const locale = await contextValue.locale();
        response.body.singleResult.errors = response.body.singleResult.errors.map((e) => {
          const said = translated(e, locale);
          return { ...said, extensions: { ...said.extensions, requestId: contextValue.requestId } };
        });
      },
    };
  },
};

export function createApolloServer(): ApolloServer<GraphQLContext> {
  const env = getEnv();
  const armor = new ApolloArmor({
    maxDepth: { n: env.GRAPHQL_MAX_DEPTH },
    maxAliases: { n: env.GRAPHQL_MAX_ALIASES },
    costLimit: { maxCost: env.GRAPHQL_MAX_COST },
    // The token limit is graphql-js's own (parseOptions below): armor's throws outside Apollo's parse
    // step, which answered HTTP 500 without a request id.
    maxTokens: { enabled: false },
    maxDirectives: { n: 20 },
    // The schema is public and documented (introspection stays on), so "did you mean" hints leak
    // nothing and help integrators.
    blockFieldSuggestion: { enabled: false },
  });
  const protection = armor.protect();
  return new ApolloServer<GraphQLContext>({
    typeDefs: loadTypeDefs(),
    resolvers,
    introspection: true,
    // The process entry point (scripts/start.ts) owns shutdown: drain HTTP, stop Apollo, close the
    // pool, stop the database, in that order.
    stopOnTerminationSignals: false,
    allowBatchedHttpRequests: false,
    includeStacktraceInErrorResponses: false,
    parseOptions: { maxTokens: env.GRAPHQL_MAX_TOKENS },
    validationRules: protection.validationRules,
    plugins: [...protection.plugins, nulRefusalPlugin, requestIdPlugin, ApolloServerPluginLandingPageDisabled()],
    formatError,
  });
}

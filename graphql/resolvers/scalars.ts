import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';

import type { Resolvers } from '../generated/resolvers-types';

function toIso(value: unknown): string {
  const date = value instanceof Date ? value : new Date(String(value));
  if (Number.isNaN(date.getTime())) throw new Error(`Cannot serialize ${String(value)} as a DateTime`);
  return date.toISOString();
}

function parseIso(value: unknown): string {
  const date = typeof value === 'string' ? new Date(value) : new Date(NaN);
  if (Number.isNaN(date.getTime())) {
    throw new GraphQLError('DateTime must be an ISO 8601 date-time, e.g. 2026-11-26T10:18:00Z.', {
      extensions: { code: 'BAD_USER_INPUT' },
    });
  }
  return date.toISOString();
}

export const scalarResolvers: Resolvers = {
  DateTime: new GraphQLScalarType({
    name: 'DateTime',
    description: 'An ISO 8601 date-time with a UTC offset, e.g. `2026-11-26T10:18:00.000Z`.',
    serialize: toIso,
    parseValue: parseIso,
    parseLiteral: (ast) => {
      if (ast.kind !== Kind.STRING) throw new GraphQLError('DateTime must be a string.', { extensions: { code: 'BAD_USER_INPUT' } });
      return parseIso(ast.value);
    },
  }),
};

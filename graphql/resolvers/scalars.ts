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

function decimalIn(value: unknown): string | number {
  if (typeof value === 'string' || typeof value === 'number') return value;
  throw new GraphQLError('Decimal must be a string such as "1250.50" or a number.', { extensions: { code: 'BAD_USER_INPUT' } });
}

scalarResolvers.Decimal = new GraphQLScalarType({
  name: 'Decimal',
  description: 'A decimal number as a string, to keep amounts exact, e.g. "1250.50". Inputs also accept JSON numbers.',
  // Prisma's Decimal prints exactly; anything else is printed as it is.
  serialize: (value) => String(value),
  parseValue: decimalIn,
  parseLiteral: (ast) => {
    // The literal's text, not a float: 0.1 stays exactly 0.1.
    if (ast.kind === Kind.STRING || ast.kind === Kind.FLOAT || ast.kind === Kind.INT) return ast.value;
    throw new GraphQLError('Decimal must be a string or a number.', { extensions: { code: 'BAD_USER_INPUT' } });
  },
});

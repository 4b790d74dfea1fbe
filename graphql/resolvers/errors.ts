// User errors in the request's language: the message is translated here (the payloads carry the lib's
// FieldError as it was thrown), the key and parameters pass through for clients that translate themselves.
import { translateError } from '../../lib/i18n/translate-error';
import type { Resolvers } from '../generated/resolvers-types';

export const errorResolvers: Resolvers = {
  UserError: {
    message: async (error, _args, ctx) => translateError(await ctx.locale(), error),
    messageKey: (error) => error.messageKey ?? null,
    params: (error) => Object.entries(error.params ?? {}).map(([name, value]) => ({ name, value: String(value) })),
  },
};

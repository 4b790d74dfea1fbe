// Catalogued sentences in the request's language: the message is translated here (the payloads carry the
// lib's objects as they were made), the key and parameters pass through for clients that translate
// themselves. The same for a payload's user errors, a gate decision's reasons and an interchange's located
// problems (their location too, when it is catalogued).
import type { ErrorParams } from '../../lib/errors';
import { translateError } from '../../lib/i18n/translate-error';
import type { GraphQLContext } from '../context';
import type { Resolvers } from '../generated/resolvers-types';

const paramList = (params: ErrorParams | undefined) => Object.entries(params ?? {}).map(([name, value]) => ({ name, value: String(value) }));

type Catalogued = { message: string; messageKey?: string; params?: ErrorParams };
const cataloguedText = {
  // Uncatalogued text is English whatever the language: the locale (maybe a profile lookup) is not asked for it.
  message: async (o: Catalogued, _args: unknown, ctx: GraphQLContext) => (o.messageKey ? translateError(await ctx.locale(), o) : o.message),
  messageKey: (o: Catalogued) => o.messageKey ?? null,
  params: (o: Catalogued) => paramList(o.params),
};

export const errorResolvers: Resolvers = {
  UserError: cataloguedText,
  GateReason: cataloguedText,
  InterchangeError: {
    ...cataloguedText,
    location: async (e, _args, ctx) => translateError(await ctx.locale(), { message: e.location, messageKey: e.locationKey, params: e.locationParams }),
    locationKey: (e) => e.locationKey ?? null,
    locationParams: (e) => paramList(e.locationParams),
  },
};

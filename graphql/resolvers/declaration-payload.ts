import { getDeclaration } from '../../lib/declarations/get-declaration';
import { isAppError } from '../../lib/errors';
import type { GraphQLContext } from '../context';
import type { DeclarationPayload } from '../generated/resolvers-types';

type Payload = Omit<DeclarationPayload, 'declaration'> & { declaration: Awaited<ReturnType<typeof getDeclaration>> };

/**
 * Runs a mutation and shapes its payload: input problems (BAD_USER_INPUT with field errors, CONFLICT)
 * become `userErrors`; anything else (FORBIDDEN, NOT_FOUND, unexpected) stays a GraphQL error.
 */
export async function declarationPayload(ctx: GraphQLContext, run: () => Promise<{ id: string; replayed?: boolean }>): Promise<Payload> {
  const actor = await ctx.actor();
  try {
    const { id, replayed } = await run();
    return { declaration: await getDeclaration({ actor, id }), userErrors: [], replayed: replayed ?? false };
  } catch (error) {
    if (isAppError(error) && error.code === 'BAD_USER_INPUT') {
      const fieldErrors = error.details.fieldErrors ?? [{ path: [], code: 'invalid', message: error.message }];
      return { declaration: null, userErrors: fieldErrors, replayed: false };
    }
    if (isAppError(error) && error.code === 'CONFLICT') {
      return { declaration: null, userErrors: [{ path: [], code: 'CONFLICT', message: error.message }], replayed: false };
    }
    throw error;
  }
}


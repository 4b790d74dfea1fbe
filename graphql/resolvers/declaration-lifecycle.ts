// Every mutation that changes a declaration, in lifecycle order (graphql/schema/declaration-lifecycle.graphql):
// the filer drafts, submits, amends, answers queries and asks for cancellation; officers query,
// override the lane, assess duties, record payment, decide cancellations, release or reject.
import type { Actor } from '../../lib/auth/actor';
import { amendDeclaration } from '../../lib/declarations/amend-declaration';
import { answerQuery } from '../../lib/declarations/answer-query';
import { assessDuties } from '../../lib/declarations/assess-duties';
import { createDeclarationDraft } from '../../lib/declarations/create-declaration-draft';
import { decideCancellation } from '../../lib/declarations/decide-cancellation';
import { decideDeclaration } from '../../lib/declarations/decide-declaration';
import { getDeclaration } from '../../lib/declarations/get-declaration';
import { overrideLane } from '../../lib/declarations/override-lane';
import { raiseQuery } from '../../lib/declarations/raise-query';
import { recordPayment } from '../../lib/declarations/record-payment';
import { requestCancellation } from '../../lib/declarations/request-cancellation';
import { submitDeclaration } from '../../lib/declarations/submit-declaration';
import { updateDeclarationDraft } from '../../lib/declarations/update-declaration-draft';
import type { FieldError } from '../../lib/errors';
import type { GraphQLContext } from '../context';
import type { DeclarationPayload, Resolvers } from '../generated/resolvers-types';
import { withUserErrors } from '../user-errors';
import { withoutNulls } from '../without-nulls';

type Payload = Omit<DeclarationPayload, 'declaration' | 'userErrors'> & { declaration: Awaited<ReturnType<typeof getDeclaration>>; userErrors: FieldError[] };

/** Runs a change as the caller and answers the declaration as it is afterwards, or the user errors. */
async function declarationPayload(ctx: GraphQLContext, run: (actor: Actor, requestId: string) => Promise<{ id: string; replayed?: boolean }>): Promise<Payload> {
  const actor = await ctx.actor();
  const { value, userErrors } = await withUserErrors(() => run(actor, ctx.requestId));
  if (!value) return { declaration: null, userErrors, replayed: false };
  return { declaration: await getDeclaration({ actor, id: value.id }), userErrors, replayed: value.replayed ?? false };
}

export const declarationLifecycleResolvers: Resolvers = {
  Mutation: {
    createDeclarationDraft: (_root, { input }, ctx) => declarationPayload(ctx, (actor, requestId) => createDeclarationDraft({ actor, input: withoutNulls(input), requestId })),
    updateDeclarationDraft: (_root, { id, input }, ctx) => declarationPayload(ctx, (actor, requestId) => updateDeclarationDraft({ actor, id, input: withoutNulls(input), requestId })),
    submitDeclaration: (_root, { id, idempotencyKey }, ctx) =>
      declarationPayload(ctx, (actor, requestId) => submitDeclaration({ actor, id, idempotencyKey: idempotencyKey ?? undefined, requestId })),
    amendDeclaration: (_root, { id, input, reason }, ctx) => declarationPayload(ctx, (actor, requestId) => amendDeclaration({ actor, id, input: withoutNulls(input), reason, requestId })),
    requestCancellation: (_root, { id, reason }, ctx) => declarationPayload(ctx, (actor, requestId) => requestCancellation({ actor, id, reason, requestId })),
    answerQuery: (_root, { id, answer, amendment }, ctx) =>
      declarationPayload(ctx, (actor, requestId) => answerQuery({ actor, id, answer, amendment: amendment ? withoutNulls(amendment) : undefined, requestId })),
    raiseQuery: (_root, { id, question }, ctx) => declarationPayload(ctx, (actor, requestId) => raiseQuery({ actor, id, question, requestId })),
    overrideLane: (_root, { id, lane, reason }, ctx) => declarationPayload(ctx, (actor, requestId) => overrideLane({ actor, id, lane, reason, requestId })),
    assessDuties: (_root, { id }, ctx) => declarationPayload(ctx, (actor, requestId) => assessDuties({ actor, id, requestId })),
    recordPayment: (_root, { id, amount, reference }, ctx) => declarationPayload(ctx, (actor, requestId) => recordPayment({ actor, id, amount: String(amount), reference, requestId })),
    decideCancellation: (_root, { id, grant, reason }, ctx) => declarationPayload(ctx, (actor, requestId) => decideCancellation({ actor, id, grant, reason, requestId })),
    releaseDeclaration: (_root, { id, reason }, ctx) =>
      declarationPayload(ctx, (actor, requestId) => decideDeclaration({ actor, id, decision: 'RELEASED', reason: reason ?? undefined, requestId })),
    rejectDeclaration: (_root, { id, reason }, ctx) => declarationPayload(ctx, (actor, requestId) => decideDeclaration({ actor, id, decision: 'REJECTED', reason, requestId })),
  },
};

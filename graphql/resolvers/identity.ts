import { inviteUser } from '../../lib/auth/invite-user';
import { listAuditEvents } from '../../lib/auth/list-audit-events';
import { signOutEverywhere } from '../../lib/auth/sign-out-everywhere';
import { delegationState, listDelegations } from '../../lib/parties/list-delegations';
import type { Resolvers } from '../generated/resolvers-types';
import { withUserErrors } from '../user-errors';
import { withoutNulls } from '../without-nulls';

export const identityResolvers: Resolvers = {
  Query: {
    me: (_root, _args, ctx) => ctx.actor(),
    delegations: async (_root, _args, ctx) => listDelegations({ actor: await ctx.actor() }),
    auditEvents: async (_root, args, ctx) => {
      const page = await listAuditEvents({ actor: await ctx.actor(), input: { action: args.action ?? undefined, targetId: args.targetId ?? undefined, first: args.first ?? undefined, after: args.after ?? undefined } });
      return {
        nodes: page.nodes.map((e) => ({ ...e, details: JSON.stringify(e.details) })),
        pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.endCursor },
      };
    },
  },
  Mutation: {
    signOutEverywhere: async (_root, _args, ctx) => {
      const actor = await ctx.actor();
      await signOutEverywhere({ actor });
      return { viewer: actor, signedOutAt: new Date() };
    },
    inviteUser: async (_root, { input }, ctx) => {
      const actor = await ctx.actor();
      const { value, userErrors } = await withUserErrors(() => inviteUser({ actor, input: withoutNulls(input) }));
      return { invitation: value && { id: value.invitationId, email: value.email, locale: value.locale, expiresAt: value.expiresAt, link: value.link }, userErrors };
    },
  },
  Delegation: {
    client: async (d, _args, ctx) => (await ctx.loaders.company.load(d.clientId))!,
    broker: async (d, _args, ctx) => (await ctx.loaders.company.load(d.brokerId))!,
    state: (d) => delegationState(d),
  },
  Viewer: {
    id: (actor) => actor.userId,
    company: (actor, _args, ctx) => (actor.companyId ? ctx.loaders.company.load(actor.companyId) : null),
    token: (actor) => (actor.token ? { id: actor.token.id, name: actor.token.name, scopes: [...actor.token.scopes] } : null),
    clients: async (actor, _args, ctx) => {
      const companies = await ctx.loaders.company.loadMany(actor.clients.map((g) => g.clientId));
      return actor.clients.flatMap((g, i) => {
        const client = companies[i];
        return client && !(client instanceof Error) ? [{ client, scope: g.scope, representation: g.representation }] : [];
      });
    },
  },
};

// Outbound partner links (graphql/schema/partner-links.graphql): thin wrappers over lib/scans.
import { listPartnerLinks } from '../../lib/scans/list-partner-links';
import { listPartnerScanRefusals } from '../../lib/scans/list-partner-scan-refusals';
import { registerPartnerLink } from '../../lib/scans/register-partner-link';
import { repinPartnerLinkLedgerKey } from '../../lib/scans/repin-partner-link-ledger-key';
import { requestPartnerScanPull } from '../../lib/scans/request-partner-scan-pull';
import { revokePartnerLink } from '../../lib/scans/revoke-partner-link';
import type { Resolvers } from '../generated/resolvers-types';
import { withUserErrors } from '../user-errors';

export const partnerLinkResolvers: Resolvers = {
  Query: {
    partnerLinks: async (_root, _args, ctx) => listPartnerLinks({ actor: await ctx.actor() }),
    partnerScanRefusals: async (_root, args, ctx) => listPartnerScanRefusals({ actor: await ctx.actor(), linkId: args.linkId, first: args.first }),
  },
  Mutation: {
    registerPartnerLink: async (_root, { input }, ctx) => {
      const actor = await ctx.actor();
      const { value, userErrors } = await withUserErrors(() => registerPartnerLink({ actor, input, requestId: ctx.requestId }));
      return { link: value, userErrors };
    },
    revokePartnerLink: async (_root, { id, reason }, ctx) => {
      const actor = await ctx.actor();
      const { value, userErrors } = await withUserErrors(() => revokePartnerLink({ actor, id, reason, requestId: ctx.requestId }));
      return { link: value, userErrors };
    },
    repinPartnerLinkLedgerKey: async (_root, { id, expectedLedgerPublicKey }, ctx) => {
      const actor = await ctx.actor();
      const { value, userErrors } = await withUserErrors(() => repinPartnerLinkLedgerKey({ actor, id, expectedLedgerPublicKey, requestId: ctx.requestId }));
      return { link: value, userErrors };
    },
    requestPartnerScanPull: async (_root, { id }, ctx) => {
      const actor = await ctx.actor();
      const { value, userErrors } = await withUserErrors(() => requestPartnerScanPull({ actor, id }));
      return { link: value, userErrors };
    },
  },
};

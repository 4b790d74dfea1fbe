// Cross-border scan exchange (graphql/schema/scan-partners.graphql): thin wrappers over lib/scans.
import { AppError } from '../../lib/errors';
import { getScanProof } from '../../lib/scans/get-scan-proof';
import { listPartnerScans } from '../../lib/scans/list-partner-scans';
import { listScanPartners } from '../../lib/scans/list-scan-partners';
import { readBlob } from '../../lib/scans/read-blob';
import { registerScanPartner } from '../../lib/scans/register-scan-partner';
import { revokeScanPartner } from '../../lib/scans/revoke-scan-partner';
import type { Resolvers } from '../generated/resolvers-types';
import { withUserErrors } from '../user-errors';

export const scanPartnerResolvers: Resolvers = {
  Query: {
    scanPartners: async (_root, _args, ctx) => listScanPartners({ actor: await ctx.actor() }),
    partnerScans: async (_root, args, ctx) => {
      if (!ctx.partner) {
        throw new AppError('UNAUTHENTICATED', 'partnerScans answers partner administrations only: sign the request with your registered Ed25519 key (RFC 9421, docs/scans.md "Cross-border exchange").');
      }
      return listPartnerScans({ partner: ctx.partner, containerNumber: args.containerNumber, since: args.since ? new Date(args.since) : null, first: args.first, after: args.after });
    },
  },
  Mutation: {
    registerScanPartner: async (_root, { input }, ctx) => {
      const actor = await ctx.actor();
      const { value, userErrors } = await withUserErrors(() => registerScanPartner({ actor, input, requestId: ctx.requestId }));
      return { partner: value, userErrors };
    },
    revokeScanPartner: async (_root, { id }, ctx) => {
      const actor = await ctx.actor();
      const { value, userErrors } = await withUserErrors(() => revokeScanPartner({ actor, id, requestId: ctx.requestId }));
      return { partner: value, userErrors };
    },
  },
  // Reached only through partnerScans, whose rows are the partner's already.
  PartnerScan: {
    metadataProof: (scan) => getScanProof(scan.metadataSha256),
  },
  PartnerScanImage: {
    contentBase64: async (image) => (await readBlob(image.sha256)).toString('base64'),
    proof: (image) => getScanProof(image.sha256),
  },
  PartnerScanVerdict: {
    proof: (verdict) => getScanProof(verdict.recordSha256),
  },
};

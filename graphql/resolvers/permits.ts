// The single window (graphql/schema/permits.graphql): agencies and rules, the public requirement
// lookup, applications and permits, citations on declarations. Each resolver authenticates and
// delegates to lib/permits; access is decided there (lib/auth/policy.ts).
import { canReadAgencyNotes } from '../../lib/auth/policy';
import { answerPermitQuery } from '../../lib/permits/answer-permit-query';
import { applyForPermit } from '../../lib/permits/apply-for-permit';
import { citePermit } from '../../lib/permits/cite-permit';
import { confirmExternalPermitReference } from '../../lib/permits/confirm-external-permit-reference';
import { decidePermitApplication } from '../../lib/permits/decide-permit-application';
import { findPermitRequirements } from '../../lib/permits/find-permit-requirements';
import { getDeclarationPermitRequirements } from '../../lib/permits/get-declaration-permit-requirements';
import { getPermit } from '../../lib/permits/get-permit';
import { getPermitApplication } from '../../lib/permits/get-permit-application';
import { listAgencies, listPermitRules } from '../../lib/permits/list-agencies';
import { listPermitApplications } from '../../lib/permits/list-permit-applications';
import { listPermitBalanceEntries } from '../../lib/permits/list-permit-balance-entries';
import { listPermits } from '../../lib/permits/list-permits';
import { documentName } from '../../lib/permits/permit-codes';
import { permitError } from '../../lib/permits/permit-error';
import { retirePermitRule } from '../../lib/permits/retire-permit-rule';
import { revokePermit } from '../../lib/permits/revoke-permit';
import { submitPermitApplication } from '../../lib/permits/submit-permit-application';
import { upsertAgency } from '../../lib/permits/upsert-agency';
import { upsertPermitRule } from '../../lib/permits/upsert-permit-rule';
import { waivePermitRequirement } from '../../lib/permits/waive-permit-requirement';
import type { GraphQLContext } from '../context';
import type { Resolvers } from '../generated/resolvers-types';
import { withUserErrors } from '../user-errors';
import { withoutNulls } from '../without-nulls';

const OPEN = new Set(['SUBMITTED', 'UNDER_REVIEW', 'INFO_REQUESTED']);

async function agencyOf(ctx: GraphQLContext, id: string) {
  const agency = await ctx.loaders.agency.load(id);
  if (!agency) throw permitError('INTERNAL_SERVER_ERROR', 'agencyMissing', { id });
  return agency;
}

/** The requirement (as the caller sees it now) after a change to it. */
async function requirementAfter(ctx: GraphQLContext, declarationId: string, requirementId: string) {
  const all = await getDeclarationPermitRequirements({ declarationId });
  return all.find((r) => r.id === requirementId) ?? null;
}

export const permitResolvers: Resolvers = {
  Query: {
    agencies: () => listAgencies(),
    permitRules: (_root, { agencyCode, includeRetired }) => listPermitRules({ agencyCode: agencyCode ?? undefined, includeRetired: includeRetired ?? false }),
    permitRequirements: (_root, { commodityCode, originCountry, direction, procedureCode }) =>
      findPermitRequirements({ items: [{ commodityCode, originCountry, procedureCode }], direction: direction ?? 'IMPORT' }),
    permitApplications: async (_root, { filter, first, after }, ctx) => listPermitApplications({ actor: await ctx.actor(), filter, first, after }),
    permitApplication: async (_root, { id }, ctx) => getPermitApplication({ actor: await ctx.actor(), id }),
    permit: async (_root, { id, number }, ctx) => getPermit({ actor: await ctx.actor(), id, number }),
    permits: async (_root, { first }, ctx) => listPermits({ actor: await ctx.actor(), first }),
  },
  Mutation: {
    upsertAgency: async (_root, { input }, ctx) => {
      const actor = await ctx.actor();
      const { value, userErrors } = await withUserErrors(() => upsertAgency({ actor, input: withoutNulls(input), requestId: ctx.requestId }));
      return { agency: value, userErrors };
    },
    upsertPermitRule: async (_root, { input }, ctx) => {
      const actor = await ctx.actor();
      const { value, userErrors } = await withUserErrors(() => upsertPermitRule({ actor, input: withoutNulls(input), requestId: ctx.requestId }));
      return { permitRule: value, userErrors };
    },
    retirePermitRule: async (_root, { key }, ctx) => {
      const actor = await ctx.actor();
      const { value, userErrors } = await withUserErrors(() => retirePermitRule({ actor, key, requestId: ctx.requestId }));
      return { permitRule: value, userErrors };
    },
    applyForPermit: async (_root, { input }, ctx) => {
      const actor = await ctx.actor();
      const { value, userErrors } = await withUserErrors(() => applyForPermit({ actor, input, requestId: ctx.requestId }));
      return { permitApplication: value, userErrors };
    },
    submitPermitApplication: async (_root, { id }, ctx) => {
      const actor = await ctx.actor();
      const { value, userErrors } = await withUserErrors(() => submitPermitApplication({ actor, id, requestId: ctx.requestId }));
      return { permitApplication: value, userErrors };
    },
    decidePermitApplication: async (_root, { id, input }, ctx) => {
      const actor = await ctx.actor();
      const { value, userErrors } = await withUserErrors(() => decidePermitApplication({ actor, id, input, requestId: ctx.requestId }));
      return { permitApplication: value, userErrors };
    },
    answerPermitQuery: async (_root, { id, answer }, ctx) => {
      const actor = await ctx.actor();
      const { value, userErrors } = await withUserErrors(() => answerPermitQuery({ actor, id, answer, requestId: ctx.requestId }));
      return { permitApplication: value, userErrors };
    },
    revokePermit: async (_root, { id, reason }, ctx) => {
      const actor = await ctx.actor();
      const { value, userErrors } = await withUserErrors(() => revokePermit({ actor, id, reason, requestId: ctx.requestId }));
      return { permit: value, userErrors };
    },
    citePermit: async (_root, { input }, ctx) => {
      const actor = await ctx.actor();
      const { value, userErrors } = await withUserErrors(() => citePermit({ actor, input, requestId: ctx.requestId }));
      return { permitRequirement: value, userErrors };
    },
    confirmExternalPermitReference: async (_root, { requirementId }, ctx) => {
      const actor = await ctx.actor();
      const { value, userErrors } = await withUserErrors(() => confirmExternalPermitReference({ actor, requirementId, requestId: ctx.requestId }));
      return { permitRequirement: value ? await requirementAfter(ctx, value.declarationId, requirementId) : null, userErrors };
    },
    waivePermitRequirement: async (_root, { requirementId, reason }, ctx) => {
      const actor = await ctx.actor();
      const { value, userErrors } = await withUserErrors(() => waivePermitRequirement({ actor, requirementId, reason, requestId: ctx.requestId }));
      return { permitRequirement: value ? await requirementAfter(ctx, value.declarationId, requirementId) : null, userErrors };
    },
  },
  Declaration: {
    permitRequirements: (d) => getDeclarationPermitRequirements({ declarationId: d.id }),
  },
  PermitRule: {
    documentName: (r) => documentName(r.documentCode),
  },
  PermitRequirement: {
    agency: (m, _args, ctx) => agencyOf(ctx, m.agency.id),
  },
  DeclarationPermitRequirement: {
    agency: (r, _args, ctx) => agencyOf(ctx, r.agency.id),
    permit: async (r, _args, ctx) => (r.permitId ? getPermit({ actor: await ctx.actor(), id: r.permitId }) : null),
    application: async (r, _args, ctx) => (r.application ? getPermitApplication({ actor: await ctx.actor(), id: r.application.id }) : null),
  },
  PermitApplication: {
    agency: (a, _args, ctx) => agencyOf(ctx, a.agencyId),
    rule: (a, _args, ctx) => (a.ruleId ? ctx.loaders.permitRule.load(a.ruleId) : null),
    documentName: (a) => documentName(a.documentCode),
    applicant: async (a, _args, ctx) => (await ctx.loaders.company.load(a.applicantId))!,
    counterparty: (a) => (a.counterparty as { eori: string; name: string; country: string } | null) ?? null,
    declaration: async (a, _args, ctx) => (a.declarationId ? ctx.loaders.declaration(await ctx.actor()).load(a.declarationId) : null),
    goods: (a) => a.goods as never,
    agencyNote: async (a, _args, ctx) => (canReadAgencyNotes(await ctx.actor(), a.agencyId) ? a.agencyNote : null),
    waitingHours: (a) => (a.submittedAt && OPEN.has(a.status) ? Math.round(((Date.now() - a.submittedAt.getTime()) / 3_600_000) * 10) / 10 : null),
    permit: (a, _args, ctx) => ctx.loaders.permitOfApplication.load(a.id),
  },
  Permit: {
    status: (p) => (p.status === 'ACTIVE' && p.validUntil <= new Date() ? 'EXPIRED' : p.status),
    agency: (p, _args, ctx) => agencyOf(ctx, p.agencyId),
    holder: async (p, _args, ctx) => (await ctx.loaders.company.load(p.holderId))!,
    documentName: (p) => documentName(p.documentCode),
    certificateUrl: (p) => `/api/permits/${p.id}/certificate.pdf`,
    balanceHistory: (p) => listPermitBalanceEntries(p.id),
  },
};
